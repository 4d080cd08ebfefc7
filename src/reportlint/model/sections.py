"""Sections 一 to 六: which heading opens which section, and what each contains.

A section is recognised by its heading's words first (reports vary the numbering and
the wording, template-spec §7), then by its number. A numbered line whose words fit
no section, inside another section, is kept as text of that section: section 五
often numbers its own points 一、二、.
"""

from __future__ import annotations

from dataclasses import field

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model.numerals import numeral_alternatives, numeral_value
from reportlint.records import record
from reportlint.text import fold

SECTION_TITLES = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
"""The template's headings (both versions), by section number."""

SECTION_KEYWORDS: dict[int, tuple[str, ...]] = {
    1: ("总体情况", "概述"),
    2: ("主动公开",),
    3: ("收到和处理", "依申请公开", "处理政府信息公开申请"),
    4: ("行政复议", "行政诉讼", "复议"),
    5: ("存在的主要问题", "主要问题", "改进情况", "存在问题"),
    6: ("其他需要报告", "其他事项"),
}

_NUMBER_RE = lazy_compile(rf"^{numeral_alternatives(len(SECTION_TITLES))}[,.、]")
_BARE_TITLES = {fold(title)[2:]: number for number, title in SECTION_TITLES.items()}
_TABLE_ROW_LABELS = ("结转下年度", "本年新收", "上年结转", "本年度办理结果")
"""Words of table 三's top-level row labels (一、…二、…三、…四、…), which are numbered like
section headings and stand on lines of their own when a table's layout is lost."""
_MAX_HEADING_LENGTH = 40
"""Longer lines are sentences, even when they start with 一、."""


@record(slots=True)
class Section:
    """One of the six sections: its heading and the blocks under it."""

    number: int
    heading: syntax.Heading | syntax.Paragraph
    blocks: list[syntax.Block] = field(default_factory=list)
    end_line: int = 0

    @property
    def line(self) -> int:
        """Line of the heading."""
        return self.heading.line

    def text_lines(self) -> list[syntax.Line]:
        """The section's lines of text (paragraphs, items, sub-headings), in order."""
        return [block for block in self.blocks if isinstance(block, syntax.Line)]

    def tables(self) -> list[syntax.Table]:
        """The tables placed in this section."""
        return [block for block in self.blocks if isinstance(block, syntax.Table)]


def section_number(block: syntax.Block) -> int | None:
    """The section a heading line opens, or ``None`` if it is not a section heading."""
    if not isinstance(block, (syntax.Heading, syntax.Paragraph)) or isinstance(block, syntax.Item):
        return None
    if isinstance(block, syntax.Heading) and block.level != 1:
        return None
    if len(block.text) > _MAX_HEADING_LENGTH:
        return None
    folded = fold(block.text)
    if any(label in folded for label in _TABLE_ROW_LABELS):
        return None  # 「四、结转下年度继续办理」: a table-三 row out of its table, not section 四
    numbered = _NUMBER_RE.match(folded)
    if isinstance(block, syntax.Paragraph) and numbered is None:
        # An unnumbered line counts only if it *is* a section title ("总体情况").
        return _BARE_TITLES.get(folded)
    for number, keywords in SECTION_KEYWORDS.items():
        if any(keyword in folded for keyword in keywords):
            return number
    return numeral_value(numbered[1]) if numbered else None


def split_sections(blocks: tuple[syntax.Block, ...]) -> tuple[list[syntax.Block], list[Section]]:
    """Split blocks into the preamble and the sections, in order of appearance.

    A heading opens a section only if that section is not open yet and it comes after
    the sections already seen or names its section by its words; otherwise it stays
    text of the current section.
    """
    preamble: list[syntax.Block] = []
    sections: list[Section] = []
    seen: set[int] = set()
    for block in blocks:
        number = section_number(block)
        if (
            number is not None
            and number not in seen
            and isinstance(block, (syntax.Heading, syntax.Paragraph))
            and _plausible(block, number, sections)
        ):
            if sections:
                sections[-1].end_line = block.line - 1
            sections.append(Section(number, block))
            seen.add(number)
            continue
        (sections[-1].blocks if sections else preamble).append(block)
    if sections:
        sections[-1].end_line = _last_line(sections[-1])
    return preamble, sections


def _plausible(block: syntax.Heading | syntax.Paragraph, number: int, sections: list[Section]) -> bool:
    """A heading is trusted if it moves forward, or if its words name the section."""
    if not sections or number > sections[-1].number:
        return True
    folded = fold(block.text)
    return any(keyword in folded for keyword in SECTION_KEYWORDS[number])


def _last_line(section: Section) -> int:
    if not section.blocks:
        return section.heading.line
    return section.blocks[-1].end_line
