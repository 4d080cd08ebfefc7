"""Text people paste gives the findings of the hand-made text of the same report.

The fixtures under tests/fixtures/pasted were made by tools/make_pasted.py with the real
software (Chromium's innerText of the real Shanghai page and of LibreOffice's HTML export
of each report's .docx, LibreOffice's "save as text", poppler's ``pdftotext -layout`` of
the three real PDFs, and what LibreOffice Writer and Calc put on the clipboard when the
.docx, the HTML export or the real page is selected whole and copied). Each is compared
with the hand-made .txt in ../shared by the S, A, D, C and X findings (code and message):
positions differ, the meaning must not.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from reportlint.diagnostics import Diagnostic
from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.sheet_copy import sheet_width
from tests.conftest import FIXTURES, SHARED, report_from_file

PASTED = FIXTURES / "pasted"
COMPARED = ("S", "A", "D", "C", "X")
SAME = ("browser-page", "browser-docx", "office-text", "office-copy")
"""Layouts read in full: the findings must be the same."""
TABLES_UNREAD = {
    "pdftotext": (
        "pdftotext -layout lines a table's cells up with spaces and spreads merged labels over "
        "several lines (三、/本/年/度…); the grammar has no layout for that, so the tables are not "
        "read, P004 names each, and only the findings that need the tables' numbers are missing"
    ),
}
"""Layouts whose tables reportlint does not read, and why; see test_unread_tables_are_never_a_silent_pass."""
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


def diagnostics(path: Path) -> tuple[Diagnostic, ...]:
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


@pytest.mark.parametrize("pasted", fixtures(*TABLES_UNREAD), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_unread_tables_are_never_a_silent_pass(shared_dir: Path, pasted: Path) -> None:
    """No finding the hand-made text does not have, and P004 for every table it has."""
    assert set(compared(pasted)) <= set(compared(hand_made(pasted)))
    unread = [d.message for d in diagnostics(pasted) if d.code == "P004"]
    assert len(unread) == 3 and [message[5:8] for message in unread] == ["表二（", "表三（", "表四（"]


@pytest.mark.parametrize("pasted", fixtures(*SAME), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_tables_of_a_copy_are_all_read(pasted: Path) -> None:
    assert not [d for d in diagnostics(pasted) if d.code in ("P005", "P004")]


@pytest.mark.parametrize(
    "pasted", fixtures(*SAME, *TABLES_UNREAD, "calc-copy"), ids=lambda path: f"{path.parent.name}/{path.stem}"
)
def test_the_table_row_four_is_not_taken_for_section_four(pasted: Path) -> None:
    assert not [d for d in diagnostics(pasted) if d.code == "S003" and "结转下年度" in d.message]


@pytest.mark.parametrize("pasted", fixtures("pdftotext"), ids=lambda path: path.stem)
def test_wrapped_pdf_lines_give_no_unbalanced_brackets_in_prose(shared_dir: Path, pasted: Path) -> None:
    """pdftotext keeps the line breaks of a wrapped paragraph; brackets split by them are no T003.

    What T003 still sees lies in table 三's own labels (「（二）部分公开（区分处理的，只计这一情」 /
    「形，不计其他情形）」), which come out as loose lines because the table is not read.
    """
    found = diagnostics(pasted)
    table_3 = next(d.line for d in found if d.code == "P004" and "表三" in d.message)
    table_4 = next(d.line for d in found if d.code == "P004" and "表四" in d.message)
    in_prose = [d for d in found if d.code == "T003" and not table_3 - 5 <= d.line < table_4]
    hand = [d for d in diagnostics(hand_made(pasted)) if d.code == "T003"]
    assert len(in_prose) == len(hand)


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
