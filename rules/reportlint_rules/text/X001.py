"""X001 application-count-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T3, t3_row_name
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions, prose
from reportlint.text import format_number
from reportlint_rules.text._amounts import Amount, group_keys, t3_row, t3_rows
from reportlint_rules.text._claims import FILLER, Mention, joined, label_before, mentions, other_period

# What a count is about: (name, pattern, table-三 rows or group, wording for the message).
# A name ending in "_group" adds up every row of the group (e.g. （三）1 … （三）8).
_CONCEPTS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("received", r"本年新收|新收|收到|接收|受理|接到|收悉", (tpl.T3_NEW,), "收到政府信息公开申请"),
    ("handled", r"办结|答复|办复|办理完毕|处理完毕|完成答复", (tpl.T3_TOTAL_ROW,), "办结（答复）申请"),
    ("carried_in", r"上一?年度?结转|上一?年度?转入", (tpl.T3_CARRIED_IN,), "上年结转申请"),
    (
        "carried_out",
        r"(?:结转|顺延|转入)(?:至|到)?(?:下一?年度?|\d{4}年度?)(?:继续)?(?:办理|答复|处理)?",
        (tpl.T3_CARRIED_OUT,),
        "结转下年度继续办理",
    ),
    ("public_partial", r"(?:予以|同意)公开(?:及|和|与|以及|、)部分公开", ("（一）", "（二）"), "予以公开及部分公开"),
    ("refused_group", r"不予以?公开", ("（三）",), "不予公开"),
    ("public", r"予以公开|同意公开|准予公开|全部公开", ("（一）",), "予以公开"),
    ("partial", r"部分公开|区分处理后?(?:予以)?公开", ("（二）",), "部分公开"),
    ("secret", r"(?:属于)?国家秘密", ("（三）1",), "属于国家秘密"),
    ("prohibited", r"(?:其他)?法律行政法规禁止公开", ("（三）2",), "其他法律行政法规禁止公开"),
    ("stability", r"(?:危及)?三安全一稳定", ("（三）3",), "危及“三安全一稳定”"),
    ("third_party", r"(?:保护)?第三方合法权益", ("（三）4",), "保护第三方合法权益"),
    ("internal", r"(?:属于)?三类内部事务(?:信息)?", ("（三）5",), "属于三类内部事务信息"),
    ("process", r"(?:属于)?四类过程性信息", ("（三）6",), "属于四类过程性信息"),
    ("case_file", r"(?:属于)?行政执法案卷", ("（三）7",), "属于行政执法案卷"),
    ("query", r"(?:属于)?行政查询事项", ("（三）8",), "属于行政查询事项"),
    ("unavailable_group", r"无法提供", ("（四）",), "无法提供"),
    ("not_held", r"(?:本机关)?不掌握", ("（四）1",), "本机关不掌握相关政府信息"),
    ("to_make", r"(?:没有现成信息)?需要?另行制作", ("（四）2",), "没有现成信息需要另行制作"),
    ("unclear", r"(?:补正后)?(?:申请)?内容仍?不明确", ("（四）3",), "补正后申请内容仍不明确"),
    ("not_processed_group", r"不予处理", ("（五）",), "不予处理"),
    ("petition", r"(?:属于)?信访举报(?:投诉)?类?", ("（五）1",), "信访举报投诉类申请"),
    ("repeat", r"重复申请", ("（五）2",), "重复申请"),
    ("publication", r"(?:要求提供)?公开出版物", ("（五）3",), "要求提供公开出版物"),
    ("massive", r"(?:无正当理由)?大量反复申请", ("（五）4",), "无正当理由大量反复申请"),
    (
        "reissue",
        r"(?:要求行政机关)?(?:确认或)?重新出具(?:已获取信息)?",
        ("（五）5",),
        "要求行政机关确认或重新出具已获取信息",
    ),
    ("other_group", r"其他处理", ("（六）",), "其他处理"),
    ("no_correction", r"逾期不补正", ("（六）1",), "申请人无正当理由逾期不补正"),
    ("no_fee", r"逾期未(?:按收费通知要求)?缴纳费用|逾期未缴费", ("（六）2",), "申请人逾期未按收费通知要求缴纳费用"),
    ("noun", r"(?:政府)?信息公开申请|依申请公开事项|申请件|申请(?!人)", (), ""),
)
_BY_NAME = {name: (rows, wording) for name, _, rows, wording in _CONCEPTS}
_GROUPS = tpl.T3_RESULT_GROUPS[2:]
"""The result groups a count may name as a whole (不予公开 adds up （三）1 … （三）8)."""
_LABEL_RE = lazy_compile(
    "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern, _, _ in _CONCEPTS) + f"){FILLER}$"
)
_VERB_RE = lazy_compile(
    r"(?P<received>新收|收到|接收|受理|接到|收悉|提交|提出)|(?P<handled>办结|答复|办复|办理完毕|处理完毕)"
    r"|(?P<carried_in>上一?年度?结转|上一?年度?转入)|(?P<ambiguous>办理|处理|涉及|转办|转送|申请人)"
)
_NOT_APPLICATIONS_RE = lazy_compile(r"复议|诉讼|投诉|信访|举报|咨询|诉求|建议|提案|留言|来信|来访|热线|业务")
_APPLICATION_AFTER_RE = lazy_compile(r"^(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请(?!人)")
_CARRIED_OUT_AFTER_RE = lazy_compile(r"^(?:申请)?[^，。；、\d]{0,12}?(?:结转|顺延|转入)(?:至|到)?下一?年")
_YEAR_IN_LABEL_RE = lazy_compile(r"(\d{4})年")
_INCLUDES_CARRIED_RE = lazy_compile(r"(?:含|包括)[^，。；]{0,6}结转")
_WIDE_SCOPE_RE = lazy_compile(r"全市|全区|全县|全省|全州|全盟|全旗|各级")
_FILLER_ONLY_RE = lazy_compile(f"{FILLER}")
_UNITS = ("件", "件次")


class ApplicationCountOptions(RuleOptions):
    """Options of X001."""

    sections: list[int] = Field(
        default=[3],
        description=(
            "在这些部分（按序号，3 即第三部分）中，每一行都视为关于申请的叙述；在其他部分，一行中必须写"
            "有「申请」才读取。"
        ),
    )


class ApplicationCountMismatch(Rule[ApplicationCountOptions]):
    """检查内容：
        读取正文给出的申请数量（TX-1）：收到的（收到/受理 N件 → 表三「一、本年新收」总计）、上年结转的（上
        年结转 → 「二」）、办理的（办结/答复 → 「（七）总计」）、结转下年度的（结转下年度 → 「四」），以及
        各办理结果的数量（予以公开、部分公开、不予公开、无法提供、不掌握、另行制作、不明确、不予处理、信访
        举报、重复申请、其他处理 …：与该行的「总计」格比较；正文写的是「不予公开」这样的一组时，与该组各行
        之和比较）。只有关键词紧挨在数量之前、位于同一分句，中间至多隔着一些虚词（共、累计、政府信息公开申
        请 …）时，才比较这一数量；其他年份的数量、约数（约、余、以上）、几项并列的合计数、部分数（「其中局
        机关收到申请3件」）、其他申请（「受理行政许可申请」），以及部门报告中全地区的数量（「全县各级行政
        机关共收到申请…」），略过不查。句中说明包含上年结转申请（「含上年结转」）的收到数量，可以等于一 +
        二。消息会说明可能的原因：把上年结转的申请算作了新收，一组只引用了其中一行或一格，统计范围较窄
        （「代表区政府」）。问题标在句中的数字处。本规则报告为错误；但句子写明了较窄或较宽的统计范围时
        （「区政府办代表区政府受理…」），消息说明统计范围可能不同，问题报告为警告。

    为何重要：
        正文与表格是同一组统计数据的两种表述；两者不一致，读者无从判断哪个正确（template-spec TX-1，§6
        E13「数据失准」）。

    示例：
        「2022年，全区收到政府信息公开申请75件」，而表三「一、本年新收」为 74、「二、上年结转」为
        1（2022_pingtan-zone）：正文把上年结转的申请算作了新收。「予以公开及部分公开258件」，而（一
        ）+（二）= 272 + 3 = 275（2019_shanghai-municipal-office）。

    修改方法：
        改正正文或表格，使两者给出相同的数量；如果正文有意采用其他统计范围（例如只计政府办公室办理的申
        请），应在句中写明。
    """

    code = "X001"
    name = "application-count-mismatch"
    summary = "正文中的申请数量与表三不一致"

    def check(self, report: Report) -> Iterator[Finding]:
        """Compare every clearly labelled count of applications with table 三."""
        table = report.tables.get(T3)
        if table is None:
            return
        for paragraph in prose(report):
            if "申请" not in paragraph.text and paragraph.section not in self.options.sections:
                continue
            seen: set[str] = set()  # a claim repeated on one line is reported once
            for mention in mentions(paragraph.text, _UNITS):
                found = _compare(report, table, mention)
                if found is not None and found not in seen:
                    seen.add(found)
                    finding = self.at_span(report, found, paragraph, mention.offset, mention.offset + mention.length)
                    if _SCOPE_HINT in found:
                        # the message itself says the text may count another scope: not an error
                        finding = replace(finding, severity=Severity.WARNING)
                    yield finding


def _compare(report: Report, table: ReportTable, mention: Mention) -> str | None:
    """The message when *mention* is a labelled count that differs from the table."""
    concept = _concept(mention, report)
    if concept is None:
        return None
    rows, wording = _BY_NAME[concept]
    amount = _amount(report, table, rows)
    if amount is None or amount.value == mention.value or _explained(concept, mention, table, amount):
        return None
    message = f"正文称{wording}{mention.value}件，{amount.describe()}"
    return message + _hint(concept, mention, table, amount)


def _concept(mention: Mention, report: Report) -> str | None:
    """What the count is about, or ``None`` when its label is unclear."""
    match = label_before(mention, _LABEL_RE)
    if match is None:
        return _concept_after(mention)
    name = match.lastgroup or ""
    start = match.start(name)
    if joined(mention, start) or other_period(mention, start, report.year):
        return None
    label = match.group(name)
    filler = match.group()[len(label) :]
    if name == "noun":
        name = _verb_before(mention, mention.clause_offset(start), bare=label in ("申请", "申请件")) or ""
        about_applications = True
    else:
        about_applications = "申请" in filler or bool(_APPLICATION_AFTER_RE.match(mention.after))
    if name == "received" and (not about_applications or "其中" in mention.before):
        return None  # "收到群众诉求348件"; "其中市本级收到申请85件" is a part, not the total
    if name == "received" and report.agency_kind == "department" and _WIDE_SCOPE_RE.search(mention.before):
        return None  # a department quoting the whole county's count
    if name == "handled" and _NOT_APPLICATIONS_RE.search(_sentence_before(mention, start)):
        return None  # "受理人大代表建议9件、政协提案6件，办结15件"
    if name == "carried_out":
        year_match = _YEAR_IN_LABEL_RE.search(label)
        if year_match and (report.year is None or int(year_match[1]) != report.year + 1):
            return None
    return name or None


def _explained(concept: str, mention: Mention, table: ReportTable, amount: Amount) -> bool:
    """Whether the text says the count includes 二、上年结转: 收到申请5件（含上年结转1件）."""
    if concept != "received" or not _INCLUDES_CARRIED_RE.search(mention.sentence):
        return False
    carried = t3_row(table, tpl.T3_CARRIED_IN)
    return carried is not None and mention.value == amount.value + carried.value


def _concept_after(mention: Mention) -> str | None:
    """A count whose label follows it: "1件结转下年度继续办理", "另有72件顺延到下年度答复"."""
    if _CARRIED_OUT_AFTER_RE.match(mention.after):
        return "carried_out"
    return None


def _sentence_before(mention: Mention, label_start: int) -> str:
    """The sentence before the label (at most 64 characters)."""
    end = mention.clause_start - mention.sentence_start + mention.clause_offset(label_start)
    return mention.sentence[max(0, end - 64) : end]


def _verb_before(mention: Mention, noun_at: int, *, bare: bool) -> str | None:
    """The verb before the noun says what is counted: 受理…政府信息公开申请859件 → received.

    A bare 申请 must follow its verb with only filler in between: "受理行政许可申请" is
    not about 政府信息公开.
    """
    window = mention.clause[max(0, noun_at - 32) : noun_at]
    verbs = list(_VERB_RE.finditer(window))
    if not verbs:
        return None
    verb = verbs[-1]
    between = window[verb.end() :]
    if _NOT_APPLICATIONS_RE.search(between) or (bare and not _FILLER_ONLY_RE.fullmatch(between)):
        return None
    name = verb.lastgroup
    return name if name in ("received", "handled", "carried_in") else None


def _amount(report: Report, table: ReportTable, rows: tuple[str, ...]) -> Amount | None:
    """The table's count for *rows*; a group key such as "（三）" adds up the group's rows."""
    keys: list[str] = []
    group: str | None = None
    for row in rows:
        if row in _GROUPS:
            members = group_keys(report, table, row)
            if not members:
                return None
            keys.extend(members)
            group = row if len(rows) == 1 and members != (row,) else None
        else:
            keys.append(row)
    return t3_rows(table, tuple(keys), group) if len(keys) > 1 else t3_row(table, keys[0])


_SCOPE_HINT = "统计范围可能与表格不同"


def _hint(concept: str, mention: Mention, table: ReportTable, amount: Amount) -> str:
    """An explanation the clerk can act on, when the numbers suggest one."""
    hints: list[str] = [amount.note] if amount.note else []
    carried = t3_row(table, tpl.T3_CARRIED_IN)
    subject = mention.before
    scope = "代表" in subject or (concept == "received" and _WIDE_SCOPE_RE.search(subject))
    if concept == "received" and carried is not None and carried.value:
        if mention.value == amount.value + carried.value:
            scope = False
            hints.append(
                f"{mention.value}件是「一、本年新收」{format_number(amount.value)}件与「二、上年结转」"
                f"{format_number(carried.value)}件之和，正文把上年结转的申请也算作了本年收到的申请"
            )
        else:
            hints.append(f"另有「二、上年结转」{format_number(carried.value)}件")
    if len(amount.parts) > 1:
        same = [key for key, value in amount.parts if value == mention.value]
        if len(same) == 1:
            hints.append(f"{mention.value}件只是其中「{t3_row_name(same[0])}」一行的数")
    single = [cell for cell in amount.cells if cell.number == mention.value]
    if len(amount.cells) > len(amount.parts) and len(single) == 1 and len(hints) < 2:
        cell = single[0]
        hints.append(f"{mention.value}件只是「{t3_row_name(cell.row_key)}」行「{cell.column_key}」列的数")
    if scope:
        hints.append(f"正文说的是“{subject}”，{_SCOPE_HINT}，请核实或在正文中说明口径")
    return "。" + "；".join(hints) if hints else ""
