"""The two official formats (2019 trial, 2021 revised): their tables' rows and columns.

Source of truth: ``template-spec.md`` §2–§3 (国办公开办函〔2019〕60号 and
〔2021〕30号). Rows are matched by *keywords* of their folded label, because real
labels carry typos, appended fill-in hints and varying numbering (template-spec §7).
"""

from __future__ import annotations

from dataclasses import dataclass

V2019 = "2019"
V2021 = "2021"


@dataclass(frozen=True, slots=True)
class RowSpec:
    """One data row of a template table."""

    key: str
    """Stable key, e.g. "（三）1" or "规章"; used to address cells."""
    label: str
    """The template's wording, for messages."""
    keywords: tuple[str, ...] = ()
    """Any of these in the folded label identifies the row."""


# --- Table 三 ------------------------------------------------------------------
T3_APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
T3_TOTAL = "总计"
T3_COLUMNS = (*T3_APPLICANT_COLUMNS, T3_TOTAL)

T3_NEW, T3_CARRIED_IN, T3_TOTAL_ROW, T3_CARRIED_OUT = "一", "二", "（七）", "四"
T3_DISCLOSED = "（一）"
"""予以公开: the row an evaluator quotes beside 本年新收."""
T3_RESULTS_HEADING = "三、本年度办理结果"
"""The template's label over rows （一）…（七） (a merged cell; it has no row of its own)."""

_T3_COMMON_HEAD = (
    RowSpec("一", "一、本年新收政府信息公开申请数量", ("本年新收", "新收")),
    RowSpec("二", "二、上年结转政府信息公开申请数量", ("上年结转",)),
    RowSpec("（一）", "（一）予以公开", ("予以公开",)),
    RowSpec("（二）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("部分公开",)),
    RowSpec("（三）1", "（三）不予公开 1.属于国家秘密", ("国家秘密",)),
    RowSpec("（三）2", "（三）不予公开 2.其他法律行政法规禁止公开", ("禁止公开", "其他法律行政")),
    RowSpec("（三）3", "（三）不予公开 3.危及“三安全一稳定”", ("三安全一稳定",)),
    RowSpec("（三）4", "（三）不予公开 4.保护第三方合法权益", ("第三方合法权益",)),
    RowSpec("（三）5", "（三）不予公开 5.属于三类内部事务信息", ("三类内部事务",)),
    RowSpec("（三）6", "（三）不予公开 6.属于四类过程性信息", ("四类过程性",)),
    RowSpec("（三）7", "（三）不予公开 7.属于行政执法案卷", ("行政执法案卷",)),
    RowSpec("（三）8", "（三）不予公开 8.属于行政查询事项", ("行政查询事项",)),
    RowSpec("（四）1", "（四）无法提供 1.本机关不掌握相关政府信息", ("不掌握",)),
    RowSpec("（四）2", "（四）无法提供 2.没有现成信息需要另行制作", ("另行制作",)),
    RowSpec("（四）3", "（四）无法提供 3.补正后申请内容仍不明确", ("仍不明确", "补正后申请")),
    RowSpec("（五）1", "（五）不予处理 1.信访举报投诉类申请", ("信访举报",)),
    RowSpec("（五）2", "（五）不予处理 2.重复申请", ("重复申请",)),
    RowSpec("（五）3", "（五）不予处理 3.要求提供公开出版物", ("公开出版物",)),
    RowSpec("（五）4", "（五）不予处理 4.无正当理由大量反复申请", ("大量反复",)),
    RowSpec("（五）5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", ("重新出具",)),
)
_T3_COMMON_TAIL = (
    RowSpec("（七）", "（七）总计", ("总计",)),
    RowSpec("四", "四、结转下年度继续办理", ("结转下年度",)),
)
T3_ROWS: dict[str, tuple[RowSpec, ...]] = {
    V2019: (*_T3_COMMON_HEAD, RowSpec("（六）", "（六）其他处理", ("其他处理",)), *_T3_COMMON_TAIL),
    V2021: (
        *_T3_COMMON_HEAD,
        RowSpec(
            "（六）1",
            "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ("逾期不补正",),
        ),
        RowSpec(
            "（六）2",
            "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ("缴纳费用", "收费通知"),
        ),
        RowSpec("（六）3", "（六）其他处理 3.其他", ()),
        *_T3_COMMON_TAIL,
    ),
}
T3_RESULT_GROUPS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）")
"""Rows whose key starts with one of these are summed by T3-C into （七）总计."""

# --- Table 四 ------------------------------------------------------------------
T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_REVIEW, T4_DIRECT_SUIT, T4_SUIT_AFTER_REVIEW = T4_GROUPS
T4_CORRECTED, T4_GROUP_TOTAL = T4_RESULTS[1], T4_RESULTS[-1]
T4_LITIGATION = "行政诉讼"
"""The template's merged header over the two litigation groups."""
T4_LITIGATION_GROUPS = (T4_DIRECT_SUIT, T4_SUIT_AFTER_REVIEW)


def t4_column(group: str, result: str) -> str:
    """The column key of table 四 for *group* (e.g. 行政复议) and *result* (e.g. 总计)."""
    return f"{group}/{result}"


T4_COLUMNS = tuple(t4_column(group, result) for group in T4_GROUPS for result in T4_RESULTS)
T4_ROW = "合计"
"""Table 四 has one data row; this is its key."""


# --- Table 二 ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BlockSpec:
    """One 第二十条第（X）项 block of table 二."""

    item: str
    columns: tuple[str, ...]
    rows: tuple[RowSpec, ...]


T2_BLOCKS: dict[str, tuple[BlockSpec, ...]] = {
    V2019: (
        BlockSpec(
            "（一）",
            ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
            (RowSpec("规章", "规章", ("规章",)), RowSpec("规范性文件", "规范性文件", ("规范性文件",))),
        ),
        BlockSpec(
            "（五）",
            ("上一年项目数量", "本年增/减", "处理决定数量"),
            (
                RowSpec("行政许可", "行政许可", ("行政许可",)),
                RowSpec("其他对外管理服务事项", "其他对外管理服务事项", ("对外管理服务",)),
            ),
        ),
        BlockSpec(
            "（六）",
            ("上一年项目数量", "本年增/减", "处理决定数量"),
            (RowSpec("行政处罚", "行政处罚", ("行政处罚",)), RowSpec("行政强制", "行政强制", ("行政强制",))),
        ),
        BlockSpec(
            "（八）",
            ("上一年项目数量", "本年增/减"),
            (RowSpec("行政事业性收费", "行政事业性收费", ("事业性收费",)),),
        ),
        BlockSpec(
            "（九）",
            ("采购项目数量", "采购总金额"),
            (RowSpec("政府集中采购", "政府集中采购", ("集中采购",)),),
        ),
    ),
    V2021: (
        BlockSpec(
            "（一）",
            ("本年制发件数", "本年废止件数", "现行有效件数"),
            (RowSpec("规章", "规章", ("规章",)), RowSpec("行政规范性文件", "行政规范性文件", ("规范性文件",))),
        ),
        BlockSpec("（五）", ("本年处理决定数量",), (RowSpec("行政许可", "行政许可", ("行政许可",)),)),
        BlockSpec(
            "（六）",
            ("本年处理决定数量",),
            (RowSpec("行政处罚", "行政处罚", ("行政处罚",)), RowSpec("行政强制", "行政强制", ("行政强制",))),
        ),
        BlockSpec(
            "（八）",
            ("本年收费金额（单位：万元）",),
            (RowSpec("行政事业性收费", "行政事业性收费", ("事业性收费",)),),
        ),
    ),
}


def t2_rows(version: str) -> dict[str, tuple[BlockSpec, RowSpec]]:
    """Every table-二 row of *version*, by key, with its block."""
    return {row.key: (block, row) for block in T2_BLOCKS[version] for row in block.rows}


def t3_keys(version: str) -> tuple[str, ...]:
    """The table-三 row keys of *version*, in template order."""
    return tuple(row.key for row in T3_ROWS[version])
