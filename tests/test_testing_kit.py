"""reportlint.testing itself: a case fails when the rule crashes or finds too much or too little."""

from __future__ import annotations

import pytest

from reportlint.testing import Expected, RuleCase, check_case

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
