"""Which rules run: ``--select`` / ``--ignore`` by code or prefix, as flake8 and ruff do.

The most specific matching entry wins: ``--select A --ignore A1`` runs A001 but
not A101; ``--ignore A --select A101`` runs A101 only among the A rules.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath

ALL = "ALL"


@dataclass(frozen=True, slots=True)
class Selection:
    """Selected and ignored code prefixes; ``ALL`` selects everything."""

    select: tuple[str, ...] = (ALL,)
    ignore: tuple[str, ...] = ()

    def enabled(self, code: str) -> bool:
        """Whether the rule with *code* runs."""
        selected = _longest_match(code, self.select)
        ignored = _longest_match(code, self.ignore)
        if selected < 0:
            return False
        return selected > ignored or ignored < 0

    def reported(self, code: str) -> bool:
        """Whether a finding with *code* is shown.

        Selected rules are; so are the :data:`ALWAYS_REPORTED` codes unless ignored
        by name or prefix, because a file that could not be read or a rule that
        crashed must never pass silently just because ``--select`` named other rules.
        """
        if code in ALWAYS_REPORTED:
            return not any(code.startswith(prefix) for prefix in self.ignore if prefix != ALL)
        return self.enabled(code)

    def unknown(self, codes: Iterable[str]) -> list[str]:
        """Entries of select/ignore that match no code in *codes* (for error messages)."""
        return unknown_codes((*self.select, *self.ignore), codes)


ALWAYS_REPORTED = frozenset({"P001", "P002", "P006", "P007", "P900", "P901"})
"""Unreadable input and crashes: reported even when not selected (unless ignored)."""


def unknown_codes(entries: Iterable[str], codes: Iterable[str]) -> list[str]:
    """The *entries* (codes or prefixes, or ALL) that match none of *codes*."""
    known = list(codes)
    return [entry for entry in entries if entry != ALL and not any(code.startswith(entry) for code in known)]


def _longest_match(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of *code* in *prefixes* (0 for ALL, -1 for none)."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def parse_codes(value: str) -> tuple[str, ...]:
    """Split a comma-separated list of codes as given on the command line."""
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def file_ignores(path: str, per_file: Mapping[str, tuple[str, ...]], folder: Path) -> tuple[str, ...]:
    """Codes that ``per-file-ignores`` ignores in *path*.

    A glob matches the path relative to *folder* (the configuration file's folder,
    so the result does not depend on where reportlint runs), the path as given, or
    the file's name.
    """
    if not per_file:
        return ()
    given = PurePath(path)
    relative = PurePath(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    candidates = (relative, given.as_posix(), given.name)
    return tuple(
        code
        for pattern, codes in per_file.items()
        if any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates)
        for code in codes
    )


def ignored(code: str, ignores: Iterable[str]) -> bool:
    """Whether *code* matches one of *ignores* (codes, prefixes or ALL)."""
    return any(entry == ALL or code.startswith(entry) for entry in ignores)
