"""Write each hand-made corpus report as a Word document, for the reader tests.

.venv/bin/python tools/make_documents.py [--no-roundtrip]

For every report in ../shared/corpus/real and ../shared/seeds this writes
tests/fixtures/documents/<name>.docx with the report's own text and numbers (and
examples/2024-water-bureau.docx, see examples/README.md):

- a 2021-format report fills the official template
  (../shared/corpus/docx/2021-template_govnianbao.docx): its three tables keep the
  template's merged cells (vMerge/gridSpan) and get the report's cell texts; a table
  whose rows do not fit the template's (a report that departs from it) is built anew
  like a 2019 one;
- a 2019-format report gets the template's page set-up and styles but Word tables
  built here, with the merges a person makes in Word: table 四's and table 三's
  header cells span and merge as in the template, a table-三 row label sits in
  the column of its numbering level (一、 / （一） / 1.) and the label column
  above it is merged down over it;
- paragraphs are Word paragraphs; on every other report the headings 一、/（一）/1.
  are typed without their number and carry Word's automatic numbering instead
  (chineseCounting 「%1、」 and 「（%2）」, decimal 「%3.」), so the reader's numbering path
  is exercised on real documents. A heading whose number is not the next one Word would
  give (the corpus keeps real numbering faults) keeps its typed number;
- a blank cell stays a blank cell; a cell continued over several lines in the text
  becomes a cell of several paragraphs.

Each document is then opened and saved again by LibreOffice (``soffice --headless
--convert-to docx``), so that the committed files are an office suite's own output
(its numbering.xml, its table XML, its settings) rather than python-docx's.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportlint import syntax
from reportlint.model.report import build_report
from reportlint.model.tables import classify
from reportlint.model.values import parse_value
from reportlint.parsing import parse_text
from reportlint.readers.text import decode, normalise_newlines

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEMPLATE = SHARED / "corpus" / "docx" / "2021-template_govnianbao.docx"
OUT = ROOT / "tests" / "fixtures" / "documents"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GRID_WIDTH = 8800  # twentieths of a point: an A4 page's text width

CN = "一二三四五六七八九十"
_H1 = re.compile(r"^([一二三四五六七八九十]{1,3})、(.+)$")
_H2 = re.compile(r"^（([一二三四五六七八九十]{1,3})）(.+)$")
_ITEM = re.compile(r"^(\d{1,2})\.(?![0-9０-９])(.+)$")


def sources() -> list[Path]:
    """The hand-made reports: the seed and the real corpus."""
    return sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt")])


# --- the hand-made text as paragraphs and tables ----------------------------------
@dataclass
class HandTable:
    """A table of the hand-made text: rows of cells, each cell a list of its lines."""

    kind: str | None
    rows: list[list[list[str]]]


def blocks(text: str) -> list[str | HandTable]:
    """The report's lines outside tables (verbatim) and its tables, in order."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    document = parse_text(text + ("" if text.endswith("\n") else "\n"))
    tables = {block.line: block for block in document.blocks if isinstance(block, syntax.Table)}
    covered: dict[int, int] = {}
    for table in tables.values():
        covered[table.line] = max(cell.end_line for row in table.rows for cell in row.cells)
    out: list[str | HandTable] = []
    number = 1
    while number <= len(lines):
        if number in tables:
            table = tables[number]
            rows = [
                [[lines[cell.line - 1].split("\t", 1)[1].strip()]
                 + [lines[n - 1].strip() for n in range(cell.line + 1, cell.end_line + 1)] for cell in row.cells]
                for row in table.rows
            ]  # fmt: skip
            out.append(HandTable(classify(table), rows))
            number = covered[number] + 1
            while number <= len(lines) and not lines[number - 1].strip():
                number += 1  # the blank line that ends the table's last row
            continue
        out.append(lines[number - 1])
        number += 1
    return out


# --- Word XML helpers -------------------------------------------------------------
def _set(parent: Any, name: str, **attributes: str) -> Any:
    element = parent.find(qn(name))
    if element is None:
        element = OxmlElement(name)
        parent.append(element)
    for key, value in attributes.items():
        element.set(qn(key), value)
    return element


def fill_cell(tc: Any, texts: list[str]) -> None:
    """Replace the paragraphs of *tc* by one paragraph per text, keeping the first one's format."""
    paragraphs = tc.findall(qn("w:p"))
    model = copy.deepcopy(paragraphs[0]) if paragraphs else OxmlElement("w:p")
    run_props = model.find(f"{qn('w:r')}/{qn('w:rPr')}")
    for paragraph in paragraphs:
        tc.remove(paragraph)
    for text in texts:
        paragraph = copy.deepcopy(model)
        for child in list(paragraph):
            if child.tag != qn("w:pPr"):
                paragraph.remove(child)
        if text:
            run = OxmlElement("w:r")
            if run_props is not None:
                run.append(copy.deepcopy(run_props))
            t = OxmlElement("w:t")
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(t)
            paragraph.append(run)
        tc.append(paragraph)


def own_cells(tbl: Any) -> list[list[Any]]:
    """Per row, the cells that are not a vertical-merge continuation."""
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        cells = []
        for tc in tr.findall(qn("w:tc")):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                continue
            cells.append(tc)
        rows.append(cells)
    return rows


def fill_template_table(tbl: Any, table: HandTable) -> bool:
    """Put the hand-made cells into the template table if its rows have the same shape."""
    rows = own_cells(tbl)
    if [len(row) for row in rows] != [len(row) for row in table.rows]:
        return False
    for cells, hand_row in zip(rows, table.rows, strict=True):
        for tc, texts in zip(cells, hand_row, strict=True):
            fill_cell(tc, texts)
    return True


# --- building a table as a person would in Word -----------------------------------
CONT = None  # a vertical-merge continuation in a layout


@dataclass
class Slot:
    """One cell of a laid-out row: where it starts, how wide, and its text (CONT: merged from above)."""

    column: int
    span: int
    texts: list[str] | None


def _values_count(cells: list[list[str]]) -> int:
    count = 0
    for cell in reversed(cells):
        if not parse_value("".join(cell)).is_value:
            break
        count += 1
    return count


def _level_column(label: str, label_columns: int) -> int:
    if _H2.match(label) and label_columns >= 2:
        return 1
    if _ITEM.match(label) and label_columns >= 2:
        return label_columns - 1
    return 0


def _generic(rows: list[list[list[str]]], width: int) -> list[list[Slot]]:
    """Each row's first cell spans what the row lacks of the full width."""
    layout = []
    for row in rows:
        first = width - len(row) + 1
        slots = [Slot(0, first, row[0])]
        slots += [Slot(first + index, 1, cell) for index, cell in enumerate(row[1:])]
        layout.append(slots)
    return layout


def layout_table(table: HandTable) -> list[list[Slot]]:
    """Where each hand-made cell goes in a Word grid, with the merges Word would hold."""
    rows = table.rows
    shape = [len(row) for row in rows]
    if table.kind == "四" and shape == [2, 7, 10, 15]:
        return [
            [Slot(0, 5, rows[0][0]), Slot(5, 10, rows[0][1])],
            [Slot(i, 1, rows[1][i]) for i in range(5)] + [Slot(5, 5, rows[1][5]), Slot(10, 5, rows[1][6])],
            [Slot(i, 1, CONT) for i in range(5)] + [Slot(5 + i, 1, rows[2][i]) for i in range(10)],
            [Slot(i, 1, rows[3][i]) for i in range(15)],
        ]
    if table.kind == "三" and shape[:3] == [2, 3, 5]:
        data = rows[3:]
        label_columns = max(len(row) - _values_count(row) for row in data)
        width = label_columns + 7
        lc = label_columns
        layout = [
            [Slot(0, lc, rows[0][0]), Slot(lc, 7, rows[0][1])],
            [Slot(0, lc, CONT), Slot(lc, 1, rows[1][0]), Slot(lc + 1, 5, rows[1][1]), Slot(lc + 6, 1, rows[1][2])],
            [Slot(0, lc, CONT), Slot(lc, 1, CONT)]
            + [Slot(lc + 1 + i, 1, rows[2][i]) for i in range(5)]
            + [Slot(lc + 6, 1, CONT)],
        ]
        for row in data:
            values = _values_count(row)
            labels = row[: len(row) - values]
            first_value = width - values
            starts = [_level_column("".join(label), lc) for label in labels]
            starts = [min(max(start, starts[i - 1] + 1 if i else 0), first_value - len(labels) + i)
                      for i, start in enumerate(starts)]  # fmt: skip
            slots: list[Slot] = []
            above = {slot.column: slot for slot in layout[-1]}
            column = 0
            while starts and column < starts[0]:
                if column in above and above[column].column + above[column].span <= starts[0]:
                    slots.append(Slot(column, above[column].span, CONT))
                    column += above[column].span
                else:
                    starts[0] = column  # nothing above to merge with: the label widens instead
            for index, label in enumerate(labels):
                end = starts[index + 1] if index + 1 < len(labels) else first_value
                slots.append(Slot(starts[index], end - starts[index], label))
            slots += [Slot(first_value + i, 1, cell) for i, cell in enumerate(row[len(labels) :])]
            layout.append(slots)
        return layout
    return _generic(rows, max(shape))


def build_table(document: Any, table: HandTable) -> Any:
    """A new Word table (its ``w:tbl``) holding *table*, merged as :func:`layout_table` says."""
    layout = layout_table(table)
    width = max(slot.column + slot.span for row in layout for slot in row)
    word_table = document.add_table(rows=0, cols=width)
    tbl = word_table._tbl
    borders = _set(_set(tbl, "w:tblPr"), "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(borders, f"w:{side}", **{"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"})
    for grid_col in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")):
        grid_col.set(qn("w:w"), str(GRID_WIDTH // width))
    restarts: dict[int, Any] = {}
    for row in layout:
        tr = OxmlElement("w:tr")
        tbl.append(tr)
        current: dict[int, Any] = {}
        for slot in row:
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tc.append(tcpr)
            _set(tcpr, "w:tcW", **{"w:w": str(GRID_WIDTH // width * slot.span), "w:type": "dxa"})
            if slot.span > 1:
                _set(tcpr, "w:gridSpan", **{"w:val": str(slot.span)})
            if slot.texts is CONT:
                _set(tcpr, "w:vMerge")
                start = restarts.get(slot.column)
                if start is not None:
                    _set(start.find(qn("w:tcPr")), "w:vMerge", **{"w:val": "restart"})
                    current[slot.column] = start
                tc.append(OxmlElement("w:p"))
            else:
                current[slot.column] = tc
                fill_cell(tc, slot.texts or [""])
            tr.append(tc)
        restarts = current
    tbl.getparent().remove(tbl)
    return tbl


# --- numbering --------------------------------------------------------------------
_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _numbering_part(document: Any) -> Any:
    """The document's numbering part, created (empty) if it has none, as Word would."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    try:
        return document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return part


def add_numbering(document: Any) -> str:
    """Add one three-level list (一、 / （一） / 1.) to the document; returns its numId."""
    numbering = _numbering_part(document).element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = str(max(ids, default=0) + 1)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    _set(abstract, "w:multiLevelType", **{"w:val": "multilevel"})
    for level, (fmt, text) in enumerate(_LEVELS):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        _set(lvl, "w:start", **{"w:val": "1"})
        _set(lvl, "w:numFmt", **{"w:val": fmt})
        _set(lvl, "w:suff", **{"w:val": "nothing"})
        _set(lvl, "w:lvlText", **{"w:val": text})
        _set(lvl, "w:lvlJc", **{"w:val": "left"})
        abstract.append(lvl)
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num_ids = [int(n.get(qn("w:numId"))) for n in nums]
    num_id = str(max(num_ids, default=0) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    _set(num, "w:abstractNumId", **{"w:val": abstract_id})
    numbering.append(num)
    return num_id


class Numberer:
    """Decides which heading lines Word's numbering can show exactly as typed."""

    def __init__(self, num_id: str | None) -> None:
        self.num_id = num_id
        self.counters: list[int] = [0, 0, 0]

    def split(self, line: str) -> tuple[int | None, str]:
        """(level, text without number) if the line can carry automatic numbering, else (None, line)."""
        if self.num_id is None:
            return None, line
        for level, pattern in enumerate((_H1, _H2, _ITEM)):
            match = pattern.match(line)
            if not match:
                continue
            expected = self.counters[level] + 1
            shown = str(expected) if level == 2 else _cn(expected)
            if match[1] != shown:
                return None, line
            self.counters[level] = expected
            for deeper in range(level + 1, 3):
                self.counters[deeper] = 0
            return level, match[2]
        return None, line


def _cn(number: int) -> str:
    if number <= 10:
        return CN[number - 1]
    return ("" if number < 20 else CN[number // 10 - 1]) + "十" + (CN[number % 10 - 1] if number % 10 else "")


def add_paragraph(document: Any, text: str, numberer: Numberer) -> None:
    """One Word paragraph; a heading Word can number gets numPr instead of its typed number."""
    level, rest = numberer.split(text)
    paragraph = document.add_paragraph(rest)
    if level is not None and numberer.num_id is not None:
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        _set(num_pr, "w:ilvl", **{"w:val": str(level)})
        _set(num_pr, "w:numId", **{"w:val": numberer.num_id})
        style = ppr.find(qn("w:pStyle"))
        if style is None:
            ppr.insert(0, num_pr)  # numPr comes first in pPr, after pStyle if there is one
        else:
            style.addnext(num_pr)


# --- one document -----------------------------------------------------------------
def make_document(source: Path, numbered: bool) -> tuple[Any, list[str]]:
    """The Word document of one hand-made report, and notes on how its tables were made."""
    text = normalise_newlines(decode(source.read_bytes()).text)
    report = build_report(str(source), text, parse_text(text))
    is_2021 = report.template.version == "2021"
    document = docx.Document(str(TEMPLATE))  # its page set-up and styles, for both formats
    # Not the template author's name: these documents are written by this script.
    document.core_properties.author = document.core_properties.last_modified_by = "reportlint make_documents.py"
    document.core_properties.title = report.title.text if report.title else source.stem
    body = document.element.body
    template_tables: dict[str, Any] = {}
    if is_2021:
        found = body.findall(qn("w:tbl"))
        template_tables = dict(zip(("二", "三", "四"), found, strict=True))
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    numberer = Numberer(add_numbering(document) if numbered else None)
    notes = []
    for block in blocks(text):
        if isinstance(block, str):
            add_paragraph(document, block, numberer)
            continue
        tbl = template_tables.pop(block.kind, None) if block.kind else None
        if tbl is not None and fill_template_table(tbl, block):
            notes.append(f"表{block.kind}: 模板")
        else:
            tbl = build_table(document, block)
            notes.append(f"表{block.kind}: 自建")
        body.find(qn("w:sectPr")).addprevious(tbl)
    return document, notes


def roundtrip(paths: list[Path]) -> None:
    """Open and save each document with LibreOffice, replacing it with the office suite's output."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) not found; use --no-roundtrip")
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        out = Path(work) / "out"
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx:MS Word 2007 XML",
             "--outdir", str(out), *map(str, paths)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        for path in paths:
            shutil.move(str(out / path.name), path)


# --- the bundled example ------------------------------------------------------------
EXAMPLE = ROOT / "examples" / "2024-water-bureau.docx"
_EXAMPLE_TOTAL_ROW = "\t（一）予以公开\n\t3\n\t1\n\t0\n\t0\n\t0\n\t0\n\t4\n"
_EXAMPLE_REVISED = ("我局共收到政府信息公开申请", "8", "9", "件")


def example_text() -> str:
    """The example's text: the clean test report moved on one year, published late, with
    the 总计 of （一）予以公开 left blank."""
    text = (ROOT / "tests" / "fixtures" / "clean-2021.txt").read_text(encoding="utf-8")
    for old, new in (("2024", "2025"), ("2023", "2024"), ("2022", "2023")):
        text = text.replace(old, new)
    assert _EXAMPLE_TOTAL_ROW in text and text.endswith("\n2025年1月20日\n")
    text = text.removesuffix("2025年1月20日\n") + "2025年2月20日\n"  # after the 1月31日 deadline
    return text.replace(_EXAMPLE_TOTAL_ROW, _EXAMPLE_TOTAL_ROW[: -len("4\n")] + "\n")


def add_tracked_revision(document: Any) -> None:
    """Revise 「申请8件」 to 「申请9件」 as a tracked change (w:del 8, w:ins 9), left unaccepted."""
    before, old, new, after = _EXAMPLE_REVISED
    for paragraph in document.paragraphs:
        if before + old + after in paragraph.text:
            full = paragraph.text
            head, tail = full.split(before + old + after, 1)
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
            paragraph.add_run(head + before)
            deleted = OxmlElement("w:del")
            inserted = OxmlElement("w:ins")
            for element, text, tag in ((deleted, old, "w:delText"), (inserted, new, "w:t")):
                element.set(qn("w:id"), "1" if element is deleted else "2")
                element.set(qn("w:author"), "办公室")
                element.set(qn("w:date"), "2025-01-10T09:00:00Z")
                run = OxmlElement("w:r")
                text_element = OxmlElement(tag)
                text_element.text = text
                run.append(text_element)
                element.append(run)
                paragraph._p.append(element)
            paragraph.add_run(after + tail)
            return
    raise ValueError("the example's paragraph to revise is missing")


def make_example() -> Path:
    """examples/2024-water-bureau.docx: a fictitious 2021-format report with planted faults."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / EXAMPLE.with_suffix(".txt").name
        source.write_text(example_text(), encoding="utf-8")
        document, _ = make_document(source, numbered=True)
    add_tracked_revision(document)
    document.core_properties.author = document.core_properties.last_modified_by = "桐溪县水利局办公室"
    document.save(str(EXAMPLE))
    return EXAMPLE


def main() -> None:
    """Write every fixture document and the bundled example."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-roundtrip", action="store_true", help="keep python-docx's output")
    parser.add_argument("--example-only", action="store_true", help="write only examples/2024-water-bureau.docx")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    written = [make_example()]
    for index, source in enumerate([] if args.example_only else sources()):
        document, notes = make_document(source, numbered=index % 2 == 0)
        path = OUT / f"{source.stem}.docx"
        document.save(str(path))
        written.append(path)
        print(f"{path.name}: {'自动编号' if index % 2 == 0 else '手工编号'}; {'; '.join(notes)}")
    if not args.no_roundtrip:
        roundtrip(written)


if __name__ == "__main__":
    main()
