"""Baselines: hide the findings a team has accepted, without comments in the report.

A published report cannot carry ``# noqa`` comments, and an agency adopting
reportlint has years of old reports. ``--write-baseline FILE`` records the current
findings; ``--baseline FILE`` hides exactly those and still shows new ones.

A finding is keyed by a fingerprint of its path, its code and the normalised text
of the line or cell it is anchored to — never its line number — so unrelated edits
above it do not revive it. Identical fingerprints are counted, so a second copy of
an accepted fault is still new. Entries that no longer occur in a file that was
checked come back as P801 (stale-baseline-entry), so the file can be trimmed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from reportlint.diagnostics import Diagnostic, Severity

STALE_CODE = "P801"
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


def normalise_path(path: str) -> str:
    """The path as recorded: normalised, with forward slashes."""
    return Path(os.path.normpath(path)).as_posix()


def fingerprint(diagnostic: Diagnostic) -> str:
    """A stable key for a finding: path, code and anchor text (not the line number)."""
    anchor = diagnostic.anchor or diagnostic.message
    key = f"{normalise_path(diagnostic.path)}\x1f{diagnostic.code}\x1f{anchor}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def write_baseline(path: str, diagnostics: Iterable[Diagnostic]) -> int:
    """Write the findings to *path*; returns how many were written."""
    entries = [
        BaselineEntry(path=normalise_path(d.path), code=d.code, fingerprint=fingerprint(d), message=d.message)
        for d in diagnostics
        if d.code != STALE_CODE
    ]
    document = BaselineFile(findings=entries)
    Path(path).write_text(
        json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return len(entries)


def read_baseline(path: str) -> BaselineFile:
    """Read a baseline written by ``--write-baseline``."""
    try:
        return BaselineFile.model_validate_json(Path(path).read_bytes())
    except OSError as error:
        raise BaselineError(f"{path}: 无法读取基线文件：{error.strerror or error}") from None
    except ValidationError as error:
        raise BaselineError(f"{path}: 不是有效的基线文件（{error.error_count()} 处错误）") from None


def apply_baseline(
    baseline: BaselineFile, diagnostics: Sequence[Diagnostic], checked: Iterable[str]
) -> list[Diagnostic]:
    """The findings not in the baseline, plus a P801 for each baseline entry gone stale."""
    remaining = Counter(entry.fingerprint for entry in baseline.findings)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = fingerprint(diagnostic)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(diagnostic)
    checked_paths = {normalise_path(path) for path in checked}
    for entry in baseline.findings:
        if remaining[entry.fingerprint] > 0 and entry.path in checked_paths:
            remaining[entry.fingerprint] -= 1
            kept.append(
                Diagnostic(
                    path=entry.path,
                    line=1,
                    column=1,
                    code=STALE_CODE,
                    name="stale-baseline-entry",
                    severity=Severity.WARNING,
                    message=f"基线中的 {entry.code} 已不再出现，可从基线文件中删除：{entry.message}",
                    anchor=entry.fingerprint,
                )
            )
    return sorted(kept, key=Diagnostic.sort_key)
