"""Tables whose columns are lined up with spaces: the text of ``pdftotext -layout``.

poppler's ``pdftotext -layout`` (what an evaluator gets from a PDF attachment, and what
some people paste) prints a table as it looks on the page: a row's cells side by side,
apart by runs of spaces, a label that wraps in its cell over several lines (often
above and below the row's numbers, which sit in the middle of the cell), a merged
label such as 「三、本年度办理结果」 spread down its column one character a line, a
page break (form feed, page number) anywhere. The grammar has no layout for that, so
the lines come out as headings and paragraphs. This module finds the three template
tables among them, by the template's own labels (:mod:`reportlint.model.templates`),
and rebuilds each as a :class:`syntax.Table` of the rows the grammar would have given
for a TAB-separated copy, every cell at its own line and column of the original text.

How a table is read:

- **Where.** Table 二 runs from its first 第二十条第（X）项 caption to the section-三
  heading; table 三 from its first header label (申请人情况, the note) to the heading of
  section 四; table 四 from the first of its header labels to its row of numbers.
- **Values.** A row's values are the numbers at the end of a line, apart from each
  other by spaces. The template fixes how many a row has (seven in table 三, fifteen in
  table 四, one to three in table 二); a row whose values pdftotext printed on two lines
  (a cell aligned differently) is joined when together they make the template's count
  and one line's numbers lie wholly right (or left) of the other's.
- **Labels.** The text before the values is cut into pieces at wide gaps (and before a
  row number such as 「4.」 or 「（三）」); pieces below one another in the same text
  column form one cell (a wrapped label, a merged label a character a line), until a
  piece starting with a row number opens the next. A cell goes to the row whose
  numbers lie within its lines; one spanning several rows is a merged cell and leads
  the first of them; one beside none (a label printed above its numbers) goes to the
  nearest row that has no label in that column.
- **Headers.** The lines above the first row are matched against the template's
  header labels, a label's pieces being found side by side or one under another
  (「商业企」 / 「业」, 「结」 / 「果」 / 「维」 / 「持」); the pieces left over are cells
  as they stand, so a typo in a header still reaches S012.

A table that does not come out as the template's (too few rows recognised, or more
than a couple of rows without the template's count of values, which would have to be
placed by guessing) is left as it was, and P004 says that it could not be read: a
number in a wrong column is worse than a table reported unread. Positions in
pdftotext's lines are display columns (a CJK character, and a full-width quotation
mark, is two wide), but values are never placed by their column alone: pdftotext
shifts each line by its own text, so columns agree only roughly from row to row.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import field

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import templates as tpl
from reportlint.model.sections import section_number
from reportlint.model.tables import build_t3, build_t4, classify
from reportlint.model.templates import T2, T3, T4
from reportlint.model.values import NONE_MARKS, parse_value
from reportlint.records import record
from reportlint.text import fold

_GAP_RE = lazy_compile(r"\S[ \u3000]{2,}\S")
"""A line with a wide gap between two words: the cheap test for a space-aligned line."""
_SPACE = " \t\f\v\u3000\u00a0"
_NUMBERING_RE = lazy_compile(
    r"^(?:[一二三四五六七八九十]+[、，,.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、,，])"
)
"""A row number at the start of a label: 一、 （三） 4. 1、"""
_PAGE_NUMBER_RE = lazy_compile(
    r"^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3})$"
)
"""A page number line (-3-, — 3 —, 第 3 页): a page break inside a table, skipped."""
_UNITS = frozenset({"元", "万元", "件", "条", "个", "项"})
"""Units pdftotext may print apart from their number (「251000 元」)."""
_DASHES = frozenset(mark for mark in NONE_MARKS if mark != "无")
"""None-marks that stand for a value (「无」 is a word of labels too)."""
_STACK_TOLERANCE = 3
"""Display columns a wrapped label's next line may start off its first line's column."""
_STACK_REACH = 4
"""Content lines a wrapped label may skip (rows of other columns, one character a line)."""
_HEADER_REACH = 3
"""Lines a header label's next part may lie below its previous part."""
_HEADER_SLACK = (4, 1 << 10)
"""How far a header label's lower part may stand off its column: close first, then anywhere
(pdftotext shifts the lines of a page differently, most in table 四's stacked headers)."""
_MAX_SHORT_ROWS = 2
"""Rows without the template's count of values a table may have and still be read."""
_MIN_KEYED = 0.8
"""Share of table 三's rows that must be recognised for the table to be read."""
_MAX_LINES = 400
"""A region longer than this (lines) is no template table: left alone, so the work stays linear."""
_MAX_PIECES = 40
"""More label pieces than this on one line (the tables have at most 3) is no template table:
stacking them is quadratic in the pieces of a line, so such a region is left alone."""
_MAX_HEADER_TOKENS = 120
"""More words than this above a table's first row are no header."""

_T3_START = (fold(tpl.T3_APPLICANTS), fold(tpl.T3_NOTE)[:5])
"""Words of table 三's first header lines (申请人情况, the note's 「（本列数据」)."""
_T4_START = tuple(fold(label) for label in (tpl.T4_REVIEW, tpl.T4_LITIGATION, *tpl.T4_SUITS))
_T3_LAST_ROW = tpl.T3_ROW_SPECS[tpl.T3_CARRIED_OUT].keywords
"""Keywords of table 三's last row, 四、结转下年度继续办理."""
_T2_HEADER_LABELS = tuple(
    dict.fromkeys(
        [
            tpl.T2_CONTENT_HEADER,
            *(column for blocks in tpl.T2_BLOCKS.values() for block in blocks for column in block.columns),
        ]
    )
)
_T4_HEADER_LABELS = (*tpl.T4_HEADER_LABELS[:4], *tpl.T4_RESULTS * len(tpl.T4_GROUPS))


def _width(char: str) -> int:
    """A character's display width in pdftotext's layout: CJK, full-width and its quotation marks two."""
    if char < "\u1100":
        return 1
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


@record(frozen=True, slots=True)
class _Token:
    """A run of non-space characters of one line."""

    line: int
    """0-based index of the line."""
    start: int
    """0-based character index in the line."""
    x0: int
    x1: int
    """Display columns it covers, [x0, x1)."""
    text: str

    def cell(self, text: str | None = None, end: int | None = None, first: int | None = None) -> syntax.Cell:
        """A cell starting at this token (1-based line and character column)."""
        last = self.line if end is None else end
        return syntax.Cell(self.text if text is None else text, self.line + 1, self.start + 1, last + 1, first)


@record(slots=True)
class _Line:
    """A line of a table region that holds text, cut into label words and trailing values."""

    index: int
    rank: int
    """Its place among the region's content lines (blank and page-number lines skipped)."""
    labels: list[_Token]
    values: list[_Token]


@record(slots=True)
class _Stack:
    """A label cell: pieces one under another in one text column."""

    pieces: list[list[_Token]] = field(default_factory=list)
    ranks: list[int] = field(default_factory=list)
    valued: bool = False
    """Whether a piece stands on a line with values."""

    @property
    def x0(self) -> int:
        return self.pieces[-1][0].x0

    @property
    def first(self) -> int:
        return self.pieces[0][0].line

    @property
    def last(self) -> int:
        return self.pieces[-1][0].line

    def text(self) -> str:
        return "".join(token.text for piece in self.pieces for token in piece)

    def cell(self) -> syntax.Cell:
        first = "".join(token.text for token in self.pieces[0])
        return self.pieces[0][0].cell(self.text(), self.last, len(first) if len(self.pieces) > 1 else None)


@record(slots=True)
class _Band:
    """One table row: its values (from one line, or two), and the label cells given to it."""

    values: list[_Token]
    lines: list[int]
    stacks: list[_Stack] = field(default_factory=list)

    def row(self) -> syntax.Row:
        stacks = sorted(self.stacks, key=lambda stack: (stack.pieces[0][0].x0, stack.first))
        cells = (*(stack.cell() for stack in stacks), *(token.cell() for token in self.values))
        return syntax.Row(cells, min(cell.line for cell in cells))


@record(frozen=True, slots=True)
class _Found:
    """A table read, and the 0-based line range [start, end) it covers."""

    start: int
    end: int
    table: syntax.Table


# --- lines -----------------------------------------------------------------------------
_WORD_RE = lazy_compile(f"[^{_SPACE}]+")


def _text_width(text: str) -> int:
    return len(text) if text.isascii() else sum(_width(char) for char in text)


def _tokens(raw: str, index: int) -> list[_Token]:
    """The words of line *index*, with their display columns (a form feed takes none)."""
    tokens: list[_Token] = []
    x = end = 0
    for match in _WORD_RE.finditer(raw):
        gap = raw[end : match.start()]
        x += len(gap) - gap.count("\f")
        text = match.group()
        width = _text_width(text)
        tokens.append(_Token(index, match.start(), x, x + width, text))
        x += width
        end = match.end()
    return tokens


def _is_value(text: str) -> bool:
    return text in _DASHES or parse_value(text).number is not None


def _split_values(tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """A line's label words and its trailing values (a unit printed apart rejoined)."""
    if len(tokens) >= 2 and tokens[-1].text in _UNITS and tokens[-1].x0 - tokens[-2].x1 <= 1:
        number, unit = tokens[-2], tokens[-1]
        if _is_value(number.text):
            tokens = [*tokens[:-2], _Token(number.line, number.start, number.x0, unit.x1, number.text + unit.text)]
    end = len(tokens)
    while end > 0 and _is_value(tokens[end - 1].text):
        end -= 1
    return tokens[:end], tokens[end:]


def _content_lines(lines: list[str], start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    for index in range(start, end):
        raw = lines[index]
        stripped = raw.strip(_SPACE)
        if not stripped or _PAGE_NUMBER_RE.match(stripped):
            continue
        labels, values = _split_values(_tokens(raw, index))
        out.append(_Line(index, len(out), labels, values))
    return out


# --- rows and their label cells ---------------------------------------------------------
def _pieces(tokens: list[_Token]) -> list[list[_Token]]:
    """Label words cut at wide gaps and before a row number: one piece per cell of the line."""
    pieces: list[list[_Token]] = []
    for token in tokens:
        gap = token.x0 - pieces[-1][-1].x1 if pieces else 0
        if not pieces or gap >= 2 or (gap >= 1 and _NUMBERING_RE.match(token.text)):
            pieces.append([token])
        else:
            pieces[-1].append(token)
    return pieces


class _NotATable(Exception):
    """A region too irregular to be a template table (see :data:`_MAX_PIECES`)."""


def _stacks(lines: list[_Line], one_row_each: bool = False) -> list[_Stack]:
    """The label cells of *lines*: pieces joined down their text column (see the module docstring).

    A piece continues the most recent open cell within a few columns of it, unless it
    starts with a row number. With *one_row_each* (table 二, whose labels merge no
    rows), a cell never reaches down to a second line with values.
    """
    stacks: list[_Stack] = []
    open_stacks: list[_Stack] = []
    for line in lines:
        open_stacks = [stack for stack in open_stacks if line.rank - stack.ranks[-1] <= _STACK_REACH]
        extended: set[int] = set()
        pieces = list(_pieces(line.labels))
        if len(pieces) > _MAX_PIECES:
            raise _NotATable
        for piece in pieces:
            target: _Stack | None = None
            if not _NUMBERING_RE.match(piece[0].text):
                candidates = [
                    stack
                    for stack in open_stacks
                    if id(stack) not in extended
                    and abs(stack.x0 - piece[0].x0) <= _STACK_TOLERANCE
                    and not (one_row_each and line.values and stack.valued)
                ]
                if candidates:
                    target = min(candidates, key=lambda stack: (-stack.ranks[-1], abs(stack.x0 - piece[0].x0)))
            if target is None:
                target = _Stack()
                stacks.append(target)
                open_stacks.append(target)
            target.pieces.append(piece)
            target.ranks.append(line.rank)
            target.valued |= bool(line.values)
            extended.add(id(target))
    return stacks


def _bands(data: list[_Line], width: int) -> list[_Band]:
    """The rows of *data*: one per line with values, two lines joined when they make one row."""
    bands: list[_Band] = []
    previous: _Line | None = None
    for line in data:
        if not line.values:
            continue
        if previous is not None and _joins(bands[-1], previous, line, width):
            band = bands[-1]
            band.values = sorted([*band.values, *line.values], key=lambda token: token.x0)
            band.lines.append(line.index)
        else:
            bands.append(_Band(list(line.values), [line.index]))
        previous = line
    return bands


def _joins(band: _Band, previous: _Line, line: _Line, width: int) -> bool:
    """Whether *line*'s values complete *band*'s row (its cells printed on two lines).

    Only when together they are the template's count, *line* opens no row of its own
    (no row number), and its values lie wholly right or left of the band's.
    """
    if len(band.lines) > 1 or len(band.values) + len(line.values) != width or line.rank - previous.rank > 2:
        return False
    if any(_NUMBERING_RE.match(piece[0].text) for piece in _pieces(line.labels)):
        return False
    right = min(token.x0 for token in line.values) > max(token.x1 for token in band.values)
    left = max(token.x1 for token in line.values) < min(token.x0 for token in band.values)
    return right or left


def _assign(stacks: list[_Stack], bands: list[_Band]) -> list[_Stack]:
    """Give each label cell to its row (see the module docstring); returns the cells given to none."""
    loose: list[_Stack] = []
    value_lines = sorted((line, order) for order, band in enumerate(bands) for line in band.lines)
    starts = [line for line, _ in value_lines]
    for stack in stacks:
        at = bisect_left(starts, stack.first)
        if at < len(starts) and starts[at] <= stack.last:
            bands[min(order for line, order in value_lines[at:] if line <= stack.last)].stacks.append(stack)
        else:
            loose.append(stack)
    unplaced: list[_Stack] = []
    for stack in loose:
        best: tuple[int, int] | None = None
        chosen: _Band | None = None
        for order, band in enumerate(bands):
            if any(abs(other.x0 - stack.x0) <= _STACK_TOLERANCE for other in band.stacks):
                continue  # the row has its label in this column
            distance = min(min(abs(line - stack.first), abs(line - stack.last)) for line in band.lines)
            if best is None or (distance, -order) < best:
                best, chosen = (distance, -order), band
        if chosen is None or best is None or best[0] > _STACK_REACH:
            unplaced.append(stack)
            continue
        above = [other for other in chosen.stacks if other.last < stack.first]
        if above and not _NUMBERING_RE.match(stack.text()):
            # The end of a label that pdftotext moved off its column (「开出版」 / 「物」).
            target = max(above, key=lambda other: other.last)
            target.pieces += stack.pieces
            target.ranks += stack.ranks
        else:
            chosen.stacks.append(stack)
    return unplaced


def _label_rows(stacks: list[_Stack]) -> list[tuple[int, syntax.Row]]:
    """Label cells that belong to no row, as one-cell rows (by line), so that no text is lost."""
    return [(stack.first, syntax.Row((stack.cell(),), stack.first + 1)) for stack in stacks]


# --- headers ---------------------------------------------------------------------------
def _compose(tokens: list[_Token], folded: list[str], want: str, used: set[int], reach: int) -> list[int] | None:
    """Indices of unused *tokens* that spell the folded label *want*: side by side, or one under another.

    *folded* holds each token's folded text. A part under another must overlap the
    first part's columns give or take *reach*.
    """
    for first, text in enumerate(folded):
        if first not in used and text and want.startswith(text):
            found = _extend(tokens, folded, want, [first], text, used, reach)
            if found is not None:
                return found
    return None


def _extend(
    tokens: list[_Token], folded: list[str], want: str, chosen: list[int], have: str, used: set[int], reach: int
) -> list[int] | None:
    if have == want:
        return chosen
    head, last = tokens[chosen[0]], tokens[chosen[-1]]
    for number, token in enumerate(tokens):
        text = folded[number]
        if not text or number in used or number in chosen or not want.startswith(have + text):
            continue
        beside = token.line == last.line and 0 < token.x0 - last.x1 <= 2
        below = (
            0 < token.line - last.line <= _HEADER_REACH and head.x0 - reach < token.x1 and token.x0 < head.x1 + reach
        )
        if beside or below:
            found = _extend(tokens, folded, want, [*chosen, number], have + text, used, reach)
            if found is not None:
                return found
    return None


def _header_rows(lines: list[_Line], labels: tuple[str, ...]) -> list[syntax.Row]:
    """The lines above a table's first row as header rows (see the module docstring)."""
    tokens = [token for line in lines for token in (*line.labels, *line.values)]
    if len(tokens) > _MAX_HEADER_TOKENS:
        tokens = []  # too many words for a header: none composed (they stay cells as they stand)
    folded = [fold(token.text) for token in tokens]
    used: set[int] = set()
    cells: list[tuple[_Token, syntax.Cell]] = []
    made: Counter[str] = Counter()
    wanted = [(fold(label), labels.count(label)) for label in sorted(set(labels), key=len, reverse=True)]
    for reach in _HEADER_SLACK:
        for want, times in wanted:
            while made[want] < times:
                found = _compose(tokens, folded, want, used, reach)
                if found is None:
                    break
                used.update(found)
                made[want] += 1
                parts = [tokens[number] for number in found]
                on_first = "".join(part.text for part in parts if part.line == parts[0].line)
                end = max(part.line for part in parts)
                text = "".join(part.text for part in parts)
                cells.append((parts[0], parts[0].cell(text, end, len(on_first) if end != parts[0].line else None)))
    taken = {id(tokens[number]) for number in used}
    rest = [
        _Line(line.index, line.rank, [token for token in (*line.labels, *line.values) if id(token) not in taken], [])
        for line in lines
    ]
    cells += [(stack.pieces[0][0], stack.cell()) for stack in _stacks(rest)]
    by_line: dict[int, list[tuple[_Token, syntax.Cell]]] = {}
    for head, cell in cells:
        by_line.setdefault(head.line, []).append((head, cell))
    return [
        syntax.Row(tuple(cell for _, cell in sorted(found, key=lambda item: item[0].x0)), line + 1)
        for line, found in sorted(by_line.items())
    ]


# --- the three tables ------------------------------------------------------------------
def _table(rows: list[syntax.Row], start: int, end: int) -> syntax.Table:
    return syntax.Table(syntax.TableLayout.SPACE_ALIGNED, tuple(rows), start + 1, end)


def _t3(lines: list[str], start: int, stop: int) -> _Found | None:
    """Table 三 in lines [start, stop): header lines, then rows of seven values."""
    content = _content_lines(lines, start, stop)
    width = len(tpl.T3_COLUMNS)
    first_value = next((number for number, line in enumerate(content) if line.values), None)
    if first_value is None:
        return None
    header, data = content[:first_value], content[first_value:]
    bands = _bands(data, width)
    unplaced = _assign(_stacks(data), bands)
    last = next((number for number, band in enumerate(bands) if _is_last_row(band)), None)
    if last is None:
        return None
    bands = bands[: last + 1]
    if sum(len(band.values) != width for band in bands) > _MAX_SHORT_ROWS:
        return None  # blank cells that only a guess could place
    end = max(line for band in bands for line in (*band.lines, *(stack.last for stack in band.stacks))) + 1
    placed = [(band.lines[0], band.row()) for band in bands] + [item for item in _label_rows(unplaced) if item[0] < end]
    rows = [*_header_rows(header, tpl.T3_HEADER_LABELS), *(row for _, row in sorted(placed, key=lambda item: item[0]))]
    table = _table(rows, start, end)
    if classify(table) != T3 or len(build_t3([table]).rows) < _MIN_KEYED * len(bands):
        return None
    return _Found(start, end, table)


def _is_last_row(band: _Band) -> bool:
    """Whether *band* is table 三's last row, 四、结转下年度继续办理."""
    return any(word in fold(stack.text()) for stack in band.stacks for word in _T3_LAST_ROW)


def _t4(lines: list[str], start: int, stop: int) -> _Found | None:
    """Table 四 in lines [start, stop): header lines, then one row of fifteen values."""
    content = _content_lines(lines, start, stop)
    data = next((number for number, line in enumerate(content) if len(line.values) >= 5 and not line.labels), None)
    if data is None:
        return None
    band = _bands(content[data : data + 2], len(tpl.T4_COLUMNS))[0]
    if len(band.values) != len(tpl.T4_COLUMNS):
        return None
    end = max(band.lines) + 1
    table = _table([*_header_rows(content[:data], _T4_HEADER_LABELS), band.row()], start, end)
    if classify(table) != T4 or build_t4([table]).problems:
        return None
    return _Found(start, end, table)


def _t2(lines: list[str], start: int, stop: int) -> _Found | None:
    """Table 二 in lines [start, stop): blocks of a caption, header lines and rows."""
    rows: list[syntax.Row] = []
    header: list[_Line] = []
    data: list[_Line] = []
    end = start

    def flush() -> None:
        if header:
            rows.extend(_header_rows(header, _T2_HEADER_LABELS))
            header.clear()
        if data:
            bands = _bands(data, 0)
            unplaced = _assign(_stacks(data, one_row_each=True), bands)
            placed = [(band.lines[0], band.row()) for band in bands] + _label_rows(unplaced)
            rows.extend(row for _, row in sorted(placed, key=lambda item: item[0]))
            data.clear()

    for line in _content_lines(lines, start, stop):
        text = "".join(token.text for token in line.labels)
        if not line.values and tpl.T2_CAPTION_RE.search(fold(text)):
            flush()
            rows.append(syntax.Row((line.labels[0].cell(text),), line.index + 1))
        elif line.values:
            if header:
                flush()
            data.append(line)
        elif data and _continues_label(data[-1], line) and tpl.T2_CONTENT_HEADER not in fold(text):
            data.append(line)
        else:
            if data:
                flush()
            header.append(line)
            continue
        end = line.index
    header.clear()  # lines after the last row are not the table's
    flush()
    table = _table(rows, start, end + 1)
    if classify(table) != T2 or _t2_short_rows(rows) > _MAX_SHORT_ROWS or not any(_t2_values(row) for row in rows):
        return None
    return _Found(start, end + 1, table)


def _t2_values(row: syntax.Row) -> int:
    return sum(1 for cell in row.cells if _is_value(cell.text))


def _t2_short_rows(rows: list[syntax.Row]) -> int:
    """Table-二 rows whose values are not as many as their block's header has columns."""
    columns: int | None = None
    short = 0
    for row in rows:
        values = _t2_values(row)
        if not values:
            if tpl.T2_CONTENT_HEADER in fold(row.cells[0].text):
                columns = len(row.cells) - 1
            continue
        short += columns is None or values != columns
    return short


def _continues_label(row: _Line, line: _Line) -> bool:
    """Whether *line* (no values) is the rest of the label of the table-二 row on *row*."""
    if line.rank - row.rank != 1 or not line.labels or not row.labels:
        return False
    return abs(line.labels[0].x0 - row.labels[0].x0) <= 2 * _STACK_TOLERANCE


# --- where the tables are ----------------------------------------------------------------
def _first(lines: list[str], start: int, end: int, words: tuple[str, ...]) -> int | None:
    """The first line in [start, end) holding one of *words* (folded)."""
    for index in range(start, end):
        folded = fold(lines[index])
        if any(word in folded for word in words):
            return index
    return None


def _regions(blocks: tuple[syntax.Block, ...], lines: list[str], wanted: set[str]) -> Iterator[tuple[str, int, int]]:
    """(table, first line, end line) of where each wanted table may be, 0-based.

    Table 二 starts at its first caption, 三 at its first header words, 四 at its first
    header words after section 四's heading; each ends at the next section heading
    (:func:`reportlint.model.sections.section_number`, which tells table 三's
    numbered row labels from headings).
    """
    total = len(lines)
    headings = [(block.line - 1, number) for block in blocks if (number := section_number(block)) is not None]

    def next_section(after: int, at_least: int) -> int:
        return next((line for line, number in headings if line > after and number >= at_least), total)

    if T2 in wanted:
        caption = next((index for index in range(total) if tpl.T2_CAPTION_RE.search(fold(lines[index]))), None)
        if caption is not None:
            yield T2, caption, next_section(caption, 3)
    t3 = _first(lines, 0, total, _T3_START)
    if T3 in wanted and t3 is not None:
        yield T3, t3, next_section(t3, 4)
    section_four = next((line for line, number in headings if number == 4 and line > (t3 or 0)), None)
    if T4 in wanted and section_four is not None:
        t4 = _first(lines, section_four + 1, next_section(section_four, 5), _T4_START)
        if t4 is not None:
            yield T4, t4, next_section(t4, 5)


_READERS = {T2: _t2, T3: _t3, T4: _t4}


def _span(block: syntax.Block) -> tuple[int, int]:
    return block.line, block.end_line


def read_aligned_tables(blocks: tuple[syntax.Block, ...], lines: list[str], text: str) -> tuple[syntax.Block, ...]:
    """*blocks* with each space-aligned template table (see the module docstring) rebuilt as a table.

    *lines* are *text*'s lines. Text without two spaces in a row is left alone at the
    cost of one substring search, and so are the tables the grammar already found;
    each table's region is read once, only when it is short enough to be a template
    table, so the work is linear in the text.
    """
    if "  " not in text or not any(_GAP_RE.search(line) for line in lines):
        return blocks
    wanted = {T2, T3, T4} - {classify(block) for block in blocks if isinstance(block, syntax.Table)}
    if not wanted:
        return blocks
    found: list[_Found] = []
    for kind, start, stop in _regions(blocks, lines, wanted):
        if stop - start <= _MAX_LINES:
            try:
                table = _READERS[kind](lines, start, stop)
            except _NotATable:
                continue
            if table is not None:
                found.append(table)
    result = list(blocks)
    for table in sorted(found, key=lambda item: item.start, reverse=True):
        first, last = table.start + 1, table.end
        inside = [number for number, block in enumerate(result) if _span(block)[1] >= first and _span(block)[0] <= last]
        if any(_span(result[number])[0] < first or _span(result[number])[1] > last for number in inside):
            continue  # a paragraph runs into the table: leave it (P004 will say so)
        at = inside[0] if inside else next((n for n, b in enumerate(result) if _span(b)[0] > last), len(result))
        for number in reversed(inside):
            del result[number]
        result.insert(at, table.table)
    return tuple(result) if found else blocks
