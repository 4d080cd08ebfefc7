"""Every shared report (seed and real corpus) is read completely: the parser's real test."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.policy import Policy, Selection
from tests.conftest import report_from_file, shared_reports

MISSING_SECTIONS = {"2021_pingtan-finance-bureau.txt": {6}}
"""Sections the published reports really lack (corpus/real/SOURCES.md)."""

REPORTS = shared_reports()


def expected_version(path: Path) -> str:
    """2019 format for the 2019 and 2020 reports, 2021 format from 2021 on (template-spec §3.6)."""
    year = int(path.name[:4]) if path.name[:4].isdigit() else 2020
    return "2019" if year <= 2020 else "2021"


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("path", REPORTS, ids=[path.name for path in REPORTS])
def test_shared_report_is_modelled_completely(path: Path) -> None:
    report = report_from_file(path)
    expected_sections = {1, 2, 3, 4, 5, 6} - MISSING_SECTIONS.get(path.name, set())
    assert set(report.sections) == expected_sections
    assert set(report.tables) == {"二", "三", "四"}
    assert report.template.version == expected_version(path), report.template.reason
    assert len(report.tables["四"].rows["合计"].cells) == 15
    assert report.year is not None and report.title is not None


@pytest.mark.usefixtures("shared_dir")
def test_no_shared_report_gets_a_parse_finding() -> None:
    manager = create_manager()
    linter = Linter(manager, collect_rules(manager), Policy(Selection.of(select=("P",))))
    findings = [d for path in REPORTS for d in linter.lint_file(str(path)).diagnostics]
    assert findings == []
    assert len(REPORTS) == 19
