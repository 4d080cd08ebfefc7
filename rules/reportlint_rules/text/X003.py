"""X003 document-count-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2
from reportlint.rulebase import Rule, prose
from reportlint.text import format_number
from reportlint_rules.text._claims import Mention, joined, label_before, mentions, other_period

_LABEL_RE = re.compile(r"(?:(?P<rule>规章)|(?P<normative>(?:行政)?规范性文件))(?:的|共计|共|累计|合计|计|为|达)*+$")
_QUALIFIER_RE = re.compile(
    r"(?P<valid>现行有效)|(?P<repealed>废止)|(?P<total>累计公开|对外公开)|(?P<published>主动公开|新公开)"
    r"|(?P<made>新制定|制定|制发|印发|出台|新增|制作)"
)
_OTHER_BODY_RE = re.compile(r"部门(?:的)?$")
_LIST_ITEM_RE = re.compile(r"(?:规章|规范性文件)(?:的|共计|共|累计|合计|计|为|达)*+(\d+|[一二两三四五六七八九十]+)件$")
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
    """What it does:
        Compares the counts of 规章 and (行政)规范性文件 the text gives with table 二
        第二十条第（一）项 (TX-3). The text must say which count it gives: 制发/印发/出台
        (本年制发件数; 2019 format: 本年新制作数量), 废止 (本年废止件数), 现行有效
        (现行有效件数; 2019 format: 对外公开总数量) or, in the 2019 format, 主动公开
        (本年新公开数量). Counts without such a word, joint counts ("规章和规范性文件"),
        counts of 部门规范性文件 and counts in 条 are not compared. The finding is at the
        number.

    Why it matters:
        The 规章/规范性文件 counts are reported twice, in the text and in table 二; two
        different numbers for the same documents are a data error (template-spec TX-3).

    Example:
        "清理并集中发布现行有效行政规范性文件393件" while table 二 gives 行政规范性文件
        现行有效件数 470 (2023_pingtan-zone).

    Fix:
        Correct the text or table 二 so that both give the same count.
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
