"""X003 document-count-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2
from reportlint.rulebase import Rule, prose
from reportlint.text import format_number
from reportlint_rules.text._claims import Mention, joined, label_before, mentions, other_period

_LABEL_RE = lazy_compile(r"(?:(?P<rule>规章)|(?P<normative>(?:行政)?规范性文件))(?:的|共计|共|累计|合计|计|为|达)*+$")
_QUALIFIER_RE = lazy_compile(
    r"(?P<valid>现行有效)|(?P<repealed>废止)|(?P<total>累计公开|对外公开)|(?P<published>主动公开|新公开)"
    r"|(?P<made>新制定|制定|制发|印发|出台|新增|制作)"
)
_OTHER_BODY_RE = lazy_compile(r"部门(?:的)?$")
_LIST_ITEM_RE = lazy_compile(
    r"(?:规章|规范性文件)(?:的|共计|共|累计|合计|计|为|达)*+(\d+|[一二两三四五六七八九十]+)件$"
)
_MADE_2019, _PUBLISHED_2019, _PUBLISHED_TOTAL_2019 = tpl.T2_DOCUMENT_COLUMNS[tpl.V2019]
_MADE_2021, _REPEALED_2021, _VALID_2021 = tpl.T2_DOCUMENT_COLUMNS[tpl.V2021]
_COLUMNS = {
    tpl.V2021: {"made": _MADE_2021, "repealed": _REPEALED_2021, "valid": _VALID_2021},
    tpl.V2019: {
        "made": _MADE_2019,
        "published": _PUBLISHED_2019,
        "valid": _PUBLISHED_TOTAL_2019,
        "total": _PUBLISHED_TOTAL_2019,
    },
}
"""The table-二 column each qualifier word names, by version."""
_WORDING = {
    "made": "本年制发",
    "repealed": "本年废止",
    "valid": "现行有效",
    "total": "累计公开",
    "published": "本年公开",
}


class DocumentCountMismatch(Rule):
    """检查内容：
        把正文给出的规章和（行政）规范性文件数量与表二「第二十条第（一）项」比较（TX-3）。正文必须写明给出
        的是哪个数量：制发/印发/出台（本年制发件数；2019 年版格式为本年新制作数量）、废止（本年废止件
        数）、现行有效（现行有效件数；2019 年版格式为对外公开总数量），或者在 2019 年版格式中的主动公开
        （本年新公开数量）。没有这类词的数量、合计数（「规章和规范性文件」）、部门规范性文件的数量以及以
        「条」计的数量，不作比较。问题标在数字处。

    为何重要：
        规章和规范性文件的数量在正文和表二中各报告一次；同一批文件出现两个不同的数字，属于数据错误
        （template-spec TX-3）。

    示例：
        「清理并集中发布现行有效行政规范性文件393件」，而表二「行政规范性文件」的现行有效件数为
        470（2023_pingtan-zone）。

    修改方法：
        改正正文或表二，使两者给出相同的数量。
    """

    code = "X003"
    name = "document-count-mismatch"
    summary = "正文中的规章、规范性文件数量与表二不一致"

    def check(self, report: Report) -> Iterator[Finding]:
        """Compare every qualified count of 规章/规范性文件 with table 二 （一）."""
        table = report.tables.get(T2)
        columns = _COLUMNS.get(report.template.version or "")
        if table is None or columns is None:
            return
        for paragraph in prose(report):
            if "规章" not in paragraph.text and "规范性文件" not in paragraph.text:
                continue
            seen: set[str] = set()  # a claim repeated on one line is reported once
            for mention in mentions(paragraph.text, ("件",)):
                found = _claim(mention, report.year)
                if found is None or found[1] not in columns:
                    continue
                noun, qualifier = found
                row = _row(noun, report.template.version)
                cell = table.cell(row, columns[qualifier])
                if cell is None or cell.value.number is None or cell.number == mention.value:
                    continue
                message = (
                    f"正文称{_WORDING[qualifier]}{noun}{mention.value}件，"
                    f"表二「{row}」行「{columns[qualifier]}」为{format_number(cell.number)}件"
                )
                if message not in seen:
                    seen.add(message)
                    yield self.at_span(report, message, paragraph, mention.offset, mention.offset + mention.length)


def _row(noun: str, version: str | None) -> str:
    """The table-二 row of a noun: 规章, or 规范性文件 (2019) / 行政规范性文件 (2021)."""
    if noun == tpl.T2_RULES:
        return tpl.T2_RULES
    return tpl.t2_normative_row(version)


def _claim(mention: Mention, year: int | None) -> tuple[str, str] | None:
    """(noun as written, qualifier) of a count such as "现行有效行政规范性文件393件", or ``None``."""
    match = label_before(mention, _LABEL_RE)
    if match is None or match.lastgroup is None:
        return None
    start = match.start(match.lastgroup)
    at = mention.clause_offset(start)
    if (
        joined(mention, start)
        or other_period(mention, start, year)
        or _OTHER_BODY_RE.search(mention.clause[max(0, at - 3) : at])
    ):
        return None
    qualifier = _qualifier(mention.clause[max(0, at - 24) : at])
    if qualifier is None and at == 0:
        qualifier = _qualifier_of_previous(mention)
    return (match.group(match.lastgroup), qualifier) if qualifier else None


def _qualifier(text: str) -> str | None:
    """The last qualifier word in *text* (制发, 废止, 现行有效 …)."""
    found = list(_QUALIFIER_RE.finditer(text))
    return found[-1].lastgroup if found else None


def _qualifier_of_previous(mention: Mention) -> str | None:
    """A list item takes the qualifier of the item before it: 主动公开规章13件，行政规范性文件60件."""
    in_sentence = mention.clause_start - mention.sentence_start
    previous = mention.sentence[max(0, in_sentence - 64) : in_sentence].rstrip("，,、")
    item = _LIST_ITEM_RE.search(previous)
    if item is None:
        return None
    clause_start = max(previous.rfind("，"), previous.rfind(","), previous.rfind("：")) + 1
    return _qualifier(previous[clause_start : item.start()][-24:])
