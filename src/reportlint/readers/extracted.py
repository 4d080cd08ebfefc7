"""Text extracted from a document, with a map back to where each piece came from.

A reader for .docx, .html or .pdf turns the document into report text the grammar
parses (tables as rows it already knows), and records for each stretch of that text
its place in the original — a DOCX paragraph or table cell, an HTML element, a PDF
page and box — so that a finding on line:col of the extracted text can also name
the spot a person finds in Word, a browser or a PDF viewer.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import field

from reportlint.records import record


@record(frozen=True, slots=True)
class Origin:
    """One place in an original document.

    ``where`` is what a person reads (in Chinese: 「第 3 段」, 「表格 2 第 4 行第 3 列」,
    「第 2 页」); the other fields are for machines (JSON, SARIF) and are set as the
    document kind allows.
    """

    where: str
    paragraph: int | None = None
    """DOCX: 1-based index of the body paragraph."""
    table: int | None = None
    """DOCX/HTML: 1-based index of the table in the document."""
    row: int | None = None
    cell: int | None = None
    """1-based row and cell (grid column, merged cells expanded) within that table."""
    element: str | None = None
    """HTML: a path to the element, like ``/html/body/div[2]/table[1]/tr[3]/td[2]``."""
    page: int | None = None
    """PDF: 1-based page number."""
    box: tuple[float, float, float, float] | None = None
    """PDF: the text's box on its page (x0, top, x1, bottom) in points."""


@record(frozen=True, slots=True)
class OriginSpan:
    """From (``line``, ``column``) of the extracted text on, text comes from ``origin``."""

    line: int
    column: int
    origin: Origin


@record(frozen=True, slots=True)
class ExtractedText:
    """What a document reader returns: report text, plus where its parts came from.

    ``spans`` are sorted by position; each holds until the next one starts. Lines and
    columns are 1-based and count characters, as findings do.
    """

    text: str
    spans: tuple[OriginSpan, ...] = ()
    kind: str = "text"
    """The document kind, such as ``"docx"``, ``"html"`` or ``"pdf"``."""
    _keys: tuple[tuple[int, int], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple((span.line, span.column) for span in self.spans))

    def origin_at(self, line: int, column: int = 1) -> Origin | None:
        """The original place of the text at (*line*, *column*), or ``None`` if unknown."""
        index = bisect_right(self._keys, (line, column)) - 1
        return self.spans[index].origin if index >= 0 else None
