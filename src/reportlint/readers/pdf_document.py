"""Reading a PDF: a published report PDF becomes report text.

Why pdfplumber: it gives every character with its box and every ruling line and
rectangle, so tables can be found from their borders and the rest of the page read
as lines of text; see docs/readers-html-pdf.md for what was measured. This module and
pdfplumber are imported only when a PDF is read (by the plugin in
:mod:`reportlint.readers.pdf`).

What the reader does, page by page:

* drops boxes that cannot be seen — white or unfilled rectangles without a border,
  which WPS and Word draw behind every paragraph — so that they are not taken for
  table borders;
* finds tables by their ruling lines, places their cells on a grid (merged cells
  expanded, :mod:`reportlint.readers.layout`) and keeps each cell's text in its cell,
  its wrapped lines joined;
* a table that runs to the bottom of a page and goes on at the top of the next is one
  table: nothing is written between its parts;
* drops page headers and footers: page numbers (「- 3 -」, 「第 3 页」, 「3/5」) and lines
  repeated at the same height on most pages;
* joins the wrapped lines of a paragraph into one line — a line that reaches the right
  margin goes on in the next, unless that one is indented — across page breaks too;
  otherwise every bracket opened on one line and closed on the next would look
  unbalanced.

A PDF without a text layer (a scan) is reported as such (P008), a damaged one as
unreadable (P002). Each line's origin is its page and box, each cell's its table,
row and column as well.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field
from typing import Any

from reportlint.lazyre import lazy_compile
from reportlint.model.problems import ProblemKind
from reportlint.readers.extracted import ExtractedText, Origin
from reportlint.readers.layout import GridCell, TextBuilder, grid_rows
from reportlint.readers.problems import DocumentProblem, missing_library
from reportlint.readers.text import UndecodableError
from reportlint.records import record

_PAGE_NUMBER = lazy_compile(
    r"^[\s\-—–－·•]*(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]+\s*页?)?[\s\-—–－·•]*$"
    r"|^[\s\-—–－]*[ivxlcdmIVXLCDM]+[\s\-—–－]*$"
)
_MARGIN = 0.1
"""Headers and footers live in the top and bottom tenth of a page."""
_HEADING_START = lazy_compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_NUMBERED = lazy_compile(r"^\s*(?:[0-9０-９]+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])")
_NUMBER = lazy_compile(r"^[+\-]?[0-9０-９][0-9０-９,.]*\s*(?:万元|元|件|个|条)?$")
_SENTENCE_END = ("。", "；", "：", "！", "？", ";", ":", "!", "?")
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}


@record(slots=True)
class _Line:
    """One line of text on a page (outside tables), with its box."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    lead: float = 0.0
    """Width of the line's first unbreakable piece: a Latin word or number, or two Chinese characters."""


@record(slots=True)
class _Table:
    """One table found on a page: its rows on the grid and its box."""

    page: int
    top: float
    bottom: float
    cells: list[GridCell] = field(default_factory=list)
    open_top: bool = False
    """No border above the first row: the row goes on from the previous page."""
    open_bottom: bool = False
    """No border below the last row: the row goes on on the next page."""


def _is_wide(char: str) -> bool:
    return not (char.isascii() and (char.isalnum() or char in "@._-/%+"))


def join_pieces(pieces: list[str]) -> str:
    """Join text pieces (characters or wrapped lines): no space where either side is Chinese."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and not _is_wide(out[-1]) and not _is_wide(piece[0]):
            out += " "
        out += piece
    return out


def _line_text(chars: list[dict[str, Any]]) -> str:
    """The text of one line's characters, left to right.

    The PDF draws no space characters between Chinese ones (justified lines only
    spread them out); a gap wider than half a character between two Latin letters
    or digits is a word space.
    """
    chars = sorted(chars, key=lambda char: char["x0"])
    out = ""
    previous: dict[str, Any] | None = None
    for char in chars:
        text = char["text"]
        if previous is not None and text.strip() and out and not out.endswith(" "):
            gap = char["x0"] - previous["x1"]
            size = max(char.get("size", 10.0), 1.0)
            if gap > 0.3 * size and not _is_wide(out[-1]) and not _is_wide(text[0]):
                out += " "
        out += text
        previous = char
    return re.sub(r"\s+", " ", out).strip()


def _visible(obj: dict[str, Any]) -> bool:
    """False for a rectangle nobody sees: no border and a white fill (or none)."""
    if obj.get("object_type") not in ("rect", "curve"):
        return True
    if obj.get("stroke"):
        return True
    if not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    if color is None:
        return True  # default fill is black
    values = color if isinstance(color, (list, tuple)) else (color,)
    try:
        numbers = [float(value) for value in values]
    except (TypeError, ValueError):
        return True
    if len(numbers) == 4:  # CMYK: white is no ink
        return any(value > 0.05 for value in numbers)
    return not all(value > 0.95 for value in numbers)


def _snap(values: list[float], tolerance: float = 2.0) -> list[float]:
    """Distinct positions, those closer than *tolerance* taken as one."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _index(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda index: abs(bounds[index] - value))


def _cell_text(chars: list[dict[str, Any]]) -> str:
    """A cell's text: its lines top to bottom, joined (a cell's wrapped lines are one text)."""
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda char: (round(char["top"]), char["x0"])):
        if lines and abs(lines[-1][0]["top"] - char["top"]) < 0.5 * max(char.get("size", 10.0), 1.0):
            lines[-1].append(char)
        else:
            lines.append([char])
    return join_pieces([_line_text(line) for line in lines])


def _inside(char: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    middle_x = (float(char["x0"]) + float(char["x1"])) / 2
    middle_y = (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _tables(page: Any, number: int, first_table: int) -> list[_Table]:
    """The page's tables, each cell with its text and grid position."""
    found: list[_Table] = []
    settings: dict[str, Any] = dict(_TABLE_SETTINGS)
    verticals = [edge for edge in page.edges if edge["orientation"] == "v" and edge["height"] > 5]
    horizontals = [edge["top"] for edge in page.edges if edge["orientation"] == "h" and edge["width"] > 5]
    first = min((edge["top"] for edge in verticals), default=0.0)
    last = max((edge["bottom"] for edge in verticals), default=0.0)
    if verticals:
        # A table cut by a page break has no border where it is cut: close it there.
        settings["explicit_horizontal_lines"] = [first, last]
    for table in page.find_tables(table_settings=settings):
        boxes = [cell for cell in table.cells if cell is not None]
        xs = _snap([value for box in boxes for value in (box[0], box[2])])
        ys = _snap([value for box in boxes for value in (box[1], box[3])])
        if len(xs) < 3:
            # One column: a frame or boxes behind paragraphs (highlights, text boxes),
            # not a table of the template, whose rows all have a label and a value.
            continue
        index = first_table + len(found)
        result = _Table(number, table.bbox[1], table.bbox[3])
        result.open_top = abs(result.top - first) < 2 and not any(abs(y - first) < 2 for y in horizontals)
        result.open_bottom = abs(result.bottom - last) < 2 and not any(abs(y - last) < 2 for y in horizontals)
        chars = [char for char in page.chars if _inside(char, table.bbox)]
        for box in boxes:
            row, column = _index(ys, box[1]), _index(xs, box[0])
            rowspan = max(_index(ys, box[3]) - row, 1)
            colspan = max(_index(xs, box[2]) - column, 1)
            text = _cell_text([char for char in chars if _inside(char, box)])
            where = f"第 {number} 页表格 {index} 第 {row + 1} 行第 {column + 1} 列"
            origin = Origin(where, table=index, row=row + 1, cell=column + 1, page=number, box=_round(box))
            result.cells.append(GridCell(row, column, text, origin, rowspan, colspan))
        found.append(result)
    return found


def _round(box: tuple[float, ...]) -> tuple[float, float, float, float]:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


def _text_lines(page: Any, number: int, tables: list[_Table]) -> list[_Line]:
    boxes = [(0.0, table.top - 1, float(page.width), table.bottom + 1) for table in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not any(_inside(obj, box) for box in boxes))
    lines: list[_Line] = []
    for line in outside.extract_text_lines(return_chars=True, strip=True):
        chars = [char for char in line["chars"] if char["text"].strip()]
        text = _line_text(chars)
        if not text:
            continue
        size = Counter(round(char.get("size", 10.0), 1) for char in chars).most_common(1)[0][0]
        lead = _lead_width(sorted(chars, key=lambda char: char["x0"]))
        lines.append(_Line(text, number, line["x0"], line["top"], line["x1"], line["bottom"], size, lead))
    return lines


def _lead_width(chars: list[dict[str, Any]]) -> float:
    """How wide the line's first piece is that could not have ended the line above.

    A Latin word or a number wraps whole; a Chinese line may break after any
    character, but not after an opening bracket, so two characters are counted.
    """
    if not chars:
        return 0.0
    if _is_wide(chars[0]["text"][:1]):
        piece = chars[:2]
    else:
        piece = []
        for char in chars:
            if _is_wide(char["text"][:1]):
                break
            piece.append(char)
    return float(piece[-1]["x1"]) - float(piece[0]["x0"])


def _drop_headers_footers(pages: list[tuple[Any, list[_Line]]]) -> None:
    """Remove page numbers, and lines repeated in the margins of most pages (running heads)."""
    repeated: Counter[str] = Counter()
    for page, lines in pages:
        for line in lines:
            if _in_margin(line, page):
                repeated[re.sub(r"[0-9０-９]+", "#", line.text)] += 1
    threshold = max(2, (len(pages) + 1) // 2)
    for page, lines in pages:
        lines[:] = [
            line
            for line in lines
            if not (
                _in_margin(line, page)
                and (_PAGE_NUMBER.match(line.text) or repeated[re.sub(r"[0-9０-９]+", "#", line.text)] >= threshold)
            )
        ]


def _in_margin(line: _Line, page: Any) -> bool:
    height = float(page.height)
    return line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN)


def _continues(previous: _Line, line: _Line, left: float, right: float) -> bool:
    """True when *line* is the next wrapped line of *previous*'s paragraph."""
    size = max(previous.size, 1.0)
    # The line above is full when the first piece of this one would not have fitted
    # at its end: a long number wraps whole, and 「（」 cannot end a line.
    full = previous.x1 + max(line.lead, 2.2 * size) >= right - 0.3 * size
    flush_left = line.x0 <= left + 0.6 * size
    if not (full and flush_left):
        return False
    if line.page == previous.page and line.top - previous.bottom > 1.6 * size:
        return False
    return not (_HEADING_START.match(line.text) and previous.text.endswith(_SENTENCE_END))


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """The body's left and right margins: the commonest line starts and ends."""
    if not lines:
        return 0.0, 0.0
    starts = Counter(round(line.x0) for line in lines)
    ends = Counter(round(line.x1) for line in lines)
    left = float(min(starts.most_common(3))[0]) if starts else 0.0
    right = float(max(ends.most_common(3))[0]) if ends else 0.0
    return left, right


def extract(data: bytes) -> ExtractedText:
    """The report text of a PDF's bytes, with each line's page and box."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:
        raise missing_library("PDF", "pdfplumber", "pdf") from None
    import io

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _extract(pdf)
    except DocumentProblem:
        raise
    except PDFPasswordIncorrect:
        raise DocumentProblem(ProblemKind.UNDECODABLE, "PDF 文件已加密，无法读取其内容") from None
    except Exception as error:  # pdfminer raises many kinds on damaged files
        raise UndecodableError(f"PDF 文件已损坏或不完整，无法读取（{type(error).__name__}: {error}）") from None


def _extract(pdf: Any) -> ExtractedText:
    pages: list[tuple[Any, list[_Line]]] = []
    blocks: list[tuple[int, float, _Line | _Table]] = []
    total_chars = 0
    unmapped = 0
    tables_seen = 0
    for number, page in enumerate(pdf.pages, start=1):
        page_chars = page.chars
        total_chars += sum(1 for char in page_chars if char["text"].strip())
        unmapped += sum(1 for char in page_chars if char["text"].startswith("(cid:"))
        visible = page.filter(_visible)
        tables = _tables(visible, number, tables_seen + 1)
        tables_seen += len(tables)
        lines = _text_lines(visible, number, tables)
        pages.append((page, lines))
        blocks += [(number, table.top, table) for table in tables]
    if total_chars == 0:
        raise DocumentProblem(
            ProblemKind.NO_TEXT_LAYER,
            f"PDF 没有文字层（共 {len(pdf.pages)} 页，只有图像），可能是扫描件，无法检查；"
            "请检查由 Word/WPS 导出的 PDF 或原 .docx 文件",
        )
    if unmapped > total_chars / 2:
        raise DocumentProblem(
            ProblemKind.NO_TEXT_LAYER,
            "PDF 的文字无法提取（字体没有字符映射表，复制出来是乱码），无法检查；请检查原 .docx 文件",
        )
    _drop_headers_footers(pages)
    body = [line for _, lines in pages for line in lines]
    blocks += [(line.page, line.top, line) for line in body]
    blocks.sort(key=lambda block: (block[0], block[1]))
    return _write([block[2] for block in blocks], *_margins(body))


def _write(blocks: list[_Line | _Table], left: float, right: float) -> ExtractedText:
    out = TextBuilder("pdf")
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            parts = [(line.text, _line_origin(line)) for line in paragraph]
            out.paragraph_parts(parts, join_pieces)
            paragraph.clear()

    pending: list[_Table] = []
    for block in blocks:
        if isinstance(block, _Table):
            # A table right after another one (only headers and footers between them)
            # continues it.
            flush()
            pending.append(block)
            continue
        if pending:
            out.table(_join_parts(pending))
            pending = []
        if paragraph and not _continues(paragraph[-1], block, left, right):
            flush()
        paragraph.append(block)
    flush()
    if pending:
        out.table(_join_parts(pending))
    return out.build()


def _join_parts(parts: list[_Table]) -> list[list[GridCell]]:
    """The rows of a table whose parts come one after another (across page breaks).

    A merged cell cut by the page break (「三、本年度办理结果」 down the side of table 三)
    leaves an empty cell at the top of the next part; it gets the text of the cell
    above the break at the same place, so the rows after the break keep their labels.
    A row cut by the break (no border at the cut on either side) is one row again,
    the text of each cell's two halves joined.
    """
    rows: list[list[GridCell]] = []
    above: list[GridCell] = []
    previous: _Table | None = None
    for part in parts:
        offset = min((cell.row for cell in part.cells), default=0)
        height = max((cell.row + cell.rowspan for cell in part.cells), default=0) - offset
        placed: list[GridCell] = []
        carried: set[int] = set()
        renamed: dict[int, GridCell] = {}
        for cell in part.cells:
            text = cell.text
            spanning = next((old for old in above if old.rowspan > 1 and _same_columns(old, cell)), None)
            if cell.row == offset and spanning is not None:
                if not text:
                    text = spanning.text
                elif not (_NUMBERED.match(text) or _NUMBER.match(text)):
                    # The rest of a merged label cut by the break: 「（三）不予公」 / 「开」.
                    text = join_pieces([spanning.text, text])
                    renamed[id(spanning)] = GridCell(
                        spanning.row, spanning.column, text, spanning.origin, spanning.rowspan, spanning.colspan
                    )
                if text:
                    carried.add(cell.column)
            placed.append(GridCell(cell.row - offset, cell.column, text, cell.origin, cell.rowspan, cell.colspan))
        if renamed:
            rows = [[renamed.get(id(cell), cell) for cell in row] for row in rows]
        grid = grid_rows(placed)
        cut_row = previous is not None and ((previous.open_bottom and part.open_top) or _goes_on(grid, carried))
        repeated_header = bool(rows) and bool(grid) and [c.text for c in grid[0]] == [c.text for c in rows[0]]
        if cut_row and not repeated_header and rows and grid and len(rows[-1]) == len(grid[0]):
            rows[-1] = [_join_halves(top, bottom) for top, bottom in zip(rows[-1], grid[0], strict=True)]
            grid = grid[1:]
        rows += grid
        above = [cell for cell in placed if cell.row + cell.rowspan == height]
        previous = part
    return rows


def _goes_on(grid: list[list[GridCell]], carried: set[int]) -> bool:
    """True when a table part's first row looks like the rest of a row cut by the page break.

    Word and LibreOffice draw a border at both sides of the cut, so the border cannot
    tell. The rest of a cut row has no numbers and its text does not start with a
    numbering (「2.」, 「（六）」, 「四、」) as a row's label does: it is the end of a
    label that did not fit (「禁止公开」 after 「2.其他法律行政法规」), or nothing at all.
    """
    if not grid:
        return False
    own = [cell for cell in grid[0] if cell.column not in carried]
    if not any(cell.text for cell in own):
        return True  # only the empty rest of a cut row (its padding), under carried labels
    fresh = [cell.text for cell in own if cell.text and cell.rowspan == 1]
    return bool(fresh) and not any(_NUMBERED.match(text) or _NUMBER.match(text) for text in fresh)


def _join_halves(top: GridCell, bottom: GridCell) -> GridCell:
    """One cell of a row cut by a page break, from its two halves."""
    if not bottom.text or bottom.text == top.text:
        return top
    text = join_pieces([top.text, bottom.text]) if top.text else bottom.text
    return GridCell(top.row, top.column, text, top.origin, top.rowspan, top.colspan)


def _same_columns(one: GridCell, other: GridCell) -> bool:
    if one.origin.box is None or other.origin.box is None:
        return False
    return abs(one.origin.box[0] - other.origin.box[0]) < 2 and abs(one.origin.box[2] - other.origin.box[2]) < 2


def _line_origin(line: _Line) -> Origin:
    return Origin(f"第 {line.page} 页", page=line.page, box=_round((line.x0, line.top, line.x1, line.bottom)))
