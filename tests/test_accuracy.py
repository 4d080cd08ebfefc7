"""Findings on the real reports must match the hand-judged accuracy files exactly.

tests/accuracy/<FAMILY>.yaml lists every finding of that family on the seed and the
real corpus, each judged by hand with a reason: TP (a fault worth a clerk's time),
noise (true, but not worth the time) or FP (wrong). Findings of one file that share a
``fault`` key are one fault. Every rule runs here, those off by default too, so that
their findings are judged as well. The corpus is checked as one
run, so the Y rules compare the consecutive years of one agency. When a rule change adds,
drops or moves a finding, this test fails until the file is updated (and judged).
``python tools/accuracy.py`` prints precision per family.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from reportlint.crossyear import check_pairs
from reportlint.engine import Linter
from reportlint.plugins import BUILTIN_FAMILIES, collect_rules, create_manager
from reportlint.policy import Policy, Selection
from tests.conftest import shared_reports

ACCURACY = Path(__file__).parent / "accuracy"


def judged(family: str) -> Counter[tuple[str, int, str]]:
    path = ACCURACY / f"{family}.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    for entry in entries or []:
        assert entry["verdict"] in ("TP", "noise", "FP"), entry
        assert entry.get("why"), entry
    return Counter((entry["file"], int(entry["line"]), entry["code"]) for entry in entries or [])


@pytest.fixture(scope="module")
def findings() -> Counter[tuple[str, int, str]]:
    manager = create_manager()
    every_rule = Policy(Selection.of(select=BUILTIN_FAMILIES))  # ALL would leave out the rules off by default
    linter = Linter(manager, collect_rules(manager), every_rule)
    results = check_pairs(linter, [linter.lint_file(str(path)) for path in shared_reports()])
    return Counter((Path(d.path).name, d.line, d.code) for result in results for d in result.diagnostics)


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("family", [f for f in BUILTIN_FAMILIES if f != "P"])
def test_findings_match_the_judged_accuracy_file(family: str, findings: Counter[tuple[str, int, str]]) -> None:
    current = Counter({key: n for key, n in findings.items() if key[2].startswith(family)})
    recorded = judged(family)
    assert current - recorded == Counter(), f"new findings not judged in tests/accuracy/{family}.yaml"
    assert recorded - current == Counter(), f"judged findings that no longer occur in tests/accuracy/{family}.yaml"
