"""Text people paste gives the findings of the hand-made text of the same report.

The fixtures under tests/fixtures/pasted were made by tools/make_pasted.py with the real
software (Chromium's innerText of the real Shanghai page and of LibreOffice's HTML export
of each report's .docx, LibreOffice's "save as text", poppler's ``pdftotext -layout`` of
the three real PDFs and of each report's LibreOffice PDF, and what LibreOffice Writer and Calc
put on the clipboard when the .docx, the HTML export or the real page is selected whole and
copied). Each is compared with the hand-made .txt in ../shared by the S, A, D, C and X findings
(code and message): positions differ, the meaning must not; where it does (DIFFERS,
SHEET_DIFFERS), the test says by which codes and why.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import pytest

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.sheet_copy import sheet_width
from tests.conftest import FIXTURES, SHARED, report_from_file

PASTED = FIXTURES / "pasted"
COMPARED = ("S", "A", "D", "C", "X")
SAME = ("browser-page", "browser-docx", "office-text", "pdftotext", "office-copy")
"""Layouts read in full: the findings must be the same."""
PDF_DOCUMENTS = "pdftotext-documents"
"""pdftotext -layout of the LibreOffice-made PDFs: the same findings, but for those listed below."""
_SPACED = (
    "pdftotext sets digits apart from the Chinese text around them by spaces (「微信工作群有 11 个清理至 8」, "
    "「2021 年」, 「热线电话 11 通」); the rules that read counts in prose need the number and its measure "
    "word together, and their messages quote the text as written, so these prose findings differ"
)
DIFFERS: dict[str, tuple[set[str], set[str], str]] = {
    "000_a487699205d89632": (set(), {"A006"}, _SPACED),
    "2019_pingtan-finance-bureau": (set(), {"A007"}, _SPACED),
    "2019_pingtan-zone": ({"C003"}, {"A007"}, _SPACED),
    "2020_pingtan-zone": (set(), {"A007"}, _SPACED),
    "2021_pingtan-finance-bureau": (set(), {"A007", "A008", "D007"}, _SPACED),
    "2024_huaian-hongze-district": (
        {"C003", "S018"},
        {"X001"},
        "LibreOffice justifies this report's lines by spacing out every character (「公 室 联 系 （ 地 址 ：」), "
        "which pdftotext prints as spaces: the prose is unreadable as words; its tables are read in full",
    ),
    "2019_shanghai-municipal-office": (
        set(),
        {"A002", "A008", "X001", "X005"},
        "tables 三 and 四 of this PDF are mostly blank cells in narrow columns, and pdftotext shifts every "
        "line by its own text, so which column a number is in cannot be told: the tables are left unread "
        "(P004) rather than read into wrong columns, and only the findings that need them are missing",
    ),
}
"""Files of PDF_DOCUMENTS whose findings differ: (codes only they have, codes only the hand-made text has, why)."""
TABLES_UNREAD = {"2019_shanghai-municipal-office": ("表三（", "表四（")}
"""Files of PDF_DOCUMENTS whose tables are not read, and which P004 names."""
SHEET_DIFFERS = {
    "2019_pingtan-police": (
        "the real fault, 「一、本年新收」 with 6 values for 7 columns (S009), is lost: Calc lays the 6 cells "
        "under the last six column labels and leaves 自然人 empty, and a sheet cannot tell a missing cell "
        "from an empty one"
    ),
}
"""Calc copies (calc-copy/, not the real page) whose findings differ, and why."""


def fixtures(*kinds: str) -> list[Path]:
    return sorted(path for kind in kinds for path in (PASTED / kind).glob("*.txt"))


@lru_cache(maxsize=1)
def linter() -> Linter:
    manager = create_manager()
    return Linter(manager, collect_rules(manager))


@cache
def diagnostics(path: Path) -> tuple[Diagnostic, ...]:
    """Every finding for one file, linted once per test process: most files are read by
    several tests, and each hand-made text is compared with all the forms of its report."""
    return linter().lint_file(str(path)).diagnostics


def compared(path: Path) -> list[tuple[str, str]]:
    return sorted((d.code, d.message) for d in diagnostics(path) if d.code.startswith(COMPARED))


def hand_made(pasted: Path) -> Path:
    name = pasted.stem.removesuffix(".page")
    real = SHARED / "corpus" / "real" / f"{name}.txt"
    return real if real.exists() else SHARED / "seeds" / f"{name}.txt"


def test_every_kind_of_paste_has_its_fixtures() -> None:
    documents = sorted(path.stem for path in (FIXTURES / "documents").glob("*.docx"))
    assert len(documents) == 19
    for kind in ("browser-docx", "office-text", "office-copy", "calc-copy"):
        assert documents == sorted(path.stem for path in (PASTED / kind).glob("*.txt") if ".page" not in path.name)
    assert [path.stem for path in fixtures("browser-page")] == ["2019_shanghai-municipal-office"]
    assert len(fixtures("pdftotext")) == 3
    assert sorted(path.stem for path in fixtures(PDF_DOCUMENTS)) == documents
    for kind in ("office-text", "office-copy", "calc-copy"):
        assert (PASTED / kind / "2019_shanghai-municipal-office.page.txt").exists()


def sheet_fixtures(differing: bool) -> list[Path]:
    return [path for path in fixtures("calc-copy") if (path.stem in SHEET_DIFFERS) is differing]


@pytest.mark.parametrize("pasted", sheet_fixtures(False), ids=lambda path: path.stem)
def test_a_spreadsheet_copy_gives_the_hand_made_findings(shared_dir: Path, pasted: Path) -> None:
    assert compared(pasted) == compared(hand_made(pasted))
    assert not [d for d in diagnostics(pasted) if d.code in ("P005", "P004")]


@pytest.mark.parametrize("pasted", sheet_fixtures(False), ids=lambda path: path.stem)
def test_a_spreadsheet_copy_reads_every_cell_as_the_hand_made_text(shared_dir: Path, pasted: Path) -> None:
    """Not only the findings: every number of tables 二, 三 and 四 is read into the same cell."""

    def cells(path: Path) -> dict[tuple[str, str, str], tuple[str, float | None]]:
        tables = report_from_file(path).tables.values()
        return {
            (t.kind, c.row_key, c.column_key): (c.value.kind, c.value.number) for t in tables for c in t.all_cells()
        }

    assert cells(pasted) == cells(hand_made(pasted))


@pytest.mark.parametrize("pasted", sheet_fixtures(True), ids=lambda path: path.stem)
def test_a_spreadsheet_copy_differs_only_where_its_grid_is_undecidable(shared_dir: Path, pasted: Path) -> None:
    """See SHEET_DIFFERS: only the shape of the faulty row (S009) differs."""
    copy, hand = set(compared(pasted)), set(compared(hand_made(pasted)))
    assert copy != hand
    assert {code for code, _ in copy ^ hand} == {"S009"}
    assert not [d for d in diagnostics(pasted) if d.code in ("P005", "P004")]


@pytest.mark.parametrize("pasted", fixtures(*SAME), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_copy_gives_the_hand_made_findings(shared_dir: Path, pasted: Path) -> None:
    assert compared(pasted) == compared(hand_made(pasted))


@pytest.mark.parametrize("pasted", fixtures(PDF_DOCUMENTS), ids=lambda path: path.stem)
def test_the_text_of_a_pdf_gives_the_hand_made_findings(shared_dir: Path, pasted: Path) -> None:
    """Each file gives the hand-made findings, or differs by exactly the codes DIFFERS lists."""
    mine, hand = set(compared(pasted)), set(compared(hand_made(pasted)))
    only_mine, only_hand, _ = DIFFERS.get(pasted.stem, (set(), set(), ""))
    assert ({code for code, _ in mine - hand}, {code for code, _ in hand - mine}) == (only_mine, only_hand)


def test_most_pdfs_give_the_hand_made_findings(shared_dir: Path) -> None:
    """The figure the documentation gives: 12 of the 19 LibreOffice PDFs, and all 3 real PDFs, match."""
    pdfs = fixtures(PDF_DOCUMENTS)
    assert sum(compared(path) == compared(hand_made(path)) for path in pdfs) == len(pdfs) - len(DIFFERS) == 12
    assert all(compared(path) == compared(hand_made(path)) for path in fixtures("pdftotext"))


@pytest.mark.parametrize("pasted", fixtures(*SAME, PDF_DOCUMENTS), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_tables_of_a_copy_are_all_read(pasted: Path) -> None:
    unread = [d.message for d in diagnostics(pasted) if d.code in ("P005", "P004")]
    expected = TABLES_UNREAD.get(pasted.stem, ()) if pasted.parent.name == PDF_DOCUMENTS else ()
    assert [message[5:8] for message in unread] == list(expected)


@pytest.mark.parametrize("name", sorted(TABLES_UNREAD))
def test_unread_tables_are_never_a_silent_pass(shared_dir: Path, name: str) -> None:
    """Where tables are left unread, P004 (an error) says so, and no finding appears that the hand-made text has not."""
    pasted = PASTED / PDF_DOCUMENTS / f"{name}.txt"
    assert set(compared(pasted)) <= set(compared(hand_made(pasted)))
    unread = [d for d in diagnostics(pasted) if d.code == "P004"]
    assert unread and all(d.severity is Severity.ERROR for d in unread)


@pytest.mark.parametrize(
    "pasted", fixtures(*SAME, PDF_DOCUMENTS, "calc-copy"), ids=lambda path: f"{path.parent.name}/{path.stem}"
)
def test_the_table_row_four_is_not_taken_for_section_four(pasted: Path) -> None:
    assert not [d for d in diagnostics(pasted) if d.code == "S003" and "结转下年度" in d.message]


@pytest.mark.parametrize("pasted", fixtures("pdftotext"), ids=lambda path: path.stem)
def test_wrapped_pdf_lines_give_no_unbalanced_brackets(shared_dir: Path, pasted: Path) -> None:
    """pdftotext keeps the line breaks of a wrapped paragraph or table label; brackets split by them are no T003."""
    found = [d for d in diagnostics(pasted) if d.code == "T003"]
    hand = [d for d in diagnostics(hand_made(pasted)) if d.code == "T003"]
    assert len(found) == len(hand)


def test_a_wrapped_paragraph_is_one_paragraph_that_locates_each_character() -> None:
    """The first paragraph of the PDF's text wraps over six lines; its words are found where they are."""
    pasted = PASTED / "pdftotext" / "2024_huaian-city.txt"
    report = report_from_file(pasted)
    lines = pasted.read_text(encoding="utf-8").split("\n")
    first = next(line for _, line in report.text_lines() if line.text.startswith("本报告由"))
    assert first.text.endswith("电子邮箱：hazwgkc@163.com）。") and len(first.wraps) == 5
    for word in ("国令第", "请与淮安市人民政府办公室", "hazwgkc"):
        offset = first.text.index(word)
        line, column = report.locate(first.line, first.column + offset)
        assert lines[line - 1][column - 1 :].startswith(word)


def test_only_a_whole_sheet_is_read_as_a_sheet(shared_dir: Path) -> None:
    """The sheet reading (sheet_copy) starts only on a Calc copy, never on the other forms or the corpus."""
    others = [*fixtures(*SAME, *TABLES_UNREAD), *(shared_dir / "corpus" / "real").glob("*.txt")]
    assert all(sheet_width(path.read_text(encoding="utf-8-sig")) for path in fixtures("calc-copy"))
    assert not [path.name for path in others if sheet_width(path.read_text(encoding="utf-8-sig"))]
