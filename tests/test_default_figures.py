"""The default rule set on the real reports: few findings, messages a clerk reads, right suggestions.

These are issue 10's done-when figures, run as one ``reportlint`` invocation over the
seed and the real corpus (so the cross-year rules compare consecutive years): at most
3.5 findings per report on average and 12 on any report, typography at most 40 % of
them, no template-spec identity code ("T3-B") in a message, and the suggestions that
were wrong before (「：」 for 「；」, an ordinal the next paragraph uses) right or absent.
A rule off by default (``default_enabled = False``) runs only when named.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from reportlint.policy import DEFAULT_LAYER, Selection, SelectionLayer
from tests.conftest import SHARED, run, shared_findings, shared_findings_run, shared_reports

_IDENTITY_CODE = re.compile(r"T[34]-[A-D]")


@pytest.fixture(scope="module")
def default_findings(shared_dir: Path) -> list[dict[str, Any]]:
    assert shared_findings_run().returncode == 1
    return shared_findings()


def test_few_findings_per_report(default_findings: list[dict[str, Any]]) -> None:
    per_report = Counter(Path(record["path"]).name for record in default_findings)
    reports = len(shared_reports())
    assert len(default_findings) / reports <= 3.5, per_report
    assert max(per_report.values()) <= 12, per_report


def test_typography_is_at_most_forty_percent(default_findings: list[dict[str, Any]]) -> None:
    typography = sum(record["code"].startswith("T") for record in default_findings)
    assert typography <= 0.4 * len(default_findings)


def test_no_message_shows_an_identity_code_but_json_evidence_keeps_it(default_findings: list[dict[str, Any]]) -> None:
    assert not [record["message"] for record in default_findings if _IDENTITY_CODE.search(record["message"])]
    arithmetic = [record for record in default_findings if record["code"] in ("A001", "A002", "A003")]
    assert arithmetic and all(_IDENTITY_CODE.search(record["evidence"]["identity"]) for record in arithmetic)


def test_a_blank_total_column_is_one_finding(default_findings: list[dict[str, Any]]) -> None:
    blank = [r for r in default_findings if r["code"] == "A002" and "shanghai" in r["path"]]
    assert len(blank) == 1 and "11行空白" in blank[0]["message"]


def test_a_scope_that_may_differ_is_a_warning(default_findings: list[dict[str, Any]]) -> None:
    scoped = [r for r in default_findings if r["code"] == "X001" and "统计范围可能与表格不同" in r["message"]]
    assert scoped and all(record["severity"] == "warning" for record in scoped)
    assert any(r["code"] == "X001" and r["severity"] == "error" for r in default_findings)


def test_s018_does_not_call_a_government_a_government(default_findings: list[dict[str, Any]]) -> None:
    messages = [record["message"] for record in default_findings if record["code"] == "S018"]
    assert messages and not any("是人民政府" in message for message in messages)


@pytest.mark.usefixtures("shared_dir")
def test_t004_suggests_a_semicolon_before_the_next_point_and_skips_web_addresses() -> None:
    report = SHARED / "corpus" / "real" / "2021_pingtan-finance-bureau.txt"
    found = json.loads(run(str(report), "--select", "T004", "--format", "json").stdout)
    message = found[0]["message"]
    assert "“:”应为“；”2处（第354、355行）" in message
    assert "www.pingtan.gov.cn" not in message


@pytest.mark.usefixtures("shared_dir")
def test_t005_never_suggests_an_ordinal_the_list_goes_on_to_use() -> None:
    report = SHARED / "corpus" / "real" / "2019_pingtan-finance-bureau.txt"
    found = json.loads(run(str(report), "--select", "T005", "--format", "json").stdout)
    by_line = {record["line"]: record["message"] for record in found}
    assert "应为" not in by_line[5] and "应为" not in by_line[7]  # 二是 and 四是 open the next paragraphs
    assert "此处应为「四是」" in by_line[360]


def test_a_rule_off_by_default_runs_only_when_named() -> None:
    assert not Selection().enabled("T004", default_enabled=False)
    assert Selection.of(select=("T004",)).enabled("T004", default_enabled=False)
    assert Selection.of(select=("T",)).enabled("T004", default_enabled=False)
    assert Selection((DEFAULT_LAYER, SelectionLayer(extend_select=("T004",)))).enabled("T004", default_enabled=False)
    assert not Selection.of(select=("ALL",)).enabled("T004", default_enabled=False)
    assert not Selection.of(select=("T004",), ignore=("T004",)).enabled("T004", default_enabled=False)
    assert Selection().enabled("T001", default_enabled=True)


@pytest.mark.usefixtures("shared_dir")
def test_the_command_line_turns_a_rule_off_by_default_on() -> None:
    report = str(SHARED / "corpus" / "real" / "2023_pingtan-zone.txt")
    codes = lambda *args: {record["code"] for record in json.loads(run(report, "--format", "json", *args).stdout)}  # noqa: E731
    assert "T004" not in codes()
    assert "T004" in codes("--extend-select", "T004")
    assert codes("--select", "T004") == {"T004"}
