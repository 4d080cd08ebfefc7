"""Where in a Word document a finding belongs: from its origin to the runs a comment spans.

The .docx reader records, for every line of the text the rules read, the body
paragraph or table cell it came from (:class:`reportlint.readers.extracted.Origin`:
「第 3 段」 is the 3rd ``w:p`` of the body walk, 「表格 2 第 4 行第 3 列」 the cell that
starts at grid column 3 of row 4 of the 2nd table). This module walks the body the
same way — with the reader's own helpers, so the two cannot count differently — and
turns an origin back into that element, then into the first and last ``w:r`` a Word
comment is anchored on:

- a finding in a paragraph with a column span covers the runs holding those
  characters; a run that holds more than the span and is plain text (properties and
  ``w:t`` only) is split at the span's edges first, so the comment marks exactly the
  quoted words, as Word does when a person selects them. Splitting copies the run's
  properties, so the document looks the same;
- a finding without a span, or one the text cannot be matched to (a paragraph whose
  tracked-deleted mark joined it to the next), covers the whole paragraph;
- a finding in a table cell covers the cell's runs; a blank line the reader wrote
  after a row or before a table goes to that row's or table's first cell;
- a finding without a place (about the whole file) covers the first paragraph with
  text, the title.

Only runs Word shows are anchors: not deleted text (``w:del``, ``w:moveFrom``), not
hidden text, not the reference run of an existing comment. A paragraph or cell
without such a run (an empty paragraph, a blank cell) gets an empty run to hold the
comment; an empty run changes nothing Word shows.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import field
from typing import Any

from reportlint.diagnostics import Diagnostic
from reportlint.readers.docx_text import (
    _HYPHEN,
    _P,
    _RUN,
    _SKIPPED,
    _TAB,
    _TBL,
    _TEXT,
    _body_items,
    _cells,
    _grid_before,
    _hidden,
    _is_continuation,
    _q,
    _rows,
    _span,
    paragraph_text,
)
from reportlint.records import record

_RPR, _COMMENT_REFERENCE = _q("rPr"), _q("commentReference")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@record(frozen=True)
class Anchor:
    """The first and last ``w:r`` (lxml elements of python-docx's ``CT_R`` class) a comment covers."""

    first: Any
    last: Any


@record
class BodyMap:
    """The paragraphs and cells of a ``w:body``, numbered as the .docx reader numbers them."""

    paragraphs: list[Any] = field(default_factory=list)
    tables: list[dict[tuple[int, int], Any]] = field(default_factory=list)
    """Per table, (row, grid column) → the ``w:tc`` that starts there (1-based, as in Origin)."""

    @classmethod
    def of(cls, body: Any) -> BodyMap:
        """Walk *body* exactly as :func:`reportlint.readers.docx_text.extract_body` does."""
        found = cls()
        for item in _body_items(body):
            if item.tag == _P:
                found.paragraphs.append(item)
            elif item.tag == _TBL:
                found.tables.append(_table_cells(item))
        return found

    # -- origins to elements ---------------------------------------------------------
    def anchor(self, diagnostic: Diagnostic, line: str | None) -> Anchor | None:
        """Where *diagnostic* goes; *line* is its line of the extracted text (to place a column span).

        ``None`` only for a document with neither a paragraph nor a cell.
        """
        origin = diagnostic.origin
        if origin is not None and origin.paragraph is not None and 0 < origin.paragraph <= len(self.paragraphs):
            paragraph = self.paragraphs[origin.paragraph - 1]
            span = _span_in_paragraph(diagnostic, paragraph, line)
            return (span and _span_anchor(paragraph, *span)) or _whole([paragraph])
        if origin is not None and origin.table is not None and 0 < origin.table <= len(self.tables):
            cell = _cell(self.tables[origin.table - 1], origin.row, origin.cell)
            if cell is not None:
                return _whole(_cell_paragraphs(cell))
        return self.file_anchor()

    def file_anchor(self) -> Anchor | None:
        """The anchor of a finding about the whole file: the first paragraph with text (the title)."""
        for paragraph in self.paragraphs:
            if _pieces(paragraph) and paragraph_text(paragraph).strip():
                return _whole([paragraph])
        if self.paragraphs:
            return _whole(self.paragraphs[:1])
        for table in self.tables:
            for cell in table.values():
                return _whole(_cell_paragraphs(cell))
        return None


def _table_cells(table: Any) -> dict[tuple[int, int], Any]:
    """(row, grid column) → cell, numbered as ``docx_text._write_table`` numbers them."""
    cells: dict[tuple[int, int], Any] = {}
    for row_index, row in enumerate(_rows(table), start=1):
        column = _grid_before(row) + 1
        for cell in _cells(row):
            if not _is_continuation(cell):
                cells[(row_index, column)] = cell
            column += _span(cell)
    return cells


def _cell_paragraphs(cell: Any) -> list[Any]:
    """The cell's own paragraphs (inside content controls too; not those of a nested table)."""
    return [item for item in _body_items(cell) if item.tag == _P]


def _cell(cells: dict[tuple[int, int], Any], row: int | None, column: int | None) -> Any:
    """The cell at (*row*, *column*); without a column the row's first cell, without a row the table's."""
    if row is not None and column is not None:
        return cells.get((row, column))
    for (row_index, _), cell in sorted(cells.items(), key=lambda item: item[0]):
        if row is None or row_index == row:
            return cell
    return None


# -- the runs of a paragraph -------------------------------------------------------------
def _pieces(paragraph: Any) -> list[tuple[Any, str]]:
    """The text of *paragraph* as (top-level run, its visible text), in order.

    The same walk as ``docx_text.paragraph_text`` (so the characters line up with the
    extracted line), recording for each piece of text the paragraph's own ``w:r``
    holding it — a run inside a text box counts toward the run that holds the drawing.
    Runs without text (an empty run, a comment reference) are not pieces.
    """
    out: list[tuple[Any, str]] = []

    def walk(element: Any, run: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _TEXT:
                out.append((run, _flat(child.text or "")))
            elif tag == _TAB:
                out.append((run, " "))
            elif tag == _HYPHEN:
                out.append((run, "-"))
            elif tag == _RUN and _hidden(child):
                continue
            else:
                walk(child, child if run is None and tag == _RUN else run)

    walk(paragraph, None)
    return [(run, text) for run, text in out if run is not None and text]


def _flat(text: str) -> str:
    """A ``w:t``'s text as ``paragraph_text`` has it: TABs as spaces, line breaks dropped."""
    return text.replace("\t", " ").replace("\n", "").replace("\r", "")


def _shown_runs(paragraph: Any) -> list[Any]:
    """The paragraph's own runs that Word shows and that are not an existing comment's reference."""
    runs: list[Any] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _RUN:
                if not _hidden(child) and child.find(_COMMENT_REFERENCE) is None:
                    runs.append(child)
            elif tag not in (_P, _TBL):  # hyperlinks, insertions, fields, content controls
                walk(child)

    walk(paragraph)
    return runs


def _whole(paragraphs: list[Any]) -> Anchor | None:
    """An anchor over every shown run of *paragraphs*; an empty run is added when there is none."""
    runs = [run for paragraph in paragraphs for run in _shown_runs(paragraph)]
    if not runs:
        if not paragraphs:
            return None
        runs = [_empty_run(paragraphs[0])]
    return Anchor(runs[0], runs[-1])


def _empty_run(paragraph: Any) -> Any:
    """Append an empty ``w:r`` to *paragraph* (after its properties and any deleted text)."""
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    paragraph.append(run)
    return run


# -- a column span -------------------------------------------------------------------
def _span_in_paragraph(diagnostic: Diagnostic, paragraph: Any, line: str | None) -> tuple[int, int] | None:
    """The finding's span as character offsets into *paragraph*'s text, or ``None`` to take it whole.

    The extracted line is the list label Word shows followed by the paragraph's text,
    so the label's length is what the line has in front of the text.
    """
    end_line = diagnostic.end_line if diagnostic.end_line is not None else diagnostic.line
    if line is None or diagnostic.end_column is None or end_line != diagnostic.line:
        return None
    text = paragraph_text(paragraph)
    if not line.endswith(text):
        return None  # joined with the next paragraph (a deleted mark): the text is not this one's
    label = len(line) - len(text)
    start = max(0, diagnostic.column - 1 - label)
    end = min(len(text), diagnostic.end_column - 1 - label)
    return (start, end) if start < end else None


def _span_anchor(paragraph: Any, start: int, end: int) -> Anchor | None:
    """The runs holding characters [*start*, *end*) of *paragraph*, split at the edges where they can be."""
    pieces = _pieces(paragraph)
    if "".join(text for _, text in pieces) != paragraph_text(paragraph):
        return None
    first = _run_at(pieces, start)
    if first is not None and first[1] > 0 and _split(first[0], first[1]):
        pieces = _pieces(paragraph)
    last = _run_at(pieces, end - 1)
    if last is not None and last[1] + 1 < len(_run_text(pieces, last[0])) and _split(last[0], last[1] + 1):
        pieces = _pieces(paragraph)
    first, last = _run_at(pieces, start), _run_at(pieces, end - 1)
    if first is None or last is None:
        return None
    return Anchor(first[0], last[0])


def _run_at(pieces: list[tuple[Any, str]], offset: int) -> tuple[Any, int] | None:
    """The run holding character *offset* of the paragraph, and the offset within that run's text."""
    position = 0
    before: dict[int, int] = {}  # id(run) -> characters of that run before this piece
    for run, text in pieces:
        if position <= offset < position + len(text):
            return run, before.get(id(run), 0) + offset - position
        before[id(run)] = before.get(id(run), 0) + len(text)
        position += len(text)
    return None


def _run_text(pieces: list[tuple[Any, str]], run: Any) -> str:
    return "".join(text for owner, text in pieces if owner is run)


def _split(run: Any, offset: int) -> bool:
    """Split a plain-text run after *offset* characters into two runs with its properties.

    Only a run holding nothing but its properties and ``w:t`` elements whose text the
    reader keeps as it is (no TAB or line break inside) is split; for any other the
    comment covers the whole run, which is still the right place.
    """
    texts = [child for child in run if child.tag != _RPR]
    if not texts or any(child.tag != _TEXT for child in texts):
        return False
    if any(ch in (child.text or "") for child in texts for ch in "\t\n\r"):
        return False
    whole = "".join(child.text or "" for child in texts)
    if not 0 < offset < len(whole):
        return False
    second = copy.deepcopy(run)
    _set_text(run, whole[:offset])
    _set_text(second, whole[offset:])
    run.addnext(second)
    return True


def _set_text(run: Any, text: str) -> None:
    """Make *run*'s text a single ``w:t`` holding *text* (spaces kept)."""
    texts = list(_iter_texts(run))
    for extra in texts[1:]:
        run.remove(extra)
    texts[0].text = text
    texts[0].set(_XML_SPACE, "preserve")


def _iter_texts(run: Any) -> Iterator[Any]:
    return (child for child in run if child.tag == _TEXT)
