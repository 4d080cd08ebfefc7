"""Space-aligned tables (``pdftotext -layout``): read into the model, cell by cell, where they are.

The fixtures are poppler's own output (tests/fixtures/pasted/pdftotext*/, see the README
there): the three real PDFs of ../shared/corpus/pdf and the LibreOffice PDF of each
shared report. tests/test_pasted.py compares their findings with the hand-made texts;
here the reading itself is checked: every number sits at its line and column of the
original text, wrapped and merged labels are one cell, page breaks inside a table do
not break it, a table that cannot be placed without guessing is left to P004, and text
that is not space-aligned is not touched.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from reportlint import syntax
from reportlint.diagnostics import Diagnostic
from reportlint.engine import Linter
from reportlint.model import aligned
from reportlint.model.aligned import read_aligned_tables
from reportlint.model.templates import T2, T3, T4
from reportlint.parsing import parse_text
from reportlint.plugins import collect_rules, create_manager
from reportlint.readers.text import decode, normalise_newlines
from tests.conftest import FIXTURES, SHARED, report_from_file, report_from_text

PDFTOTEXT = FIXTURES / "pasted" / "pdftotext"
DOCUMENTS = FIXTURES / "pasted" / "pdftotext-documents"
CITY = PDFTOTEXT / "2024_huaian-city.txt"
HONGZE = PDFTOTEXT / "2023_huaian-hongze-district.txt"


def _lines(path: Path) -> list[str]:
    return normalise_newlines(path.read_text(encoding="utf-8")).split("\n")


def _all_pdf_texts() -> list[Path]:
    return sorted([*PDFTOTEXT.glob("*.txt"), *DOCUMENTS.glob("*.txt")])


@pytest.mark.parametrize("path", _all_pdf_texts(), ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_number_is_where_the_text_has_it(path: Path) -> None:
    """Each cell of each table read points at its own characters in pdftotext's lines."""
    report = report_from_file(path)
    lines = _lines(path)
    cells = [cell for table in report.tables.values() for cell in table.all_cells()]
    assert cells or path.stem == "2019_shanghai-municipal-office"
    for cell in cells:
        written = lines[cell.line - 1][cell.column_number - 1 :]
        assert written.startswith(cell.value.text.split("元")[0]), (cell, written[:20])


def test_a_wrapped_label_is_one_cell_at_its_first_line() -> None:
    """「（二）部分公开（区分处理的，只计这一情」 / values / 「形，不计其他情形）」: one row.

    The label starts at its first line; the values are on the line below it.
    """
    report = report_from_file(CITY)
    lines = _lines(CITY)
    row = report.tables[T3].rows["（二）"]
    assert row.label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert lines[row.line - 1].strip() == "（二）部分公开（区分处理的，只计这一情"
    values = [cell.value.number for cell in row.cells.values()]
    assert values == [447, 7, 0, 0, 0, 0, 454]
    assert {cell.line for cell in row.cells.values()} == {row.line + 1}


def test_a_label_spread_down_its_column_is_one_merged_cell() -> None:
    """「三、」 「本」 「年」 「度」 …, a character every other line between the rows: one cell, 三、本年度办理结果."""
    report = report_from_file(CITY)
    table = next(
        block
        for block in report.document.blocks
        if isinstance(block, syntax.Table) and block.line == report.tables[T3].line
    )
    merged = [cell for row in table.rows for cell in row.cells if cell.text == "三、本年度办理结果"]
    assert len(merged) == 1
    assert _lines(CITY)[merged[0].line - 1].strip() == "三、"
    assert merged[0].end_line - merged[0].line > 10


def test_a_table_continues_over_a_page_break() -> None:
    """Table 三 of the city's PDF runs over a form feed and a page number; the rows after it are read."""
    report = report_from_file(CITY)
    lines = _lines(CITY)
    row = report.tables[T3].rows["（四）2"]
    assert lines[row.line - 1].startswith("\f")
    assert any(line.strip() == "-4-" for line in lines[row.line - 4 : row.line])
    assert row.cells["总计"].value.number == 11
    assert report.tables[T3].rows["（六）3"].cells["总计"].value.number == 110  # 「3、其他」 by its group


def test_table_four_headers_stacked_a_character_a_line_are_found() -> None:
    """「结」/「果」/「维」/「持」 under one another (LibreOffice's narrow columns): no column is missing."""
    report = report_from_file(DOCUMENTS / "2019_pingtan-police.txt")
    assert [d for d in report_diagnostics(DOCUMENTS / "2019_pingtan-police.txt") if d.code == "S007"] == []
    headers = [cell.text for cell in report.tables[T4].header_cells]
    assert headers.count("结果维持") == 3 and headers.count("总计") == 3


def test_a_finding_points_at_the_line_of_the_pdf_text() -> None:
    """Hongze 2023's table 四 has 总计 0 beside 结果维持 10 (A003): the finding is on that line of the text."""
    found = [d for d in report_diagnostics(HONGZE) if d.code == "A003"]
    assert len(found) == 1
    line = _lines(HONGZE)[found[0].line - 1]
    assert re.fullmatch(r"10\s+1\s+0(\s+\d+){12}\s*", line)
    report = report_from_file(HONGZE)
    review = report.tables[T4].cell("合计", "行政复议/结果维持")
    assert review is not None and (review.line, review.column_number) == (found[0].line, 1)


@lru_cache(maxsize=1)
def _linter() -> Linter:
    manager = create_manager()
    return Linter(manager, collect_rules(manager))


def report_diagnostics(path: Path) -> tuple[Diagnostic, ...]:
    return _linter().lint_file(str(path)).diagnostics


def _shorten_rows(text: str, count: int) -> str:
    """*text* with the last value of *count* table-三 rows removed (as if those cells were blank)."""
    lines = text.split("\n")
    done = 0
    for index, line in enumerate(lines):
        if done < count and re.search(r"属于.*\s\d+\s+\d+\s*$", line):
            lines[index] = re.sub(r"\s+\d+\s*$", "", line)
            done += 1
    assert done == count
    return "\n".join(lines)


def test_a_table_whose_blank_cells_would_need_guessing_is_left_to_p004() -> None:
    """Three rows one value short: which cell is blank cannot be told, so table 三 is not read and P004 says so."""
    text = _shorten_rows(CITY.read_text(encoding="utf-8"), 3)
    report = report_from_text(text, "short.txt")
    assert T3 not in report.tables and T2 in report.tables and T4 in report.tables
    assert [problem.message[5:8] for problem in report.problems if problem.kind.name == "UNREAD_TABLE"] == ["表三（"]


def test_one_short_row_is_read_as_written_and_said_to_be_short() -> None:
    """One row one value short: the table is read, and that row keeps its six values (S009), none moved."""
    text = _shorten_rows(CITY.read_text(encoding="utf-8"), 1)
    report = report_from_text(text, "short.txt")
    row = report.tables[T3].rows["（三）1"]
    assert [cell.value.number for cell in row.values] == [2, 0, 0, 0, 0, 0] and not row.cells
    assert [problem.kind.name for problem in report.tables[T3].problems] == ["ROW_SHAPE"]


def _plain_texts() -> list[Path]:
    return sorted([*(SHARED / "corpus" / "real").glob("*.txt"), *(SHARED / "seeds").glob("*.txt")])


def test_text_that_is_not_space_aligned_is_left_as_it_is(shared_dir: Path) -> None:
    """The hand-made reports and the other pasted layouts: the same blocks, not a copy."""
    paths = [*_plain_texts(), *sorted((FIXTURES / "pasted").glob("[bo]*/*.txt"))]
    assert len(paths) > 50
    for path in paths:
        text = normalise_newlines(decode(path.read_bytes()).text)
        blocks = parse_text(text).blocks
        assert read_aligned_tables(blocks, text.split("\n"), text) is blocks, path


def test_a_region_too_long_for_a_template_table_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice as many aligned number lines under table 三's header as a table may have: not even looked into."""
    calls: list[int] = []
    original = aligned._content_lines

    def counting(lines: list[str], start: int, end: int) -> list[aligned._Line]:
        calls.append(end - start)
        return original(lines, start, end)

    monkeypatch.setattr(aligned, "_content_lines", counting)
    rows = 2 * aligned._MAX_LINES  # the limit; thousands of lines only cost more to build
    text = "三、收到和处理政府信息公开申请情况\n   申请人情况\n" + "1.属于国家秘密      1    2    3\n" * rows
    report = report_from_text(text, "long.txt")
    assert calls == [] and T3 not in report.tables


def test_shuffled_table_lines_never_break_the_run() -> None:
    """Table lines in a random order (a damaged paste): no exception, and what is read is still a template table."""
    lines = CITY.read_text(encoding="utf-8").split("\n")
    start = next(index for index, line in enumerate(lines) if "申请人情况" in line)
    generator = random.Random(20261202)
    for _ in range(20):
        shuffled = list(lines)
        middle = shuffled[start : start + 90]
        generator.shuffle(middle)
        shuffled[start : start + 90] = middle
        report = report_from_text("\n".join(shuffled), "shuffled.txt")
        assert set(report.tables) <= {T2, T3, T4}


def test_a_hand_made_report_does_not_load_the_reader(shared_dir: Path) -> None:
    """Its text has no two spaces in a row: model/aligned.py is not even imported (the .txt cold start stays)."""
    report = SHARED / "corpus" / "real" / "2024_huaian-city.txt"
    code = (
        "import sys\n"
        "from reportlint.engine import Linter\n"
        "from reportlint.plugins import collect_rules, create_manager\n"
        "manager = create_manager()\n"
        f"Linter(manager, collect_rules(manager)).lint_file({str(report)!r})\n"
        "print('reportlint.model.aligned' in sys.modules)\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"
    assert "  " not in report.read_text(encoding="utf-8")


def test_a_line_of_more_label_pieces_than_any_table_has_is_left_alone() -> None:
    """Stacking label pieces is quadratic in the pieces of one line: a region with a line of
    hundreds of words is no template table, and is not read (P004 names it) instead of taking minutes."""
    words = "  ".join(["信息"] * 1600)
    text = (
        "三、收到和处理政府信息公开申请情况\n申请人情况   自然人   法人或其他组织\n"
        f"{words}\n一、本年新收政府信息公开申请数量   1   0   0   0   0   0   1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n"
    )
    assert sum(1 for piece in words.split("  ") if piece) > aligned._MAX_PIECES
    assert T3 not in report_from_text(text).tables
