"""Findings carry an end position on their line, so editors can underline the offending text."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from reportlint.engine import read_report
from reportlint.plugins import create_manager
from tests.conftest import FIXTURES, run, shared_findings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WITH_SPAN = (
    "T001", "T002", "T003", "T004", "T005", "C003", "C006", "D001",
    "D003", "X001", "X002", "X004", "A006", "A007", "A008",
)  # fmt: skip
"""Codes whose findings always name a span of text on one line."""


def lint_json(*paths: Path) -> list[dict[str, Any]]:
    """The findings of the command line's ``--format json`` on *paths*."""
    result = run("--isolated", "--format", "json", *map(str, paths))
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


@functools.cache
def file_lines(path: str) -> list[str]:
    """The lines of a report as the linter reads them: decoded, newlines normalised, and for
    a document (.docx) the text its reader extracted."""
    return read_report(create_manager(), path, Path(path).read_bytes()).text.split("\n")


def underlined(finding: dict[str, Any]) -> str:
    """The text a finding's span covers."""
    line = file_lines(finding["path"])[finding["line"] - 1]
    return line[finding["column"] - 1 : finding["end_column"] - 1]


@pytest.fixture(scope="module")
def findings(shared_dir: Path) -> list[dict[str, Any]]:
    found = lint_json(EXAMPLES) + shared_findings()  # the shared reports: one run that other tests read too
    assert found, "no findings at all on the examples and the shared reports"
    return found


def test_every_end_position_lies_on_the_finding_line_after_its_column(findings: list[dict[str, Any]]) -> None:
    wrong = []
    for finding in findings:
        if finding["end_column"] is None:
            assert finding["end_line"] is None, finding
            continue
        width = len(file_lines(finding["path"])[finding["line"] - 1])
        where = (Path(finding["path"]).name, finding["line"], finding["code"])
        if finding["end_line"] != finding["line"] or not finding["column"] < finding["end_column"] <= width + 1:
            wrong.append((*where, finding["column"], finding["end_column"], width))
        elif not underlined(finding).strip():
            wrong.append((*where, "underlines only spaces"))
    assert wrong == []


def test_text_findings_of_the_span_rules_have_end_positions(findings: list[dict[str, Any]]) -> None:
    spanned = [finding for finding in findings if finding["code"] in WITH_SPAN]
    assert len({finding["code"] for finding in spanned}) >= 10, "the corpus no longer exercises most span rules"
    missing = [(Path(f["path"]).name, f["line"], f["code"]) for f in spanned if f["end_column"] is None]
    assert missing == []


def test_planted_phone_and_date_faults_underline_exactly_the_number_and_the_date(tmp_path: Path) -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    assert text.count("明确拟稿科室初审") == 1
    text = text.replace("明确拟稿科室初审", "自2023年2月29日起明确拟稿科室初审，4月31日完成梳理", 1)
    text = text.replace("一、总体情况", "电话：0591-6256111。\n一、总体情况", 1)
    path = tmp_path / "planted.txt"
    path.write_text(text, encoding="utf-8")
    found = lint_json(path)
    spans = sorted((f["code"], underlined(f)) for f in found if f["code"] in ("C003", "D003"))
    assert spans == [("C003", "0591-6256111"), ("D003", "2023年2月29日"), ("D003", "4月31日")]
