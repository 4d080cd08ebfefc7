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

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlint import syntax
from reportlint.model import templates as tpl
from reportlint.model.tables import build_t2, build_t3, build_t4, classify
from reportlint.model.templates import T2, T3, T4
from reportlint.model.values import NONE_MARKS, parse_value
from reportlint.text import fold

_GAP_RE = re.compile(r"\S[ \u3000]{2,}\S")
"""A line with a wide gap between two words: the cheap test for a space-aligned line."""
_SPACE = " \t\f\v\u3000\u00a0"
_NUMBERING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、，,.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、,，])")
"""A row number at the start of a label: 一、 （三） 4. 1、"""
_PAGE_NUMBER_RE = re.compile(r"^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3})$")
_UNITS = frozenset({"元", "万元", "件", "条", "个", "项"})
_DASHES = frozenset(mark for mark in NONE_MARKS if mark != "无")
_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、")
_STACK_TOLERANCE = 3
"""Display columns a wrapped label's next line may start off its first line's column."""
_STACK_REACH = 4
"""Content lines a wrapped label may skip (rows of other columns, one character a line)."""
_HEADER_REACH = 3
"""Lines a header label's next part may lie below its previous part."""
_HEADER_SLACK = (4, 1 << 10)
"""How far a header label's lower part may stand off its column: close first, then anywhere
(pdftotext shifts lines of a page differently, most in table 四's stacked headers)."""
_MAX_SHORT_ROWS = 2
"""Rows without the template's count of values a table may have and still be read."""
_MIN_KEYED = 0.8
"""Share of table 三's rows that must be recognised for the table to be read."""

_T3_START = (fold(tpl.T3_APPLICANTS), "本列数据")
_T4_START = tuple(fold(label) for label in (tpl.T4_REVIEW, tpl.T4_LITIGATION, *tpl.T4_SUITS))
_T3_END_SECTION = tuple(fold(label) for label in (tpl.T4_REVIEW, tpl.T4_LITIGATION))


def _width(char: str) -> int:
    """A character's display width in pdftotext's layout: CJK and full-width two, ASCII one."""
    if char < "\u1100":
        return 1
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


@dataclass(frozen=True, slots=True)
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


@dataclass(slots=True)
class _Line:
    index: int
    rank: int
    """Its place among the table's content lines (blank and page-number lines skipped)."""
    labels: list[_Token]
    values: list[_Token]


@dataclass(slots=True)
class _Stack:
    """A label cell: pieces one under another in one text column."""

    pieces: list[list[_Token]]
    ranks: list[int]

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
        head = self.pieces[0][0]
        first = "".join(token.text for token in self.pieces[0])
        text = self.text()
        return syntax.Cell(text, head.line + 1, head.start + 1, self.last + 1, len(first) if len(self.pieces) > 1 else None)


@dataclass(slots=True)
class _Band:
    """One table row: its values (from one line, or two), and the label cells given to it."""

    values: list[_Token]
    lines: list[int]
    stacks: list[_Stack] = field(default_factory=list)


def _tokens(raw: str, index: int) -> list[_Token]:
    tokens: list[_Token] = []
    x = 0
    start = -1
    begin_x = 0
    for position, char in enumerate(raw):
        if char in _SPACE:
            if start >= 0:
                tokens.append(_Token(index, start, begin_x, x, raw[start:position]))
                start = -1
            x += 0 if char == "\f" else 1
            continue
        if start < 0:
            start, begin_x = position, x
        x += _width(char)
    if start >= 0:
        tokens.append(_Token(index, start, begin_x, x, raw[start:]))
    return tokens


def _is_value(text: str) -> bool:
    if text in _DASHES:
        return True
    value = parse_value(text)
    return value.number is not None


def _split_values(tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """A line's label tokens and its trailing value tokens (a unit printed apart rejoined)."""
    if len(tokens) >= 2 and tokens[-1].text in _UNITS and tokens[-1].x0 - tokens[-2].x1 <= 1:
        number, unit = tokens[-2], tokens[-1]
        if _is_value(number.text):
            tokens = [*tokens[:-2], _Token(number.line, number.start, number.x0, unit.x1, number.text + unit.text)]
    end = len(tokens)
    while end > 0 and _is_value(tokens[end - 1].text):
        end -= 1
    return tokens[:end], tokens[end:]


def _pieces(tokens: list[_Token]) -> list[list[_Token]]:
    """Label tokens cut at wide gaps and before a row number: one piece per cell of the line."""
    pieces: list[list[_Token]] = []
    for token in tokens:
        gap = token.x0 - pieces[-1][-1].x1 if pieces else 0
        if not pieces or gap >= 2 or (gap >= 1 and _NUMBERING_RE.match(token.text)):
            pieces.append([token])
        else:
            pieces[-1].append(token)
    return pieces


def _stacks(lines: list[_Line], one_row_each: bool = False) -> list[_Stack]:
    """The label cells of *lines*: pieces joined down their text column (see the module docstring).

    With *one_row_each* (table 二, whose labels merge no rows), a label never reaches
    down to a second line with values.
    """
    stacks: list[_Stack] = []
    valued: set[int] = set()
    """Stacks (by index) with a piece on a line with values."""
    for line in lines:
        extended: set[int] = set()
        for piece in _pieces(line.labels):
            text = piece[0].text
            target: _Stack | None = None
            if not _NUMBERING_RE.match(text):
                best: tuple[int, int] | None = None
                for number, stack in enumerate(stacks):
                    if number in extended or line.rank - stack.ranks[-1] > _STACK_REACH:
                        continue
                    if one_row_each and line.values and number in valued:
                        continue
                    distance = abs(stack.x0 - piece[0].x0)
                    if distance <= _STACK_TOLERANCE:
                        key = (-stack.ranks[-1], distance)
                        if best is None or key < best:
                            best, target = key, stack
            if target is None:
                target = _Stack([], [])
                stacks.append(target)
            target.pieces.append(piece)
            target.ranks.append(line.rank)
            number = stacks.index(target)
            extended.add(number)
            if line.values:
                valued.add(number)
    return stacks


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


def _bands(data: list[_Line], width: int) -> list[_Band]:
    """The rows of *data*: one per line with values, two lines joined when they make one row."""
    bands: list[_Band] = []
    previous: _Line | None = None
    for line in data:
        if not line.values:
            continue
        if bands and previous is not None and _joins(bands[-1], previous, line, width):
            band = bands[-1]
            band.values = sorted([*band.values, *line.values], key=lambda token: token.x0)
            band.lines.append(line.index)
        else:
            bands.append(_Band(list(line.values), [line.index]))
        previous = line
    return bands


def _joins(band: _Band, previous: _Line, line: _Line, width: int) -> bool:
    """Whether *line*'s values complete *band*'s row (its cells printed on two lines)."""
    if len(band.lines) > 1 or len(band.values) + len(line.values) != width or line.rank - previous.rank > 2:
        return False
    if any(_NUMBERING_RE.match(piece[0].text) for piece in _pieces(line.labels)):
        return False
    right = min(token.x0 for token in line.values) > max(token.x1 for token in band.values)
    left = max(token.x1 for token in line.values) < min(token.x0 for token in band.values)
    return right or left


def _assign(stacks: list[_Stack], bands: list[_Band]) -> list[_Stack]:
    """Give each label cell to its row (see the module docstring); the cells given to none."""
    loose: list[_Stack] = []
    for stack in stacks:
        spanned = [band for band in bands if any(stack.first <= line <= stack.last for line in band.lines)]
        if spanned:
            spanned[0].stacks.append(stack)
        else:
            loose.append(stack)
    unplaced: list[_Stack] = []
    for stack in loose:
        best: tuple[int, int] | None = None
        chosen: _Band | None = None
        for order, band in enumerate(bands):
            if any(abs(other.x0 - stack.x0) <= _STACK_TOLERANCE for other in band.stacks):
                continue
            distance = min(min(abs(line - stack.first), abs(line - stack.last)) for line in band.lines)
            key = (distance, -order)
            if best is None or key < best:
                best, chosen = key, band
        if chosen is None or best is None or best[0] > _STACK_REACH:
            unplaced.append(stack)
            continue
        above = [other for other in chosen.stacks if other.last < stack.first]
        if above and not _NUMBERING_RE.match(stack.text()):
            # The end of a label pdftotext moved off its column (「开出版」 / 「物」).
            target = max(above, key=lambda other: other.last)
            target.pieces += stack.pieces
            target.ranks += stack.ranks
        else:
            chosen.stacks.append(stack)
    return unplaced


def _row(band: _Band) -> syntax.Row:
    labels = [stack.cell() for stack in sorted(band.stacks, key=lambda stack: (stack.pieces[0][0].x0, stack.first))]
    values = [syntax.Cell(token.text, token.line + 1, token.start + 1, token.line + 1) for token in band.values]
    cells = (*labels, *values)
    return syntax.Row(cells, min(cell.line for cell in cells))


# --- headers -------------------------------------------------------------------------
def _compose(tokens: list[_Token], label: str, used: set[int], reach: int) -> list[int] | None:
    """Indices of unused *tokens* that spell *label*: side by side on a line, or one under another.

    A part under another must overlap its column give or take *reach* display columns.
    """
    want = fold(label)
    for first, token in enumerate(tokens):
        if first in used:
            continue
        text = fold(token.text)
        if not text or not want.startswith(text):
            continue
        found = _extend(tokens, want, [first], text, used, reach)
        if found is not None:
            return found
    return None


def _extend(
    tokens: list[_Token], want: str, chosen: list[int], have: str, used: set[int], reach: int
) -> list[int] | None:
    if have == want:
        return chosen
    head, last = tokens[chosen[0]], tokens[chosen[-1]]
    for number, token in enumerate(tokens):
        if number in used or number in chosen:
            continue
        beside = token.line == last.line and 0 < token.x0 - last.x1 <= 2
        below = 0 < token.line - last.line <= _HEADER_REACH and token.x0 < head.x1 + reach and token.x1 > head.x0 - reach
        if not (beside or below):
            continue
        text = fold(token.text)
        if text and want.startswith(have + text):
            found = _extend(tokens, want, [*chosen, number], have + text, used, reach)
            if found is not None:
                return found
    return None


def _header_rows(lines: list[_Line], labels: tuple[str, ...]) -> list[syntax.Row]:
    """The header lines above a table's first row, as rows of cells (see the module docstring)."""
    tokens = [token for line in lines for token in (*line.labels, *line.values)]
    used: set[int] = set()
    cells: list[tuple[_Token, syntax.Cell]] = []
    for reach, label in [(reach, label) for reach in _HEADER_SLACK for label in sorted(set(labels), key=len, reverse=True)]:
        for _ in range(labels.count(label) - sum(fold(cell.text) == fold(label) for _, cell in cells)):
            found = _compose(tokens, label, used, reach)
            if found is None:
                break
            used.update(found)
            parts = [tokens[number] for number in found]
            head = parts[0]
            text = "".join(part.text for part in parts)
            first = "".join(part.text for part in parts if part.line == head.line)
            end = max(part.line for part in parts)
            length = len(first) if end != head.line else None
            cells.append((head, syntax.Cell(text, head.line + 1, head.start + 1, end + 1, length)))
    rest = [
        _Line(line.index, line.rank, [token for token in (*line.labels, *line.values) if tokens.index(token) not in used], [])
        for line in lines
    ]
    for stack in _stacks(rest):
        cells.append((stack.pieces[0][0], stack.cell()))
    rows: dict[int, list[tuple[_Token, syntax.Cell]]] = {}
    for head, cell in cells:
        rows.setdefault(head.line, []).append((head, cell))
    return [
        syntax.Row(tuple(cell for _, cell in sorted(found, key=lambda item: item[0].x0)), line + 1)
        for line, found in sorted(rows.items())
    ]


# --- the three tables -------------------------------------------------------------------
def _folded_line(raw: str) -> str:
    return fold(raw)


def _first(lines: list[str], start: int, end: int, words: tuple[str, ...]) -> int | None:
    for index in range(start, end):
        folded = _folded_line(lines[index])
        if any(word in folded for word in words) and not _SECTION_RE.match(lines[index].strip(_SPACE)):
            return index
    return None


def _section_heading(lines: list[str], start: int, end: int, words: tuple[str, ...]) -> int:
    """The first line in [start, end) that is a section heading holding one of *words* (else *end*)."""
    for index in range(start, end):
        stripped = lines[index].strip(_SPACE)
        if _SECTION_RE.match(stripped) and any(word in fold(stripped) for word in words):
            return index
    return end


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    start: int
    end: int
    """0-based line range [start, end) the table covers."""
    table: syntax.Table


def _t3(lines: list[str], start: int, stop: int) -> _Found | None:
    content = _content_lines(lines, start, stop)
    width = len(tpl.T3_COLUMNS)
    first_value = next((number for number, line in enumerate(content) if line.values), None)
    if first_value is None:
        return None
    header, data = content[:first_value], content[first_value:]
    bands = _bands(data, width)
    stacks = _stacks(data)
    _assign(stacks, bands)
    if sum(len(band.values) != width for band in bands) > _MAX_SHORT_ROWS:
        return None
    last = next((number for number, band in enumerate(bands) if any("结转下年度" in fold(s.text()) for s in band.stacks)), None)
    if last is None:
        return None
    bands = bands[: last + 1]
    end = max(max(band.lines) for band in bands)
    end = max([end, *(stack.last for band in bands for stack in band.stacks)]) + 1
    rows = [*_header_rows(header, tpl.T3_HEADER_LABELS), *(_row(band) for band in bands)]
    table = syntax.Table(syntax.TableLayout.SPACE_ALIGNED, tuple(rows), start + 1, end)
    built = build_t3([table])
    if classify(table) != T3 or len(built.rows) < _MIN_KEYED * len(bands):
        return None
    return _Found(T3, start, end, table)


def _t4(lines: list[str], start: int, stop: int) -> _Found | None:
    content = _content_lines(lines, start, stop)
    width = len(tpl.T4_COLUMNS)
    data = next((number for number, line in enumerate(content) if len(line.values) >= 5 and not line.labels), None)
    if data is None:
        return None
    bands = _bands(content[data : data + 2], width)
    band = bands[0]
    if len(band.values) != width:
        return None
    header_labels = (*tpl.T4_HEADER_LABELS[:4], *tpl.T4_RESULTS * len(tpl.T4_GROUPS))
    rows = [*_header_rows(content[:data], header_labels), _row(band)]
    end = max(band.lines) + 1
    table = syntax.Table(syntax.TableLayout.SPACE_ALIGNED, tuple(rows), start + 1, end)
    if classify(table) != T4 or build_t4([table]).problems:
        return None
    return _Found(T4, start, end, table)


_T2_HEADER_LABELS = tuple(
    dict.fromkeys(
        [tpl.T2_CONTENT_HEADER, *(column for version in tpl.T2_BLOCKS.values() for block in version for column in block.columns)]
    )
)


def _t2(lines: list[str], start: int, stop: int) -> _Found | None:
    content = _content_lines(lines, start, stop)
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
            _assign(_stacks(data, one_row_each=True), bands)
            rows.extend(_row(band) for band in bands)
            data.clear()

    for line in content:
        text = "".join(token.text for token in line.labels)
        if not line.values and tpl.T2_CAPTION_RE.search(fold(text)):
            flush()
            head = line.labels[0]
            rows.append(syntax.Row((syntax.Cell(text, head.line + 1, head.start + 1, head.line + 1),), head.line + 1))
            end = line.index
        elif line.values:
            if header:
                flush()
            data.append(line)
            end = line.index
        elif data and _continues_label(data[-1], line) and tpl.T2_CONTENT_HEADER not in fold(text):
            data.append(line)
            end = line.index
        else:
            if data:
                flush()
            header.append(line)
    header.clear()  # lines after the last row are not the table's
    flush()
    table = syntax.Table(syntax.TableLayout.SPACE_ALIGNED, tuple(rows), start + 1, end + 1)
    if classify(table) != T2 or not build_t2([table], None).rows or _t2_short_rows(rows) > _MAX_SHORT_ROWS:
        return None
    return _Found(T2, start, end + 1, table)


def _t2_short_rows(rows: list[syntax.Row]) -> int:
    """Table-二 rows whose values are not as many as their block's header has columns."""
    columns: int | None = None
    short = 0
    for row in rows:
        values = sum(1 for cell in row.cells if _is_value(cell.text))
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
    return abs(line.labels[0].x0 - row.labels[0].x0) <= _STACK_TOLERANCE * 2


def _find(lines: list[str], wanted: set[str]) -> Iterator[_Found]:
    total = len(lines)
    t3_start = _first(lines, 0, total, _T3_START)
    t4_heading = _section_heading(lines, t3_start or 0, total, _T3_END_SECTION)
    if T2 in wanted:
        caption = next((index for index in range(total) if tpl.T2_CAPTION_RE.search(fold(lines[index]))), None)
        if caption is not None:
            stop = _section_heading(lines, caption, t3_start if t3_start is not None else total, (fold(tpl.TABLE_TITLES[T3])[:4],))
            found = _t2(lines, caption, stop)
            if found is not None:
                yield found
    if T3 in wanted and t3_start is not None:
        found = _t3(lines, t3_start, t4_heading)
        if found is not None:
            yield found
    if T4 in wanted:
        start = _first(lines, t4_heading + 1 if t4_heading < total else 0, total, _T4_START)
        if start is not None:
            stop = _section_heading(lines, start, total, ("存在",))
            found = _t4(lines, start, stop)
            if found is not None:
                yield found


def _span(block: syntax.Block) -> tuple[int, int]:
    if isinstance(block, syntax.Table):
        return block.line, block.end_line
    return block.line, block.end_line


def read_aligned_tables(blocks: tuple[syntax.Block, ...], lines: list[str]) -> tuple[syntax.Block, ...]:
    """*blocks* with each space-aligned template table (see the module docstring) rebuilt as a table.

    Tables the grammar already found are left alone, and so is text with no wide gap
    between words: the test costs one pass over the lines.
    """
    have = {classify(block) for block in blocks if isinstance(block, syntax.Table)}
    wanted = {T2, T3, T4} - have
    if not wanted or not any(_GAP_RE.search(line) for line in lines):
        return blocks
    result = list(blocks)
    for found in sorted(_find(lines, wanted), key=lambda item: item.start, reverse=True):
        first, last = found.start + 1, found.end
        inside = [number for number, block in enumerate(result) if _span(block)[1] >= first and _span(block)[0] <= last]
        if any(_span(result[number])[0] < first or _span(result[number])[1] > last for number in inside):
            continue  # a paragraph runs into the table: leave it (P004 will say so)
        at = inside[0] if inside else next((n for n, b in enumerate(result) if _span(b)[0] > last), len(result))
        for number in reversed(inside):
            del result[number]
        result.insert(at, found.table)
    return tuple(result)
