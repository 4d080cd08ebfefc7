"""Which files a run checks: paths named on the command line, and directories searched.

A directory contributes the files whose suffix a reader plugin claims, less what
``exclude`` / ``extend-exclude`` (configuration or command line) skip, with ruff's
semantics: a pattern without ``/`` matches any component of a path (a folder or file
name, ``node_modules`` or ``*_draft.txt``), one with ``/`` matches the path relative
to the folder of the configuration (or, on the command line, the working folder).
``exclude`` replaces the default excludes (hidden files and folders such as ``.git``
and ``.venv``, ``node_modules``, ``venv`` …), ``extend-exclude`` adds to them, and a
folder holding a ``pyvenv.cfg`` (a virtual environment) is never searched.

A file named explicitly is always checked, unless ``--force-exclude`` applies the
excludes to it too. In a folder, a ``.txt`` that is plainly not an annual report (a
``requirements.txt``, a README, a text with none of the words every report has) is
skipped and counted. Nothing here blocks or hides a failure: a named pipe, socket or
device, named or found, is not opened (reading it would wait forever) and is
reported as not checked; an unreadable folder is reported, not skipped silently.
Both are errors of the run (exit status 2), like a file that does not exist.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import field
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path, PurePath

from reportlint.lazyre import lazy_compile
from reportlint.records import record

STDIN = "-"
"""The path that stands for standard input."""

DEFAULT_EXCLUDE = (
    ".*",
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
"""Skipped in folders unless ``exclude`` is set: hidden files and folders (``.git``,
``.venv``, ``.tox`` …) and the build and package folders ruff skips."""

TEXT_SUFFIXES = (".txt",)
"""Suffixes whose files are checked for looking like a report when found in a folder."""

_NOT_REPORT_NAME_RE = lazy_compile(
    r"^(?:requirements|constraints|readme|license|licence|copying|changelog|changes|history|notice|authors"
    r"|contributors|todo|robots|cmakelists|llms|dependency_links|top_level|sources|entry_points)\b",
    re.IGNORECASE,
)
_REPORT_WORDS = ("公开", "年度报告", "年报")
"""Every annual report, even a fragment of one, has one of these in its first pages."""
_SNIFF_BYTES = 16 * 1024
_FILE_KINDS = (
    (stat.S_ISFIFO, "命名管道"),
    (stat.S_ISSOCK, "套接字"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
)


@record(frozen=True)
class Exclusion:
    """The exclude patterns in force, each with the folder its relative form is resolved in."""

    patterns: tuple[tuple[str, Path], ...] = tuple((pattern, Path(".")) for pattern in DEFAULT_EXCLUDE)
    force: bool = False
    """``--force-exclude``: apply the patterns to files named on the command line too."""

    def match(self, path: str) -> str | None:
        """The first pattern that excludes *path*, or ``None``."""
        absolute = Path(os.path.abspath(path))
        parts: dict[Path, tuple[str, ...]] = {}  # per root: the patterns share a few roots
        for pattern, root in self.patterns:
            resolved = self._resolved_roots[root]
            if "/" not in pattern.rstrip("/"):
                name = pattern.rstrip("/")
                if root not in parts:
                    parts[root] = _parts(path, absolute, resolved)
                if any(fnmatchcase(part, name) for part in parts[root]):
                    return pattern
                continue
            if _match_relative(pattern.rstrip("/"), absolute, resolved):
                return pattern
        return None

    @cached_property
    def _resolved_roots(self) -> dict[Path, Path]:
        """Each pattern's folder with symlinks resolved, once: every file is matched against
        every pattern, and resolving asks the file system about each component (it was 1 ms
        per file over the default patterns)."""
        return {root: root.resolve() for _, root in self.patterns}


def _parts(path: str, absolute: Path, root: Path) -> tuple[str, ...]:
    """The components a name pattern is matched against: those below *root* (resolved), else those given."""
    try:
        return absolute.relative_to(root).parts
    except ValueError:
        return tuple(part for part in PurePath(path).parts if part not in (".", "..", "/"))


def _match_relative(pattern: str, absolute: Path, root: Path) -> bool:
    """A pattern with ``/`` matches the path below *root* (resolved), or one of its parent folders."""
    if pattern.startswith("/"):
        candidates = [absolute, *absolute.parents]
        return any(fnmatchcase(candidate.as_posix(), pattern) for candidate in candidates)
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return False
    candidates_rel = [relative, *list(relative.parents)[:-1]]
    return any(fnmatchcase(candidate.as_posix(), pattern.removeprefix("./")) for candidate in candidates_rel)


def exclusion(
    config_exclude: Sequence[str] | None,
    config_extend: Sequence[str],
    config_folder: Path,
    cli_exclude: Sequence[str] | None = None,
    cli_extend: Sequence[str] = (),
    *,
    force: bool = False,
) -> Exclusion:
    """The patterns in force: ``exclude`` (command line over configuration, else the
    defaults) followed by every ``extend-exclude``."""
    cwd = Path.cwd()
    if cli_exclude is not None:
        base = [(pattern, cwd) for pattern in cli_exclude]
    elif config_exclude is not None:
        base = [(pattern, config_folder) for pattern in config_exclude]
    else:
        base = [(pattern, cwd) for pattern in DEFAULT_EXCLUDE]
    extended = [(pattern, config_folder) for pattern in config_extend] + [(pattern, cwd) for pattern in cli_extend]
    return Exclusion(tuple(base + extended), force)


def parse_globs(value: str) -> tuple[str, ...]:
    """``--exclude a,b/*.txt``: comma-separated globs (an argparse ``type``)."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


@record
class Discovery:
    """What a run checks, what it could not, and what it skipped on purpose."""

    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Paths not checked although they should be: missing, not a regular file, unreadable folder."""
    not_reports: list[str] = field(default_factory=list)
    """``.txt`` files found in folders that are plainly not annual reports."""

    def notes(self) -> list[str]:
        """Lines for stderr about what was skipped on purpose (at most one)."""
        if not self.not_reports:
            return []
        example = os.path.basename(sorted(self.not_reports)[0])
        return [
            f"已跳过目录中 {len(self.not_reports)} 个不像年度报告的 .txt 文件（如 {example}）；"
            "在命令行上直接列出文件即可检查"
        ]


def discover(paths: Sequence[str], suffixes: tuple[str, ...], excluded: Exclusion | None = None) -> Discovery:
    """Expand *paths* into the files to check, in order, each once."""
    excluded = excluded or Exclusion()
    found = Discovery()
    seen: set[str] = set()
    for path in paths:
        key = os.path.realpath(path) if path != STDIN else STDIN
        if key in seen:
            continue  # the same file named twice is checked once
        seen.add(key)
        if path == STDIN:
            found.files.append(path)
        elif excluded.force and excluded.match(path):
            continue
        elif os.path.isdir(path):
            for name in sorted(_walk(path, suffixes, excluded, found)):
                real = os.path.realpath(name)
                if real not in seen:
                    seen.add(real)
                    found.files.append(name)
        elif not os.path.lexists(path):
            found.errors.append(f"{path}: 文件不存在")
        elif (kind := special_kind(path)) is not None:
            found.errors.append(f"{path}: 不是普通文件（{kind}），未检查")
        else:
            found.files.append(path)  # a broken link or a loop fails when read, with the reason
    return found


def special_kind(path: str) -> str | None:
    """What *path* is if it is no regular file to read (a pipe would block the run)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a broken link: reading it gives the reason
    for test, kind in _FILE_KINDS:
        if test(mode):
            return kind
    return None


def _walk(folder: str, suffixes: tuple[str, ...], excluded: Exclusion, found: Discovery) -> list[str]:
    """Files with *suffixes* under *folder* that are not excluded; problems go to *found*."""

    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        found.errors.append(f"{where}: 无法读取目录：{error.strerror or error}（其中的文件未检查）")

    files: list[str] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [
            name
            for name in dirs
            if not excluded.match(os.path.join(root, name))
            and not os.path.exists(os.path.join(root, name, "pyvenv.cfg"))
        ]
        for name in names:
            if not name.lower().endswith(suffixes):
                continue
            path = os.path.join(root, name)
            if excluded.match(path):
                continue
            kind = special_kind(path)
            if kind is not None:
                found.errors.append(f"{path}: 不是普通文件（{kind}），已跳过")
            elif name.lower().endswith(TEXT_SUFFIXES) and not looks_like_report(path):
                found.not_reports.append(path)
            else:
                files.append(path)
    return files


def looks_like_report(path: str) -> bool:
    """False for a text file that is plainly not an annual report.

    By its name (``requirements.txt``, ``README.txt``, ``LICENSE.txt`` …), or by its first
    16 KB, which hold none of 公开 / 年度报告 / 年报. An empty or unreadable file counts as
    a report, so that P001/P002 tell the user what is wrong with it.
    """
    if _NOT_REPORT_NAME_RE.match(os.path.basename(path)):
        return False
    from reportlint.readers.text import UndecodableError, decode

    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
        text = decode(head).text
    except (OSError, UndecodableError):
        return True
    return not text.strip() or any(word in text for word in _REPORT_WORDS)
