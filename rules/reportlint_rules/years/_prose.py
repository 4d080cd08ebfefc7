"""What Y003 and Y005 compare: the prose of a report, normalised, and how much of it is last year's.

The measure is **shingle coverage** (逐字重合率): the prose is reduced to its content
characters — NFKC-folded, without spaces and punctuation, every number replaced by
one placeholder, so that a copied sentence whose figures were updated still counts as
copied — and a character of this year's prose is *covered* when it lies inside a run
of at least ``n`` characters (an n-character shingle) that also occurs in last year's
prose. The figure is the share of this year's characters that are covered.
Paragraphs shorter than ``n`` characters — sub-headings such as 「（一）主动公开」,
which every report shares — are left out of both counts.

Why this measure: Chinese prose has no word boundaries, so word-based measures need
a segmenter; characters shared by chance (政府信息公开 in every report) form short
runs, while copied text forms long ones, and a minimum run length separates the two
without a dictionary. Coverage is asymmetric on purpose — it asks how much of *this*
year's report is old text, which is what evaluators deduct for; a report that only
grew is not excused by its new parts, nor is one that dropped half of last year's.
It is linear in the length of the text (one set of shingle hashes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint.text import fold

NUMBER_MARK = "#"
_NUMBER_RE = lazy_compile(r"\d+(?:[.,]\d+)*")
_NOT_CONTENT_RE = lazy_compile(rf"[^\w{NUMBER_MARK}]|_")
"""What ``str.isalnum`` refuses, the mark aside: the pattern's word characters are those it accepts, and _."""


def content(text: str) -> str:
    """The content characters of *text*: folded, numbers as one mark, no spaces or punctuation."""
    return _NOT_CONTENT_RE.sub("", _NUMBER_RE.sub(NUMBER_MARK, fold(text)))


@record(frozen=True, slots=True)
class Paragraph:
    """One line of prose and its content characters."""

    line: syntax.Line
    content: str


@record(frozen=True, slots=True)
class Coverage:
    """How much of one paragraph is covered by last year's text."""

    paragraph: Paragraph
    covered: int

    @property
    def share(self) -> float:
        """Covered characters over all content characters of the paragraph."""
        return self.covered / len(self.paragraph.content) if self.paragraph.content else 0.0


def prose(report: Report, sections: Iterable[int], min_length: int = 1) -> list[Paragraph]:
    """The prose lines of the given sections with at least *min_length* content characters.

    The headings of the six sections are not prose and are left out.
    """
    found: list[Paragraph] = []
    for number in sections:
        section = report.sections.get(number)
        if section is None:
            continue
        for line in section.text_lines():
            text = content(line.text)
            if len(text) >= min_length:
                found.append(Paragraph(line, text))
    return found


def shingles(texts: Iterable[str], size: int) -> set[str]:
    """Every run of *size* characters in *texts* (runs do not cross paragraphs)."""
    return {text[start : start + size] for text in texts for start in range(len(text) - size + 1)}


def coverage(paragraphs: Sequence[Paragraph], old: set[str], size: int) -> list[Coverage]:
    """For each paragraph, how many of its characters lie in a shingle found in *old*."""
    result: list[Coverage] = []
    for paragraph in paragraphs:
        text = paragraph.content
        covered_until = 0
        covered = 0
        for start in range(len(text) - size + 1):
            if text[start : start + size] in old:
                end = start + size
                covered += end - max(start, covered_until)
                covered_until = end
        result.append(Coverage(paragraph, covered))
    return result
