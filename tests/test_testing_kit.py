"""reportlint.testing itself: a case fails when the rule crashes or finds too much or too little."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import CaseFileError, Expected, RuleCase, check_case, load_cases

TEXT = "某镇2020年政府信息公开工作年度报告\n本报告依据《关于印发《某某要点》的通知》编制。\n" * 2


def test_a_finding_reported_twice_needs_two_expectations() -> None:
    once = RuleCase("T001", "twice", TEXT, "inline", (Expected(line=2, code="T001"),))
    with pytest.raises(AssertionError, match="found but not expected: 4:"):
        check_case(once)
    twice = RuleCase("T001", "twice", TEXT, "inline", (Expected(line=2, code="T001"), Expected(line=4, code="T001")))
    check_case(twice)


def test_a_rule_that_raises_fails_its_case(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint_rules.typography.T001 import NestedTitleMarks

    def crash(self: object, report: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(NestedTitleMarks, "check", crash)
    with pytest.raises(AssertionError, match="boom"):
        check_case(RuleCase("T001", "crash", TEXT, "inline", ()))


def test_a_case_with_previous_is_checked_against_it(tmp_path: Path) -> None:
    """``previous:`` is a second document; without it the pair rule finds nothing to compare."""
    fixture = Path(__file__).parent / "fixtures" / "clean-2021.txt"
    cases = tmp_path / "Y004.yaml"
    cases.write_text(
        "rule: Y004\n"
        "cases:\n"
        f"  - {{name: alone, base: {fixture}, expect: []}}\n"
        f"  - name: against itself\n"
        f"    base: {fixture}\n"
        f"    previous: {{base: {fixture}}}\n"
        "    expect: [{line: 17}, {line: 63}, {line: 348}]\n",
        encoding="utf-8",
    )
    alone, paired = load_cases(cases)
    assert paired.previous == fixture.read_text(encoding="utf-8") and alone.previous is None
    check_case(alone)
    check_case(paired)
    with pytest.raises(AssertionError, match="found but not expected: 17:"):
        check_case(RuleCase("Y004", "missing", paired.text, "inline", (), previous=paired.previous))


def test_previous_must_be_a_document(tmp_path: Path) -> None:
    cases = tmp_path / "Y004.yaml"
    cases.write_text("rule: Y004\ncases:\n  - {name: bad, text: x, previous: last-year.txt}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="'previous' must be a mapping"):
        load_cases(cases)
    cases.write_text("rule: Y004\ncases:\n  - {name: bad, text: x, previous: {edits: []}}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="previous needs 'text' or 'base'"):
        load_cases(cases)
