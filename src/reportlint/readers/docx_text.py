"""A Word document's body as report text, with a map from each line back to the document.

The body is walked at the XML level (python-docx only opens the package and hands
over lxml elements), because the convenient python-docx API loses what a report
linter needs: ``row.cells`` repeats a merged cell once per grid column it covers,
and ``Paragraph.text`` skips text inside ``w:ins`` (a tracked insertion) while the
automatic list number is in no text at all. The layout written is the seed layout
the grammar knows: one line per paragraph; per table row, one line per cell
starting with a TAB, then a blank line.

- **Paragraphs**: the text of their runs in order — tracked insertions and
  ``w:moveTo`` in, deletions and ``w:moveFrom`` out, hidden (``w:vanish``) text out —
  behind the list label Word shows (:mod:`reportlint.readers.docx_numbering`). A
  paragraph whose mark is a tracked deletion is joined to the next, as Word shows it.
  Line breaks inside a paragraph are dropped (Chinese text needs no space there) and
  TABs become spaces, so that a paragraph stays one line the grammar reads as text.
- **Tables**: a row that is a tracked deletion is left out; a cell is written
  once, at the grid column where it starts: a ``w:gridSpan`` cell is one cell, a
  ``w:vMerge`` continuation is no cell at all, and an empty cell is an empty cell
  (``\\t`` on its own line) — a blank 总计 stays a blank value the rules can
  report. The paragraphs of one cell are joined without a separator, as the
  hand-made texts join a wrapped label (「本年新」「制作数量」).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from reportlint.readers.docx_numbering import Numbering
from reportlint.readers.extracted import ExtractedText, Origin, OriginSpan
from reportlint.readers.text import UndecodableError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (_q(n) for n in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_SKIPPED = frozenset(
    {_q("del"), _q("moveFrom"), _q("pPr"), _q("rPr"), _q("tcPr"), _q("trPr"), _q("tblPr"), f"{{{MC}}}Fallback"}
)
_TEXT, _TAB, _HYPHEN, _RUN = _q("t"), _q("tab"), _q("noBreakHyphen"), _q("r")
_TCPR, _TRPR, _GRID_SPAN, _GRID_BEFORE = _q("tcPr"), _q("trPr"), _q("gridSpan"), _q("gridBefore")
_MERGES = (_q("vMerge"), _q("hMerge"))
_VAL = _q("val")


def _hidden(run: Any) -> bool:
    """Whether the run is hidden text (``w:vanish``), which Word does not show."""
    rpr = run.find(_q("rPr"))
    vanish = rpr.find(_q("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(_VAL) not in ("0", "false", "off")


def _run_text(element: Any, parts: list[str]) -> None:
    """Append the visible text under *element* to *parts*, in document order."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _TEXT:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append(" ")
        elif tag == _HYPHEN:
            parts.append("-")
        elif tag == _RUN and _hidden(child):
            continue
        else:
            _run_text(child, parts)


def paragraph_text(paragraph: Any) -> str:
    """The visible text of one ``w:p`` (without its list label), on one line."""
    parts: list[str] = []
    _run_text(paragraph, parts)
    return "".join(parts).replace("\t", " ").replace("\n", "").replace("\r", "")


def _mark_deleted(paragraph: Any) -> bool:
    """Whether the paragraph mark is a tracked deletion (Word joins it to the next paragraph)."""
    ppr = paragraph.find(_q("pPr"))
    rpr = ppr.find(_q("rPr")) if ppr is not None else None
    return rpr is not None and (rpr.find(_q("del")) is not None or rpr.find(_q("moveFrom")) is not None)


def _body_items(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of *parent* in order, looking inside content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_items(content)
        elif child.tag in (_q("customXml"), _q("ins"), _q("moveTo")):
            yield from _body_items(child)


def _cells(row: Any) -> Iterator[Any]:
    """The ``w:tc`` of a row, looking inside content controls and custom XML."""
    for child in row:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _q("customXml")):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _cells(inner)


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == _TR:
            yield child
        elif child.tag in (_SDT, _q("customXml")):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _rows(inner)


def _is_continuation(cell: Any) -> bool:
    """A ``w:vMerge`` (or legacy ``w:hMerge``) cell that continues the merged cell before it."""
    tcpr = cell.find(_TCPR)
    if tcpr is None:
        return False
    for name in _MERGES:
        merge = tcpr.find(name)
        if merge is not None and merge.get(_VAL) in (None, "continue"):
            return True
    return False


def _span(cell: Any) -> int:
    tcpr = cell.find(_TCPR)
    span = tcpr.find(_GRID_SPAN) if tcpr is not None else None
    try:
        return max(1, int(span.get(_VAL))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _row_deleted(row: Any) -> bool:
    """Whether the row is a tracked deletion (``w:trPr/w:del``): gone once changes are accepted."""
    trpr = row.find(_TRPR)
    return trpr is not None and trpr.find(_q("del")) is not None


def _grid_before(row: Any) -> int:
    trpr = row.find(_TRPR)
    before = trpr.find(_GRID_BEFORE) if trpr is not None else None
    try:
        return max(0, int(before.get(_VAL))) if before is not None else 0
    except (TypeError, ValueError):
        return 0


def cell_text(cell: Any) -> str:
    """The text of a cell: its paragraphs (nested tables included) joined without a separator."""
    return "".join(paragraph_text(p) for p in cell.iter(_P)).strip()


class _Writer:
    """Collects the lines of the extracted text and the origin of each."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.spans: list[OriginSpan] = []

    def add(self, text: str, origin: Origin) -> None:
        self.lines.append(text)
        self.spans.append(OriginSpan(len(self.lines), 1, origin))


def extract_body(body: Any, numbering: Numbering) -> ExtractedText:
    """The report text of a ``w:body`` element, with origins."""
    out = _Writer()
    paragraph_index = table_index = 0
    pending: tuple[str, int] | None = None  # text of a paragraph whose mark was deleted
    for item in _body_items(body):
        if item.tag == _P:
            paragraph_index += 1
            text = numbering.label(item) + paragraph_text(item)
            if pending is not None:
                text, first = pending[0] + text, pending[1]
            else:
                first = paragraph_index
            if _mark_deleted(item):
                pending = (text, first)
                continue
            pending = None
            out.add(text, Origin(f"第 {first} 段", paragraph=first))
            continue
        if pending is not None:
            out.add(pending[0], Origin(f"第 {pending[1]} 段", paragraph=pending[1]))
            pending = None
        table_index += 1
        _write_table(out, item, table_index)
    if pending is not None:
        out.add(pending[0], Origin(f"第 {pending[1]} 段", paragraph=pending[1]))
    return ExtractedText("\n".join(out.lines) + "\n", tuple(out.spans), kind="docx")


def _write_table(out: _Writer, table: Any, table_index: int) -> None:
    if out.lines and out.lines[-1].strip():
        out.add("", Origin(f"表格 {table_index} 之前", table=table_index))
    for row_index, row in enumerate(_rows(table), start=1):
        if _row_deleted(row):
            continue
        column = _grid_before(row) + 1
        wrote = False
        for cell in _cells(row):
            span = _span(cell)
            if not _is_continuation(cell):
                where = f"表格 {table_index} 第 {row_index} 行第 {column} 列"
                origin = Origin(where, table=table_index, row=row_index, cell=column)
                out.add("\t" + cell_text(cell), origin)
                wrote = True
            column += span
        if wrote:
            out.add("", Origin(f"表格 {table_index} 第 {row_index} 行之后", table=table_index, row=row_index))


def _part_element(part: Any, relationship: str) -> Any:
    """The XML root of the part related to *part* by *relationship*, or ``None``."""
    from docx.oxml.parser import parse_xml

    try:
        related = part.part_related_by(relationship)
        return related.element if hasattr(related, "element") else parse_xml(related.blob)
    except Exception:  # no such part, or one that is not XML: read without it
        return None


def extract(data: bytes) -> ExtractedText:
    """Open a .docx from its bytes and extract its report text (python-docx must be importable).

    The package is opened with ``docx.package.Package`` rather than ``docx.Document``,
    which refuses every main part but a plain document's: a macro-enabled document
    (.docm) or a template (.dotx) holds the same WordprocessingML and reads the same.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.parser import parse_xml
    from docx.package import Package

    try:
        part = Package.open(io.BytesIO(data)).part_related_by(RT.OFFICE_DOCUMENT)
        # python-docx parses only the main part types it knows; parse the others here.
        element = part.element if hasattr(part, "element") else parse_xml(part.blob)
        body = element.find(_q("body"))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml and zip errors
        raise UndecodableError(f"无法打开 Word 文档：{type(error).__name__}：{error}"[:200]) from None
    if body is None:
        raise UndecodableError("Word 文档中没有正文（w:body）")
    numbering_root = _part_element(part, RT.NUMBERING)
    styles_root = _part_element(part, RT.STYLES)
    return extract_body(body, Numbering(numbering_root, styles_root))
