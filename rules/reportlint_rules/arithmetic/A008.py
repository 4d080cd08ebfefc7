"""A008 percentage-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.options import Field
from reportlint.records import record
from reportlint.rulebase import Paragraph, Rule, RuleOptions, prose
from reportlint_rules.arithmetic._text import COUNT_UNITS, Count, count_value, counts

_PERCENT = r"(?P<percent>\d{1,3}(?:\.\d{1,4})?)[%％]"
BESIDE_RE = lazy_compile(
    rf"(?<![\d.])(?P<number>\d+)(?P<unit>{COUNT_UNITS})[，,]?占(?:比|比为)?(?P<base>[^，,。；;\d%％]{{1,12}}的)?{_PERCENT}"
)
""""不予公开35件，占4.34%": the count is beside its share."""
SUBJECT_RE = lazy_compile(
    rf"(?P<subject>[\u4e00-\u9fff“”]{{4,20}})占(?:比|比为)?(?P<base>[^，,。；;\d%％]{{1,12}}的)?{_PERCENT}"
)
""""主动公开的政府信息占41.5%": the count is stated earlier under the same name."""
NAMED_COUNT_RE = lazy_compile(rf"(?:数|共|共计|为)?(?P<number>\d+)(?P<unit>{COUNT_UNITS})")
""""198条" or "数142条" right after the name of what is counted."""
_MAX_MENTIONS = 20
_BEFORE, _AFTER = 400, 150
"""The counts that may be a percentage's base: this many characters before and after it."""
TOTAL_WORDS = ("总数", "共计", "合计", "总计", "累计", "共", "办结", "答复", "受理", "收到")


@record(frozen=True, slots=True)
class Share:
    """A stated percentage and the count it is the share of."""

    count: int
    percent: float
    decimals: int
    start: int
    """Offset of the percentage in the line."""
    text: str
    named_base: bool
    """True when the words name the base ("占全市的30%"): the base may not be in the text."""


class A008Options(RuleOptions):
    """Options of A008."""

    last_digit_tolerance: float = Field(
        default=1.0,
        gt=0,
        description=(
            "可接受的最大差异，以百分比所写最后一位小数为单位：1.0 既接受四舍五入也接受截断（4.348% 写"
            "作 4.34%），0.5 只接受正确的四舍五入。"
        ),
    )


class PercentageMismatch(Rule[A008Options]):
    """检查内容：
        查找作为某一数量所占比例写出的百分比——「不予公开35件，占4.34%」，或「主动公开政府信息198条」之后的
        「主动公开的政府信息占41.5%」——并与同一段中附近（前 400 个字符、后 150 个字符以内）的数量核对。基
        数取能够解释该处其他百分比的那个数量（例如 265件占32.9%、158件占19.6% 都与办理的 805 件申请相符
        时，基数为 805）；没有任何数量能对上任何百分比时，基数取所写的总数（……总数510条、共计81件）。附近
        没有任何数量能得出该百分比时报告；能由某个数量得出的百分比从不报告；文字另指基数的百分比（「占全市
        的30%」）只有在其他百分比能明确其基数时才报告。

        与所写最后一位数字相差不超过 ``last-digit-tolerance`` 个单位的，视为相符：35/805 = 4.348%，写作
        4.34%（截断而非四舍五入），默认不报告。

    为何重要：
        百分比与它所依据的数量相互矛盾，说明数量或百分比有误（template-spec
        §6，E2）。2021_pingtan-finance-bureau：198/510 = 38.82%，而不是所写的
        41.5%；2019_shanghai-municipal-office：258/805 = 32.05%，而不是 33.9%。本规则是警告：正文是按句式
        识别的，比例的基数是推断出来的。

    示例：
        「总数510条，其中主动公开政府信息198条……主动公开的政府信息占41.5%」。

    修改方法：
        按数量重新计算百分比，或改正数量。
    """

    code = "A008"
    name = "percentage-mismatch"
    summary = "文中百分比与所给数量算出的不符"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per percentage that no count near it explains."""
        for paragraph in prose(report):
            shares = _shares(paragraph.text)
            if shares:
                yield from self._check_paragraph(report, paragraph, shares)

    def _check_paragraph(self, report: Report, paragraph: Paragraph, shares: list[Share]) -> Iterator[Finding]:
        """The findings of one paragraph that states percentages."""
        bases = [count for count in counts(paragraph.text) if count.number > 0]
        starts = [count.start for count in bases]
        near = [
            bases[bisect_left(starts, share.start - _BEFORE) : bisect_right(starts, share.start + _AFTER)]
            for share in shares
        ]
        fitting = [
            [base for base in candidates if self._fits(share, base.number)]
            for share, candidates in zip(shares, near, strict=True)
        ]
        score = Counter(base.start for fits in fitting for base in fits)
        for share, candidates, fits in zip(shares, near, fitting, strict=True):
            if fits:
                continue
            explaining = [candidate for candidate in candidates if score[candidate.start]]
            base = max(explaining, key=lambda count: (score[count.start], count.number), default=None)
            if base is None and not share.named_base:
                base = _stated_total(paragraph.text, candidates)
            if base is not None:  # else "占全市的30%" with no other share to learn the base from
                yield self.at_span(report, _message(share, base), paragraph, share.start, share.start + len(share.text))

    def _fits(self, share: Share, base: int) -> bool:
        """Whether count/base, as a percentage, is what the text says (within tolerance)."""
        if base < share.count:
            return False
        tolerance = self.options.last_digit_tolerance
        return abs(100 * share.count / base - share.percent) < tolerance * 10.0**-share.decimals - 1e-9


def _message(share: Share, base: Count) -> str:
    """What is wrong with *share*, computed against *base*."""
    computed = 100 * share.count / base.number
    return (
        f"「{share.text}」与数量不符：{share.count}÷{base.number} = {computed:.2f}%"
        f"（以{base.number}{base.unit}为基数），文中写作{share.percent:g}%"
    )


def _shares(text: str) -> list[Share]:
    """The percentages of a line stated as the share of a count."""
    if "占" not in text or ("%" not in text and "％" not in text):
        return []  # both patterns need 占 and a per cent sign: most paragraphs are not searched
    shares: list[Share] = []
    taken: set[int] = set()
    for match in BESIDE_RE.finditer(text):
        number = count_value(match["number"])
        if number is not None:
            shares.append(_share(number, match, text))
        taken.add(match.start("percent"))
    for match in SUBJECT_RE.finditer(text):
        if match.start("percent") in taken:
            continue
        plain = text[max(0, match.start() - _BEFORE) : match.start()].replace("的", "")
        count = _count_named(plain, match["subject"].replace("的", ""))
        if count is not None:
            shares.append(_share(count, match, text))
    return shares


def _share(count: int, match: re.Match[str], text: str) -> Share:
    """The share a BESIDE_RE or SUBJECT_RE match states."""
    percent = match["percent"]
    decimals = len(percent.split(".")[1]) if "." in percent else 0
    return Share(count, float(percent), decimals, match.start(), text[match.start() : match.end()], bool(match["base"]))


def _count_named(plain: str, subject: str) -> int | None:
    """The count stated under *subject* (or its longest tail of 4+ characters) in the line."""
    for start in range(0, len(subject) - 3):
        name = subject[start:]
        position = plain.find(name)
        for _ in range(_MAX_MENTIONS):
            if position < 0:
                break
            after = NAMED_COUNT_RE.match(plain, position + len(name))
            if after is not None:
                return count_value(after["number"])
            position = plain.find(name, position + 1)
    return None


def _stated_total(text: str, bases: list[Count]) -> Count | None:
    """The first of *bases* introduced as a total (总数, 共计, 办结 …)."""
    for count in bases:
        before = text[max(0, count.start - 4) : count.start]
        if any(word in before for word in TOTAL_WORDS):
            return count
    return None
