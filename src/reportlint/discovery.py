"""Which files a run checks: paths named on the command line, and directories searched.

A file named explicitly is always checked; a directory contributes the files whose
suffix a reader plugin claims, skipping hidden folders and virtual environments.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

STDIN = "-"
"""The path that stands for standard input."""


def collect_files(paths: Sequence[str], suffixes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Expand directories into the files to check; returns (files, errors)."""
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for path in paths:
        key = os.path.realpath(path) if path != STDIN else STDIN
        if key in seen:
            continue  # the same file named twice is checked once
        seen.add(key)
        if path == STDIN:
            files.append(path)
        elif os.path.isdir(path):
            found = [name for name in sorted(_walk(path, suffixes)) if os.path.realpath(name) not in seen]
            seen.update(os.path.realpath(name) for name in found)
            files.extend(found)
        elif os.path.lexists(path):
            files.append(path)  # a broken link or a loop fails when read, with the reason
        else:
            errors.append(f"{path}: 文件不存在")
    return files, errors


def _walk(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    """Files with *suffixes* under *folder*, skipping hidden folders and virtual environments."""
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not os.path.exists(os.path.join(root, d, "pyvenv.cfg"))]
        found += [os.path.join(root, name) for name in names if name.lower().endswith(suffixes)]
    return found
