"""Shared reading of the prose for the X rules: sentences, clauses, counts and their labels.

A count is a number followed by a unit ("75件", "两起"). Its label is the keyword right
before it in the same clause, with only filler words ("共", "政府信息公开申请", "案件" …)
in between; a count whose label is unclear is never compared with a table.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.numerals import parse_number
from reportlint.records import record
from reportlint.rulebase import Paragraph, prose

WINDOW = 48
"""How far before a count its label is looked for (characters)."""

FILLER = (
    r"(?:的|了|共计|共|累计|合计|总计|总数|计|为|达|有|各类|相关|政府信息公开|依申请公开|信息公开"
    r"|政府信息|申请件|申请|事项|案件|件数|数量|数|均为|分别为|分别)*+"
)
"""Words that may stand between a label and its count: "收到政府信息公开申请共计81件".

Possessive (``*+``, longer words first) so that a run of filler never backtracks."""

ABOUT_DISCLOSURE_RE = lazy_compile(r"信息公开|依申请")
"""A passage outside section 四 speaks of 政府信息公开 cases only when it says so."""

_PASSAGE_RE = lazy_compile(r"[^。！？!?]+")
_SENTENCE_RE = lazy_compile(r"[^。；;！？!?]+")
_CLAUSE_RE = lazy_compile(r"[^，,：:（）()【】\[\]]+")
_CN_DIGITS = "零〇一二两三四五六七八九十百"
_COUNT_RE = lazy_compile(
    rf"(?<![\d,{_CN_DIGITS}])(?>(\d{{1,3}}(?:,\d{{3}})+|\d+|[{_CN_DIGITS}]+))[ \u3000]?(件次|件|起|宗|例|个|次)"
)
_MAX_DIGITS = 9
_APPROX_BEFORE_RE = lazy_compile(r"(?:约|近|超过|逾|大约|将近|不足|不到|第|\d[-~～—至到])$")
_APPROX_AFTER_RE = lazy_compile(r"余|多|左右|以上|以下|上下")
_YEAR_RE = lazy_compile(r"((?:19|20)\d{2})[ \u3000]?年")
_PREVIOUS_YEAR_RE = lazy_compile(r"去年|前年|同比|同期|上一?年(?!度?结转)|上年度(?!结转)")
_JOINERS = "、和及与或"
_COUNT_END_RE = lazy_compile(r"(?:\d|[件起宗例个次条项])$")


def parse_count(text: str) -> int | None:
    """The value of "75", "一", "两", "十二", "二十三", "一百零五"; ``None`` if unreadable or too long."""
    if len(text) > _MAX_DIGITS + 3:
        return None
    return parse_number(text)


@record(frozen=True, slots=True)
class Mention:
    """A count in the prose ("75件"), with the clause and sentence around it."""

    value: int
    unit: str
    clause: str
    clause_start: int
    """Offset of the clause in the line's text."""
    at: int
    """Offset of the number in the clause."""
    end: int
    """Offset just after the unit in the clause."""
    sentence: str
    sentence_start: int
    """Offset of the sentence in the line's text."""
    years: tuple[tuple[int, int], ...] = ()
    """(offset in the sentence, year) of every year the sentence names ("2022年")."""

    @property
    def before(self) -> str:
        """The clause text just before the number (at most WINDOW characters).

        A space right before the number is left out: text from a PDF sets numbers apart
        by spaces ("受理政府信息公开申请 17 件"), which says nothing about the label.
        """
        return self.clause[max(0, self.at - WINDOW) : self.at].rstrip(" \u3000")

    @property
    def after(self) -> str:
        """The clause text just after the unit (at most WINDOW characters)."""
        return self.clause[self.end : self.end + WINDOW]

    @property
    def length(self) -> int:
        """Length of the count as written, number and unit ("75件")."""
        return self.end - self.at

    @property
    def offset(self) -> int:
        """Offset of the number in the line's text."""
        return self.clause_start + self.at

    def clause_offset(self, position_in_before: int) -> int:
        """Turn an offset within :attr:`before` into an offset within the clause."""
        return max(0, self.at - WINDOW) + position_in_before


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of a line (split at 。；！？), with their offsets."""
    for match in _SENTENCE_RE.finditer(text):
        yield match.start(), match.group()


def clauses(sentence: str) -> Iterator[tuple[int, str]]:
    """The clauses of a sentence (split at ，：and brackets), with their offsets."""
    for match in _CLAUSE_RE.finditer(sentence):
        yield match.start(), match.group()


def passages(text: str) -> Iterator[tuple[int, str]]:
    """The parts of a line between full stops (。), with their offsets; ；does not end one."""
    for match in _PASSAGE_RE.finditer(text):
        yield match.start(), match.group()


def years_in(sentence: str) -> tuple[tuple[int, int], ...]:
    """(offset, year) of every year named in *sentence*, in order."""
    return tuple((match.start(), int(match[1])) for match in _YEAR_RE.finditer(sentence))


def mentions(text: str, units: tuple[str, ...]) -> Iterator[Mention]:
    """Every exact count with one of *units* in *text*; approximations and ranges are skipped."""
    return (mention for mention in _mentions(text) if mention.unit in units)


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[Mention, ...]:
    """Every exact count in *text*, whatever its unit: X001 and X003 read the same
    paragraphs, each for its own units, so the splitting is done once per text."""
    return tuple(_find_mentions(text))


def _find_mentions(text: str) -> Iterator[Mention]:
    for sentence_start, sentence in sentences(text):
        years = years_in(sentence)
        for clause_start, clause in clauses(sentence):
            for match in _COUNT_RE.finditer(clause):
                if _approximate(clause, match):
                    continue
                value = parse_count(match[1])
                if value is None:
                    continue
                yield Mention(
                    value=value,
                    unit=match[2],
                    clause=clause,
                    clause_start=sentence_start + clause_start,
                    at=match.start(),
                    end=match.end(),
                    sentence=sentence,
                    sentence_start=sentence_start,
                    years=years,
                )


def _approximate(clause: str, match: re.Match[str]) -> bool:
    """Whether the count is approximate or part of a range: 约80件, 10-20件, 80件以上, 第一件.

    "80余件" and "100多件" never match the count pattern in the first place.
    """
    if _APPROX_BEFORE_RE.search(clause[max(0, match.start() - 2) : match.start()]):
        return True
    return bool(_APPROX_AFTER_RE.match(clause, match.end()))


def label_before(mention: Mention, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The label right before the count: *pattern* must end with FILLER* and ``$``."""
    return pattern.search(mention.before)


def joined(mention: Mention, label_start: int) -> bool:
    """True when the label ends a list of labels ("规章和规范性文件", "复议、诉讼"): a joint count.

    A list of counts ("行政诉讼案件1件、行政复议案件2件") is not joint.
    """
    at = mention.clause_offset(label_start)
    if at < 2 or mention.clause[at - 1] not in _JOINERS:
        return False
    return not _COUNT_END_RE.search(mention.clause[at - 2 : at - 1])


def other_period(mention: Mention, label_start: int, year: int | None) -> bool:
    """True when the count is about another year: "2022年…", "去年…", "同比…" before the label."""
    at = mention.clause_offset(label_start)
    if _PREVIOUS_YEAR_RE.search(mention.clause[max(0, at - WINDOW) : at]):
        return True
    return year_before(mention.years, mention.clause_start - mention.sentence_start + at, year)


def year_before(years: tuple[tuple[int, int], ...], position: int, year: int | None) -> bool:
    """True when the last of *years* (see :func:`years_in`) before *position* is not the report year."""
    if year is None:
        return False
    index = bisect.bisect_left(years, (position, 0))
    return index > 0 and years[index - 1][1] != year


def about_disclosure(paragraph: Paragraph, passage: str) -> bool:
    """Whether *passage* of *paragraph* is about 政府信息公开: it is in section 四, or says so."""
    return paragraph.section == 4 or bool(ABOUT_DISCLOSURE_RE.search(passage))


Claims = Callable[[Report, str, bool], Iterable[tuple[int, int, str]]]
"""Finds claims in a sentence: (report, sentence, about 政府信息公开?) → (offset, length, message) each."""


def sentence_claims(report: Report, find: Claims) -> Iterator[tuple[Paragraph, int, int, str]]:
    """(paragraph, start, end, message) of every claim *find* finds in a sentence of the prose.

    Offsets are in the paragraph's text; a message repeated in one paragraph is given once.
    """
    current: Paragraph | None = None
    seen: set[str] = set()
    for paragraph, at_sentence, about, sentence in report.derived(prose_sentences):
        if paragraph is not current:
            current, seen = paragraph, set()
        for offset, length, message in find(report, sentence, about):
            if message not in seen:
                seen.add(message)
                at = at_sentence + offset
                yield paragraph, at, at + length, message


def prose_sentences(report: Report) -> list[tuple[Paragraph, int, bool, str]]:
    """(paragraph, offset in its text, about 政府信息公开?, sentence) of every sentence of the prose.

    Split once per report for every rule that reads claims (``report.derived``).
    """
    found: list[tuple[Paragraph, int, bool, str]] = []
    for paragraph in prose(report):
        for start, passage in passages(paragraph.text):
            about = about_disclosure(paragraph, passage)
            found.extend((paragraph, start + at, about, sentence) for at, sentence in sentences(passage))
    return found
