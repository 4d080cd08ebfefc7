"""X004 none-claim-contradicts-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
from reportlint.rulebase import Rule
from reportlint.text import format_number
from reportlint_rules.text._amounts import t3_row, t4_total
from reportlint_rules.text._claims import sentence_claims, year_before, years_in

_NO_APPLICATION_RE = lazy_compile(
    r"(?:未|没有|尚未|并未)(?:收到|接到|受理|收悉|接收)(?:过)?(?P<object>[^，。；,;：:]{0,24}?)"
    r"(?:申请(?!人)|依申请公开事项)"
    r"|(?:无|没有)(?:任何)?(?:政府信息公开|依申请公开)(?:申请|事项)"
    r"|(?:政府信息公开|依申请公开)申请(?:数量|件数)?为(?:0|零)(?![\d.])"
)
_NO_REVIEW_RE = lazy_compile(
    r"(?:未发生|未出现|未产生|没有发生|没有出现|没有产生|未有|没有|(?<!有)无(?!论|法|需|须|正当|疑)|未收到|未接到|未被)"
    r"(?P<object>[^，。；,;：:]{0,40})"
)
_BOTH_ZERO_RE = lazy_compile(r"行政复议(?:、|和|及|与|或)行政诉讼(?:案件)?(?:数量|数)?(?:均|都)为?(?:0|零)(?![\d.])")
_NOT_NONE_RE = lazy_compile(r"纠错|纠正|败诉|撤销|违法|被纠|复议后|补正|投诉|举报")
_REVIEW_WORD_RE = lazy_compile(r"复议|诉讼")
_CLAIM_CHARS = frozenset("未没无0零")
"""Each claim above holds one of these (未…, 没有…, 无…, 为0, 为零): a sentence without any is skipped."""


class NoneClaimContradictsTable(Rule):
    """检查内容：
        查找称没有申请（「未收到政府信息公开申请」「未收到依申请公开事项」）或没有行政复议、行政诉讼（「未
        发生因政府信息公开引起的行政复议、行政诉讼」「无行政复议」）的句子，当表三「一、本年新收」或表四
        （行政复议/总计；未经复议直接起诉/总计 + 复议后起诉/总计）不为零时报告（TX-1、TX-2）。问题标在这一
        说法的开头。

    为何重要：
        称「没有」而表格不为零，是正文与表格最明显的矛盾，两者必有一个是错的（template-spec §6 E13）。

    示例：
        「2020年，我镇未收到依申请公开事项。」而表三第一行显示新收申请 1 件（种子报告，2020 年昌傅镇）。

    修改方法：
        改正这句话（写明实际数量）或改正表格。
    """

    code = "X004"
    name = "none-claim-contradicts-table"
    summary = "正文称没有申请或复议、诉讼，表格却有"

    def check(self, report: Report) -> Iterator[Finding]:
        """Report each claim of none that a non-zero table contradicts."""
        for paragraph, start, end, message in sentence_claims(report, _claims):
            yield self.at_span(report, message, paragraph, start, end)


def _claims(report: Report, sentence: str, about: bool) -> Iterator[tuple[int, int, str]]:
    """(offset in the sentence, length of the claim, message) of each contradicted claim in *sentence*.

    *about* says whether the sentence is about 政府信息公开 (claims on reviews count only then).
    """
    if _CLAIM_CHARS.isdisjoint(sentence):
        return
    years = years_in(sentence)
    for match in _NO_APPLICATION_RE.finditer(sentence):
        thing = match["object"] or ""
        if _NOT_NONE_RE.search(thing) or _REVIEW_WORD_RE.search(thing):
            continue
        if year_before(years, match.start(), report.year):
            continue
        message = _applications(report, match.group())
        if message:
            yield match.start(), len(match.group()), message
    if not about:
        return
    for match in [*_NO_REVIEW_RE.finditer(sentence), *_BOTH_ZERO_RE.finditer(sentence)]:
        words = list(_REVIEW_WORD_RE.finditer(match.group()))
        if not words or _NOT_NONE_RE.search(match.group()) or year_before(years, match.start(), report.year):
            continue
        claim = match.group()[: words[-1].end()]
        message = _reviews(report, claim, "复议" in claim, "诉讼" in claim)
        if message:
            yield match.start(), len(claim), message


def _applications(report: Report, claim: str) -> str | None:
    """The message when table 三 counts new applications although *claim* says none."""
    table = report.tables.get(T3)
    new = t3_row(table, tpl.T3_NEW) if table is not None else None
    if new is None or not new.value:
        return None
    return f"正文称“{claim}”，但表三「一、本年新收政府信息公开申请数量」总计为{format_number(new.value)}件"


def _reviews(report: Report, claim: str, review: bool, litigation: bool) -> str | None:
    """The message when table 四 counts reviews or suits although *claim* says none."""
    found: list[str] = []
    if review:
        amount = t4_total(report, (tpl.T4_REVIEW,))
        if amount is not None and amount.value:
            found.append(f"「行政复议/总计」为{format_number(amount.value)}件")
    if litigation:
        amount = t4_total(report, tpl.T4_SUITS)
        if amount is not None and amount.value:
            parts = "＋".join(f"「{column}」{format_number(value)}件" for column, value in amount.parts)
            found.append(f"{parts}＝{format_number(amount.value)}件")
    if not found:
        return None
    return f"正文称“{claim}”，但表四" + "，".join(found)
