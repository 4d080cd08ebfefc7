"""Baselines: hide the findings a team has accepted, without comments in the report.

A published report cannot carry ``# noqa`` comments, and an agency adopting
reportlint has years of old reports. ``--write-baseline FILE`` records the current
findings; ``--baseline FILE`` hides exactly those and still shows new ones.

A finding is keyed by a fingerprint of its path (relative to the baseline
file), its code and its anchor — the normalised text around it, or its table,
row and column — never its line number, so unrelated edits do not revive it.
Identical fingerprints are counted, so a second copy of an accepted fault is
still new. Entries that no longer occur in a file that was
checked come back as P801 (stale-baseline-entry), so the file can be trimmed;
applying a baseline is reporting policy and lives in :mod:`reportlint.policy`.
This module owns the file: its format, reading and writing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from reportlint.atomic import write_atomically
from reportlint.diagnostics import Diagnostic, EngineCode

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read."""


class BaselineEntry(BaseModel):
    """One accepted finding."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    code: str
    fingerprint: str
    message: str


class BaselineFile(BaseModel):
    """The JSON document ``--write-baseline`` writes."""

    model_config = ConfigDict(defer_build=True)

    version: int = BASELINE_VERSION
    findings: list[BaselineEntry]


def recorded_path(path: str, baseline: str) -> str:
    """*path* as the baseline records it: relative to the baseline file's folder.

    So a baseline keeps working when reportlint runs from another folder, or is
    given the same file by a relative or an absolute path. A name that is not UTF-8
    is recorded with its odd bytes written as ``\\xff``, so the file stays valid JSON.
    """
    folder = os.path.dirname(os.path.abspath(baseline))
    relative = Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def fingerprint(diagnostic: Diagnostic, baseline: str) -> str:
    """A stable key for a finding: path, code and anchor text (not the line number)."""
    anchor = diagnostic.anchor or diagnostic.message
    key = f"{recorded_path(diagnostic.path, baseline)}\x1f{diagnostic.code}\x1f{anchor}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def write_baseline(path: str, diagnostics: Iterable[Diagnostic]) -> int:
    """Write the findings to *path*; returns how many were written."""
    entries = [
        BaselineEntry(
            path=recorded_path(d.path, path), code=d.code, fingerprint=fingerprint(d, path), message=d.message
        )
        for d in diagnostics
        if d.code != EngineCode.STALE_BASELINE
    ]
    document = BaselineFile(findings=entries)
    text = json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text)  # a full disk must not destroy the previous baseline
    except OSError as error:
        raise BaselineError(f"{path}: 无法写入基线文件：{error.strerror or error}") from None
    return len(entries)


def read_baseline(path: str) -> BaselineFile:
    """Read a baseline written by ``--write-baseline``; a version this reportlint does not know is refused."""
    try:
        baseline = BaselineFile.model_validate_json(Path(path).read_bytes())
    except OSError as error:
        raise BaselineError(f"{path}: 无法读取基线文件：{error.strerror or error}") from None
    except ValidationError as error:
        raise BaselineError(f"{path}: 不是有效的基线文件（{error.error_count()} 处错误）") from None
    if baseline.version != BASELINE_VERSION:
        raise BaselineError(
            f"{path}: 基线文件版本为 {baseline.version}，本版 reportlint 只能读取版本 {BASELINE_VERSION}"
            "（请用 --write-baseline 重新生成）"
        )
    return baseline
