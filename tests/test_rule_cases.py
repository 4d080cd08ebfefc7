"""Every built-in rule's pass/fail cases (tests/rule_cases/*.yaml), run through reportlint.testing."""

from __future__ import annotations

from pathlib import Path

from reportlint.testing import RuleCase, check_case, parametrize_cases

HERE = Path(__file__).parent
CASES = HERE / "rule_cases"
FIXTURES = HERE / "fixtures"


@parametrize_cases([CASES], base_dir=FIXTURES)
def test_rule_case(case: RuleCase) -> None:
    check_case(case)
