"""The problems a report lists in section 五, one item each, for Y005.

Section 五 (存在的主要问题及改进情况) usually lists the problems first — under
「（一）存在问题」, or after a sentence ending in 不足/问题 — as 一是…二是… or 1. 2.,
then the improvements, introduced by 「（二）改进措施」, 「下一步」, 「针对存在问题」,
「将采取以下措施」 and the like. The problems part is the text before the first such
marker; its items are the pieces after each enumerator (or, when it has none, its
sentences, less the lead-in sentence that only says problems exist).
"""

from __future__ import annotations

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint_rules.years._prose import content

SECTION = 5
_IMPROVEMENT_RE = lazy_compile(
    r"[（(]二[）)]|改进措施|整改措施|改进方向|下一步|针对(?:存在的?|上述|以上|这些)?问题|"
    r"将(?:采取|从以下|切实抓好|重点|着力)|工作计划|努力方向"
)
_ITEM_RE = lazy_compile(r"[一二三四五六七八九十]是|(?<![\d.])\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]")
_SENTENCE_RE = lazy_compile(r"[^。；;！!？?]+[。；;！!？?]?")
_LEAD_IN_RE = lazy_compile(r"(?:不足|差距|问题|短板|薄弱环节)(?:主要(?:有|是|表现在))?[^。；;]{0,12}[。；;：:，,]?$")
MIN_CHARACTERS = 8
"""Items shorter than this (in content characters) are not compared: 「有待加强」 repeats by chance."""


@record(frozen=True, slots=True)
class Problem:
    """One listed problem: where it starts, its text and its content characters."""

    line: int
    column: int
    text: str
    content: str


def problems(report: Report) -> list[Problem]:
    """The problems section 五 lists, in order."""
    section = report.sections.get(SECTION)
    if section is None:
        return []
    parts: list[tuple[int, int, str]] = []
    for line in section.text_lines():
        stop = _IMPROVEMENT_RE.search(line.text)
        text = line.text[: stop.start()] if stop else line.text
        if text:
            parts.append((line.line, line.column, text))
        if stop:
            break
    found: list[Problem] = []
    enumerated = any(_ITEM_RE.search(text) for _, _, text in parts)
    for number, column, text in parts:
        pieces = _items(text) if enumerated else _sentences(text)
        for start, piece in pieces:
            characters = content(_ITEM_RE.sub("", piece, count=1) if enumerated else piece)
            if len(characters) >= MIN_CHARACTERS:
                found.append(Problem(number, column + start, piece.strip(), characters))
    return found


def _items(text: str) -> list[tuple[int, str]]:
    """The pieces of *text* that follow an enumerator (一是, 1., （1）), with their offsets."""
    marks = list(_ITEM_RE.finditer(text))
    return [
        (mark.start(), text[mark.start() : marks[index + 1].start() if index + 1 < len(marks) else len(text)])
        for index, mark in enumerate(marks)
    ]


def _sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of *text* with their offsets, less those that only announce problems."""
    return [
        (match.start(), match[0]) for match in _SENTENCE_RE.finditer(text) if not _LEAD_IN_RE.search(match[0].strip())
    ]
