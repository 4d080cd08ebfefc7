"""reportlint.testing itself: a case fails when the rule crashes or finds too much or too little.

Also how expectations locate their line: by ``at`` text that must occur exactly once
(else that case fails with a message naming it and the text) or by a ``line`` number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import AtTextError, CaseFileError, Expected, RuleCase, check_case, line_of, load_cases

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


CASE_FILE = """\
rule: T001
cases:
  - name: the second copy is found by text
    text: |
      某镇2020年政府信息公开工作年度报告
      本报告依据《关于印发《某某要点》的通知》编制。
      另依据《关于印发《某某细则》的通知》编制。
    expect:
      - {line: 2}
      - {at: "《某某细则》", column: 9}
  - name: text quoted twice is ambiguous
    text: |
      某镇2020年政府信息公开工作年度报告
      本报告依据《关于印发《某某要点》的通知》编制。
      本报告依据《关于印发《某某要点》的通知》编制。
    expect:
      - {line: 2}
      - {at: "《某某要点》"}
  - name: text that is not in the report is missing
    text: |
      某镇2020年政府信息公开工作年度报告
      本报告依据《关于印发《某某要点》的通知》编制。
    expect:
      - {at: "《某某细则》"}
"""


def _cases(tmp_path: Path, text: str = CASE_FILE) -> dict[str, RuleCase]:
    path = tmp_path / "T001.yaml"
    path.write_text(text, encoding="utf-8")
    return {case.name: case for case in load_cases(path)}


def test_at_text_gives_the_line_it_is_on(tmp_path: Path) -> None:
    case = _cases(tmp_path)["the second copy is found by text"]
    assert [(e.line, e.column, e.at) for e in case.expect] == [(2, None, None), (3, 9, "《某某细则》")]
    check_case(case)


def test_an_ambiguous_at_text_fails_its_case_naming_the_case_and_the_text(tmp_path: Path) -> None:
    case = _cases(tmp_path)["text quoted twice is ambiguous"]
    with pytest.raises(AssertionError) as failure:
        check_case(case)
    message = str(failure.value)
    assert "T001.yaml::text quoted twice is ambiguous" in message
    assert "expected finding 2: the 'at' text '《某某要点》' occurs 2 times (starting on lines 2, 3)" in message


def test_a_missing_at_text_fails_its_case_and_the_others_still_load(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    with pytest.raises(AssertionError) as failure:
        check_case(cases["text that is not in the report is missing"])
    message = str(failure.value)
    assert "T001.yaml::text that is not in the report is missing" in message
    assert "the 'at' text '《某某细则》' does not occur in the document" in message
    check_case(cases["the second copy is found by text"])


def test_at_text_can_span_lines_to_reach_a_cell() -> None:
    report = "（一）予以公开\n\t3\n\t0\n\n（二）部分公开\n\t3\n"
    assert line_of(report, "（一）予以公开\n\t3") == 2
    assert line_of(report, "（二）部分公开\n\t3\n") == 6, "a trailing newline stays on the line it ends"
    assert line_of(report, "\t0\n\n（二）") == 5
    with pytest.raises(AtTextError, match=r"occurs 2 times \(starting on lines 2, 6\)"):
        line_of(report, "\t3")


def test_overlapping_repeats_count_as_ambiguous() -> None:
    with pytest.raises(AtTextError, match="occurs 2 times"):
        line_of("\t0\n\t0\n\t0\n", "\t0\n\t0")


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ("{line: 2, at: 《某某要点》}", "either 'line' or 'at'"),
        ("{message: 嵌套}", "either 'line' or 'at'"),
        ("{at: 12}", "'at' must be text"),
        ("{at: ''}", "must not be empty"),
        ("{at: null}", "'at' must be text"),
        ("{line: two}", "'line' must be a line number"),
        ("《某某要点》", "must be a mapping"),
    ],
)
def test_a_malformed_expectation_is_a_case_file_error(tmp_path: Path, entry: str, complaint: str) -> None:
    text = f'rule: T001\ncases:\n  - name: bad\n    text: "x"\n    expect:\n      - {entry}\n'
    with pytest.raises(CaseFileError, match=complaint) as failure:
        _cases(tmp_path, text)
    assert "case 'bad': expected finding 1" in str(failure.value)


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


FIX_CASES = """\
rule: T001
cases:
  - name: the fix the rule makes
    text: "某镇2020年政府信息公开工作年度报告\\n本报告依据《关于印发《某某要点》的通知》编制。\\n"
    expect: [{line: 2}]
    fixed:
      - {old: "《某某要点》", new: "〈某某要点〉"}
  - name: a fix the rule does not make
    text: "某镇2020年政府信息公开工作年度报告\\n本报告依据《关于印发《某某要点》的通知》编制。\\n"
    expect: [{line: 2}]
    fixed: []
"""


def test_a_case_checks_what_the_rules_fixes_make_of_the_document(tmp_path: Path) -> None:
    path = tmp_path / "T001.yaml"
    path.write_text(FIX_CASES, encoding="utf-8")
    right, wrong = load_cases(path)
    assert right.fixed is not None and "〈某某要点〉" in right.fixed and right.unsafe_fixed is None
    check_case(right)
    with pytest.raises(AssertionError, match=r"fixed differs(.|\n)*\+本报告依据《关于印发〈某某要点〉的通知》编制。"):
        check_case(wrong)
    path.write_text(FIX_CASES.replace("fixed: []", "fixed: {old: x}"), encoding="utf-8")
    with pytest.raises(CaseFileError, match="fixed: edits must be a list"):
        load_cases(path)
