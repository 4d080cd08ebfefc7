"""Y003 prose-copied-from-last-year: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import PairRule, RuleOptions
from reportlint_rules.years._pair import previous_name
from reportlint_rules.years._prose import coverage, prose, shingles

SECTIONS = (1, 5)
_QUOTE = 30


class Y003Options(RuleOptions):
    """Options of Y003 (``[tool.reportlint.rules.Y003]``)."""

    threshold: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="Share of this year's characters found in last year's text from which on it reports (0.5 = 50 %).",
    )
    shingle_length: int = Field(
        default=10,
        ge=4,
        le=50,
        description="Shortest run of identical characters (spaces, punctuation, numbers aside) that counts as copied.",
    )
    min_characters: int = Field(
        default=200,
        ge=1,
        description="Prose shorter than this many characters is not measured: a short text repeats by necessity.",
    )


class ProseCopiedFromLastYear(PairRule[Y003Options]):
    """What it does:
        Measures how much of the prose of sections 一 (总体情况) and 五 (问题及改进) is
        last year's text, as the *shingle coverage*: both texts are reduced to their
        content characters (spaces and punctuation dropped, every number replaced by
        one mark, so that a sentence copied with updated figures still counts), and a
        character of this year's text is copied when it lies in a run of at least
        shingle-length (10) characters that also occurs in last year's sections 一 and
        五; paragraphs shorter than that (sub-headings) are left out. From threshold
        (50 %) of this year's characters on, the rule reports the paragraph with the
        largest copied share, quoting the overall figure, that paragraph's share and
        its first words.

    Why it matters:
        The 2021 format holds agencies responsible for reports whose content is 雷同
        (国办公开办函〔2021〕30号, 明确责任), evaluators deduct points when a report
        repeats last year's (one published scoring rule above 50 % overlap), and
        copied text usually carries last year's facts into this year's report. Runs of
        10 characters separate copying from shared vocabulary: between reports of
        different agencies in the corpus the coverage is about 3 %, at most 22 %;
        between consecutive years of one agency it is 2–18 % (平潭综合实验区), about
        40 % (财政金融局 2020, 洪泽区 2024: paragraphs kept, others rewritten) and 93 %
        for the one report that was copied.

    Example:
        平潭综合实验区财政金融局's 2021 report repeats 93 % of its 2020 report's sections
        一 and 五, paragraph after paragraph, down to the 「六稳」「大保」 typo.

    Fix:
        Write sections 一 and 五 about this year: what was done, what changed, which of
        last year's problems were solved and how.
    """

    code = "Y003"
    name = "prose-copied-from-last-year"
    summary = "第一、五部分正文大量照搬上年报告"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding at the most-copied paragraph when the copied share reaches the threshold."""
        size = self.options.shingle_length
        paragraphs = prose(current, SECTIONS, size)
        total = sum(len(paragraph.content) for paragraph in paragraphs)
        if total < self.options.min_characters:
            return
        old = shingles((paragraph.content for paragraph in prose(previous, SECTIONS, size)), size)
        if not old:
            return
        measured = coverage(paragraphs, old, size)
        copied = sum(item.covered for item in measured)
        share = copied / total
        if share < self.options.threshold:
            return
        worst = max(measured, key=lambda item: (item.share, item.covered))
        line = worst.paragraph.line
        quote = line.text[:_QUOTE] + ("…" if len(line.text) > _QUOTE else "")
        message = (
            f"第一、五部分正文有{share:.0%}与{previous_name(previous, previous_path)}逐字相同"
            f"（本年{total}字中有{copied}字出现在上年第一、五部分连续{size}字以上的相同文字中）；"
            f"重合最多的是这一段（{worst.share:.0%}）：「{quote}」"
        )
        yield self.at_line(current, message, line.line, line.column, length=len(line.text))
