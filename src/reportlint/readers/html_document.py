"""Reading an HTML page: a published report page (.html, .htm) becomes report text.

Why lxml: it parses the broken markup of real government sites as a browser would
(libxml2's HTML parser), gives each element's path for the origin map, and reads a
page in milliseconds; see docs/readers-html-pdf.md for the measurements. This module
and lxml are imported only when an HTML file is read (by the plugin in
:mod:`reportlint.readers.html`), so linting .txt files loads neither.

What the reader does, in order:

* decodes the bytes itself — BOM, else the page's ``<meta charset>``, else UTF-8,
  else GB18030 — because Chinese pages declare GB2312 and are GBK, or declare
  nothing at all;
* finds the element that holds the report (the smallest one containing its section
  headings and its tables) and drops the site around it: navigation, banners,
  footers, scripts, styles, hidden elements;
* writes one line per block-level paragraph, joining lines that the page's source
  wrapped between two Chinese characters (a browser shows no space there);
* writes each data table one row per line, merged cells expanded on a grid
  (:mod:`reportlint.readers.layout`).

Each line's origin is the element's path (``/html/body/div[2]/p[5]``), each table
cell's its table, row and grid column.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from reportlint.lazyre import lazy_compile
from reportlint.model.problems import ProblemKind
from reportlint.readers.extracted import ExtractedText, Origin
from reportlint.readers.layout import GridCell, TextBuilder, grid_rows
from reportlint.readers.problems import DocumentProblem, missing_library
from reportlint.readers.text import UndecodableError, decode

_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "head",
    "map",
    "audio",
    "video",
)
"""Never part of a report's text."""

_SITE_TAGS = ("header", "footer", "aside", "menu")
"""The site's banner, footer and side bars: dropped unless the report is inside them."""

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "main", "blockquote", "pre", "address", "center", "figure",
        "figcaption", "hr", "caption", "fieldset", "details", "summary", "body", "html",
        "table", "tr", "td", "th", "tbody", "thead", "tfoot", "header", "footer", "aside",
    }
)  # fmt: skip

_HIDDEN_STYLE = lazy_compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = lazy_compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = lazy_compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SECTION_HEADING = lazy_compile(r"^[一二三四五六七八][、.．，,]")
_HEADING_WORDS = ("总体情况", "主动公开", "收到和处理", "行政复议", "存在的主要问题", "其他需要报告")
_TABLE_WORDS = ("第二十条", "本年新收", "申请人情况", "结果维持", "予以公开", "信息内容")
_TITLE_WORDS = ("年度报告", "年报")
_SPACE_RUN = lazy_compile(r"[ \t\r\n\f]+")
_MAX_SPAN = 100
"""A larger rowspan/colspan is a page error; clamped so a typo cannot build a huge grid."""


# --- decoding ----------------------------------------------------------------------
def decode_html(data: bytes) -> str:
    """The page's text: by BOM, else its ``<meta charset>``, else UTF-8, else GB18030.

    A declared GB2312 or GBK is read as GB18030, its superset (pages that say GB2312
    use GBK characters). A declaration the bytes contradict is ignored in favour of
    detection, as browsers do for UTF-8 pages mislabelled GBK and vice versa.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data).text
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match[1].decode("ascii").lower()
        if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
            declared = "gb18030"
        try:
            codecs.lookup(declared)
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data).text


# --- whitespace ----------------------------------------------------------------------
def _is_wide(char: str) -> bool:
    """True for Chinese characters and full-width punctuation, between which a line break is not a space."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or code in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026)
    )


def collapse_spaces(text: str) -> str:
    """Collapse source whitespace as a browser shows it.

    A run of spaces becomes one space, except that a run holding a line break between
    two Chinese characters disappears (CSS Text 3, segment break transformation):
    editors and LibreOffice wrap long lines of source inside a paragraph.
    """

    def replace(match: re.Match[str]) -> str:
        run = match[0]
        if "\n" in run or "\r" in run:
            before = text[match.start() - 1] if match.start() > 0 else ""
            after = text[match.end()] if match.end() < len(text) else ""
            if before and after and _is_wide(before) and _is_wide(after):
                return ""
        return " "

    return _SPACE_RUN.sub(replace, text)


# --- finding the report in the page ------------------------------------------------------
def _text_of(element: Any) -> str:
    return "".join(element.itertext())


def _is_hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _is_data_table(table: Any) -> bool:
    """A table of values, not a table the site uses for layout (which holds other tables)."""
    return not table.xpath(".//table")


def _markers(body: Any) -> list[Any]:
    """Elements that only the report has: its section headings and its template tables."""
    found: list[Any] = []
    seen_headings: set[str] = set()
    for element in body.iter("table"):
        if _is_data_table(element):
            text = _text_of(element)
            if sum(word in text for word in _TABLE_WORDS) >= 2:
                found.append(element)
    short = _short_texts(body)
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS or element.tag in ("table", "tr"):
            continue
        if element in short:
            raw = short[element]
            if raw is None:
                continue  # more than 40 visible characters: not a heading
        else:
            raw = _text_of(element)  # a subtree bloated with blanks: the plain way
        if next(element.iterancestors("table"), None) is not None:
            continue
        text = collapse_spaces(raw).strip(" \u00a0\u3000")
        if len(text) <= 40 and _SECTION_HEADING.match(text) and any(word in text for word in _HEADING_WORDS):
            if text[0] not in seen_headings:
                seen_headings.add(text[0])
                found.append(element)
    return found


_HEADING_VISIBLE = 40
"""A heading's text is at most this long (after collapsing spaces)."""
_BLANKS = frozenset(" \t\r\n\f\u00a0\u3000")
_SHORT_RAW = 4096


def _short_texts(body: Any) -> dict[Any, str | None]:
    """``_text_of`` for every element that could be a heading, computed bottom-up in one pass.

    Asking each element for its text walks its whole subtree, so a page of deeply
    nested elements cost the square of its depth (2,000 nested ``<div>`` took 19 s).
    Here an element's text is its own text and its children's, each child done once.
    The value is ``None`` for an element with more than 40 characters that are not
    blanks (its text, blanks stripped and collapsed, is longer than any heading). Runs
    of source whitespace are kept one character long, which :func:`collapse_spaces`
    treats as it treats the whole run. An element whose text is still longer than
    4,096 characters (thousands of &nbsp;) is left out, and so are its ancestors: the
    caller reads those the plain way.
    """
    texts: dict[Any, str | None] = {}
    elements = list(body.iter())  # parents before children: done in reverse, children first
    for element in reversed(elements):
        if not isinstance(element.tag, str):
            continue
        parts = [element.text or ""]
        unknown = long = False
        for child in element:
            if isinstance(child.tag, str):  # itertext skips a comment's own text, keeps its tail
                if child not in texts:
                    unknown = True
                    break
                text = texts[child]
                if text is None:
                    long = True
                    break
                parts.append(text)
            parts.append(child.tail or "")
        if unknown:
            continue
        if long:
            texts[element] = None
            continue
        joined = _SPACE_RUN.sub(_one_blank, "".join(parts))
        if sum(char not in _BLANKS for char in joined) > _HEADING_VISIBLE:
            texts[element] = None
        elif len(joined) <= _SHORT_RAW:
            texts[element] = joined
    return texts


def _one_blank(run: re.Match[str]) -> str:
    """A run of source whitespace as one character that collapses as the run does."""
    return "\n" if "\n" in run[0] or "\r" in run[0] else " "


def _common_ancestor(elements: list[Any]) -> Any:
    paths = [[element, *element.iterancestors()][::-1] for element in elements]
    common = paths[0][0]
    for depth in range(min(len(path) for path in paths)):
        candidates = {id(path[depth]) for path in paths}
        if len(candidates) != 1:
            break
        common = paths[0][depth]
    if common.tag in ("tr", "tbody", "thead", "table"):
        common = common.getparent() if common.getparent() is not None else common
    return common


def find_report(document: Any) -> Any:
    """The element holding the report: the smallest one containing its headings and tables."""
    body = document.find("body") if document.tag == "html" else document
    if body is None:
        body = document
    markers = _markers(body)
    if len(markers) < 2:
        return body
    return _common_ancestor(markers)


def _title_outside(root: Any, page_title: str) -> str | None:
    """The report's title when the page shows it above the element holding the report."""
    first = collapse_spaces(_text_of(root)).strip()[:80]
    if any(word in first[:60] for word in _TITLE_WORDS):
        return None
    candidates: list[str] = []
    for element in root.itersiblings(preceding=True):
        candidates += _short_lines(element)
    for ancestor in root.iterancestors():
        for element in ancestor.itersiblings(preceding=True):
            candidates += _short_lines(element)
    for text in candidates:
        if "政府信息公开" in text and any(word in text for word in _TITLE_WORDS):
            return text
    for part in re.split(r"[-_|—]+", collapse_spaces(page_title)):
        if "政府信息公开" in part and any(word in part for word in _TITLE_WORDS):
            return part.strip()
    return None


def _short_lines(element: Any) -> list[str]:
    if not isinstance(element.tag, str):
        return []
    texts = [element, *element.iterdescendants()]
    out = []
    for item in texts:
        if isinstance(item.tag, str) and item.tag in _BLOCK_TAGS | {"span", "strong", "b", "font"}:
            text = collapse_spaces(_text_of(item)).strip()
            if 8 <= len(text) <= 80:
                out.append(text)
    return out


# --- writing the report --------------------------------------------------------------
class _Writer:
    """Walks the report's element tree and writes paragraphs and tables."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.out = TextBuilder("html")
        self.buffer: list[str] = []
        self.start: Any = None
        self.tables = 0

    def flush(self) -> None:
        if self.buffer:
            text = collapse_spaces("".join(self.buffer))
            path = self.tree.getpath(self.start)
            self.out.paragraph(text, Origin(f"HTML 元素 {path}", element=path))
        self.buffer = []
        self.start = None

    def text(self, text: str | None, element: Any) -> None:
        if text:
            if self.start is None:
                if not text.strip():
                    return
                self.start = element
            self.buffer.append(text)

    def walk(self, root: Any) -> None:
        """Write *root*'s paragraphs and tables (iteratively: real pages nest deeply)."""
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end"))
        tables: set[int] = set()
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            block = tag in _BLOCK_TAGS
            if event == "start":
                if tag == "table" and _is_data_table(element):
                    self.flush()
                    self.table(element)
                    tables.add(id(element))
                    walker.skip_subtree()
                elif tag == "br":
                    self.flush()
                elif tag:
                    if block:
                        self.flush()
                    self.text(element.text, element)
                continue
            if tag and block and id(element) not in tables:
                self.flush()
            if element is not root:
                self.text(element.tail, element.getparent())

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        taken: set[tuple[int, int]] = set()
        cells: list[GridCell] = []
        for row_index, row in enumerate(rows):
            column = 0
            for cell in row.xpath("./td|./th"):
                while (row_index, column) in taken:
                    column += 1
                rowspan = min(max(_int(cell.get("rowspan")), 1), _MAX_SPAN, len(rows) - row_index)
                colspan = min(max(_int(cell.get("colspan")), 1), _MAX_SPAN)
                for r in range(row_index, row_index + rowspan):
                    for c in range(column, column + colspan):
                        taken.add((r, c))
                path = self.tree.getpath(cell)
                where = f"表格 {number} 第 {row_index + 1} 行第 {column + 1} 列"
                origin = Origin(where, table=number, row=row_index + 1, cell=column + 1, element=path)
                cells.append(GridCell(row_index, column, cell_text(cell), origin, rowspan, colspan))
                column += colspan
        self.out.table(grid_rows(cells))


def _int(value: str | None) -> int:
    try:
        return int((value or "1").strip())
    except ValueError:
        return 1


def cell_text(cell: Any) -> str:
    """A table cell's text on one line: its paragraphs and line breaks joined."""
    from lxml import etree

    parts: list[str] = []
    for event, element in etree.iterwalk(cell, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in ("br", "p", "div", "li") and parts:
                parts.append("\n")
            if tag:
                parts.append(element.text or "")
        elif element is not cell:
            parts.append(element.tail or "")
    pieces = [collapse_spaces(piece).strip() for piece in "".join(parts).split("\n")]
    joined = ""
    for piece in pieces:
        if not piece:
            continue
        if joined and not (_is_wide(joined[-1]) or _is_wide(piece[0])):
            joined += " "
        joined += piece
    return joined


def extract(data: bytes) -> ExtractedText:
    """The report text of an HTML page's bytes, with each line's element path."""
    try:
        from lxml import etree
        from lxml import html as lxml_html
    except ImportError:
        raise missing_library("HTML", "lxml", "html") from None
    text = _XML_DECLARATION.sub("", decode_html(data))
    if not text.strip():
        raise DocumentProblem(ProblemKind.EMPTY, "HTML 文件没有内容")
    try:
        # huge_tree: without it libxml2 silently drops what is nested deeper than 256
        # elements, and pages full of unclosed <font> tags get there.
        document = lxml_html.document_fromstring(text, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as error:
        raise UndecodableError(f"无法解析 HTML：{error}") from None
    _check_nothing_lost(text, document)
    return extract_document(document)


_CJK = lazy_compile(r"[\u4e00-\u9fff]")
_TAG = lazy_compile(r"<[^>]*>")


def _check_nothing_lost(text: str, document: Any) -> None:
    """Refuse a page the parser could not read whole, rather than lint half of it.

    libxml2 stops building the tree past its depth limit (2048 elements with
    ``huge_tree``) and drops the rest without an error; the Chinese characters of the
    page's text then no longer match those of the tree.
    """
    in_source = len(_CJK.findall(_TAG.sub("", text)))
    in_tree = len(_CJK.findall("".join(document.itertext())))
    if in_source and in_tree < in_source / 2:
        raise DocumentProblem(
            ProblemKind.UNDECODABLE,
            f"HTML 的元素嵌套过深或结构损坏，解析后只剩 {in_tree}/{in_source} 个汉字，无法完整检查",
        )


def extract_document(document: Any) -> ExtractedText:
    """The report text of a parsed page (an lxml HTML document)."""
    tree = document.getroottree()
    page_title = document.findtext(".//title") or ""
    for element in list(document.iter()):
        if isinstance(element.tag, str) and element.tag in _DROPPED_TAGS and element.getparent() is not None:
            _remove_keep_tail(element)
    root = find_report(document)
    title = _title_outside(root, page_title)
    inner = [element for element in root.iter() if element is not root]
    for element in inner:
        if element.getparent() is None:
            continue
        if not isinstance(element.tag, str) or element.tag in _SITE_TAGS or _is_hidden(element):
            _remove_keep_tail(element)
    writer = _Writer(tree)
    if title:
        writer.out.paragraph(title, Origin("HTML 页面标题", element="/html/head/title"))
    writer.walk(root)
    writer.flush()
    return writer.out.build()


def _remove_keep_tail(element: Any) -> None:
    """Remove *element* but keep the text after it, which belongs to its parent."""
    parent = element.getparent()
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
