"""ME001's pass/fail cases through reportlint.testing, and its options through the engine."""

from __future__ import annotations

from pathlib import Path

from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.policy import Policy, Selection
from reportlint.testing import RuleCase, check_case, parametrize_cases
from reportlint_acme.ME001 import SignatureOptions

HERE = Path(__file__).parent


@parametrize_cases([HERE / "cases"], base_dir=HERE / "fixtures")
def test_rule_case(case: RuleCase) -> None:
    check_case(case)


def _codes(text: str, options: SignatureOptions) -> list[str]:
    manager = create_manager()
    linter = Linter(manager, collect_rules(manager), Policy(Selection.of(select=("ME001",))), {"ME001": options})
    return [d.code for d in linter.lint_bytes("report.txt", text.encode("utf-8"))]


def test_require_agency_can_be_turned_off() -> None:
    text = (HERE / "fixtures" / "signed.txt").read_text(encoding="utf-8").replace("东山县统计局\n2024", "2024")
    assert _codes(text, SignatureOptions()) == ["ME001"]
    assert _codes(text, SignatureOptions.validate({"require-agency": False})) == []


def test_search_lines_widens_the_search() -> None:
    text = (HERE / "fixtures" / "signed.txt").read_text(encoding="utf-8") + "附件：1.目录\n2.流程图\n3.联系方式\n"
    assert _codes(text, SignatureOptions()) == ["ME001"]
    assert _codes(text, SignatureOptions.validate({"search-lines": 5})) == []
