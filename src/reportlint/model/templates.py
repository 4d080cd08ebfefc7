"""The two official formats (2019 trial, 2021 revised): their tables' rows and columns.

Source of truth: ``template-spec.md`` §2–§3 (国办公开办函〔2019〕60号 and
〔2021〕30号). Rows are matched by *keywords* of their folded label, because real
labels carry typos, appended fill-in hints and varying numbering (template-spec §7).
"""

from __future__ import annotations

from reportlint.lazyre import lazy_compile
from reportlint.model.numerals import numeral_alternatives
from reportlint.records import record

V2019 = "2019"
V2021 = "2021"
VERSIONS = (V2019, V2021)

FORMAT_NAMES = {
    V2019: "2019年试行格式（国办公开办函〔2019〕60号）",
    V2021: "2021年版格式（国办公开办函〔2021〕30号）",
}
"""Each version's name in messages, with the circular that set it."""


def version_for_year(year: int) -> str | None:
    """The format a report of *year* must use: 2019 trial for 2019–2020, 2021 from 2021 on.

    ``None`` before 2019, when neither format existed (template-spec §3.6).
    """
    if year < 2019:
        return None
    return V2019 if year <= 2020 else V2021


# --- the three tables ------------------------------------------------------------
T2, T3, T4 = "二", "三", "四"
"""The tables' names (表二, 表三, 表四), which are also their keys in ``Report.tables``."""
TABLE_KINDS = (T2, T3, T4)
TABLE_SECTION = {T2: 2, T3: 3, T4: 4}
"""The section each table belongs under."""
TABLE_TITLES = {
    T2: "主动公开政府信息情况",
    T3: "收到和处理政府信息公开申请情况",
    T4: "政府信息公开行政复议、行政诉讼情况",
}
T2_CAPTION_RE = lazy_compile(rf"第二十条第\({numeral_alternatives(10)}\)项")
"""The caption of a table-二 block, in folded text: 第二十条第(一)项 … 第二十条第(十)项."""


@record(frozen=True, slots=True)
class RowSpec:
    """One data row of a template table."""

    key: str
    """Stable key, e.g. "（三）1" or "规章"; used to address cells."""
    label: str
    """The template's wording, for messages."""
    keywords: tuple[str, ...] = ()
    """Any of these in the folded label identifies the row."""
    short: str = ""
    """The row's name in messages when it is not derived from ``label`` (see :attr:`name`)."""

    @property
    def name(self) -> str:
        """The row's short name in messages: 一、本年新收; （二）部分公开; （三）1.属于国家秘密."""
        if self.short:
            return self.short
        group, _, sub = self.label.partition(" ")
        if sub:
            return group[:3] + sub
        if self.label.startswith("（") and "（" in self.label[3:]:
            return self.label[: self.label.index("（", 3)]
        return self.label


# --- Table 三 ------------------------------------------------------------------
T3_APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
T3_TOTAL = "总计"
T3_COLUMNS = (*T3_APPLICANT_COLUMNS, T3_TOTAL)

T3_NEW, T3_CARRIED_IN, T3_TOTAL_ROW, T3_CARRIED_OUT = "一", "二", "（七）", "四"
T3_DISCLOSED = "（一）"
"""予以公开: the row an evaluator quotes beside 本年新收."""
T3_RESULTS_HEADING = "三、本年度办理结果"
"""The template's label over rows （一）…（七） (a merged cell; it has no row of its own)."""
T3_APPLICANTS = "申请人情况"
"""The merged header over the seven applicant columns."""
T3_LEGAL_PERSONS = "法人或其他组织"
"""The merged header over the five columns 商业企业 … 其他."""
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
"""The note in the header cell over the row labels."""
T3_HEADER_LABELS = (T3_NOTE, T3_APPLICANTS, T3_LEGAL_PERSONS, *T3_COLUMNS)
"""Every header label of table 三, as printed."""

_T3_COMMON_HEAD = (
    RowSpec("一", "一、本年新收政府信息公开申请数量", ("本年新收", "新收"), "一、本年新收"),
    RowSpec("二", "二、上年结转政府信息公开申请数量", ("上年结转",), "二、上年结转"),
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
T3_GROUP_NAMES = {
    "（一）": "（一）予以公开",
    "（二）": "（二）部分公开",
    "（三）": "（三）不予公开",
    "（四）": "（四）无法提供",
    "（五）": "（五）不予处理",
    "（六）": "（六）其他处理",
}
"""The result groups' names in messages."""
T3_ROW_SPECS = {row.key: row for version in T3_ROWS.values() for row in version}
"""Every table-三 row of either version, by key."""
T3_OTHER_ROWS = {V2019: ("（六）",), V2021: ("（六）1", "（六）2", "（六）3")}
"""The （六）其他处理 rows, which differ between the versions."""
T3_UNPAID_FEE_ROW = "（六）2"
"""2021: applications dropped because the fee notice was not paid."""


def t3_row_name(key: str) -> str:
    """A table-三 row's or result group's short name: 一 → 一、本年新收; （三） → （三）不予公开."""
    if key in T3_GROUP_NAMES:
        return T3_GROUP_NAMES[key]
    spec = T3_ROW_SPECS.get(key)
    return spec.name if spec is not None else key


# --- Table 四 ------------------------------------------------------------------
T4_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
T4_REVIEW, T4_DIRECT_SUIT, T4_SUIT_AFTER_REVIEW = T4_GROUPS
T4_SUITS = (T4_DIRECT_SUIT, T4_SUIT_AFTER_REVIEW)
"""The two groups of 行政诉讼."""
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_UPHELD, T4_CORRECTED, T4_TOTAL = T4_RESULTS[0], T4_RESULTS[1], T4_RESULTS[-1]
T4_LITIGATION = "行政诉讼"
"""The template's merged header over the two litigation groups."""
T4_LITIGATION_GROUPS = (T4_DIRECT_SUIT, T4_SUIT_AFTER_REVIEW)


def t4_column(group: str, result: str) -> str:
    """The key of a table-四 column: ("行政复议", "总计") → "行政复议/总计"."""
    return f"{group}/{result}"


def t4_column_parts(column: str) -> tuple[str, str]:
    """The (group, result) of a table-四 column key."""
    group, _, result = column.partition("/")
    return group, result


T4_COLUMNS = tuple(t4_column(group, result) for group in T4_GROUPS for result in T4_RESULTS)
T4_HEADER_LABELS = (T4_REVIEW, T4_LITIGATION, *T4_SUITS, *T4_RESULTS)
"""Every header label of table 四 (the results three times over, once per group)."""
T4_ROW = "合计"
"""Table 四 has one data row; this is its key."""


# --- Table 二 ------------------------------------------------------------------
T2_RULES = "规章"
T2_NORMATIVE = {V2019: "规范性文件", V2021: "行政规范性文件"}
"""The key of the 规范性文件 row: its name differs between the versions."""


T2_CONTENT_HEADER = "信息内容"
"""The header of table 二's label column, in every block."""


T2_DEFAULT_VERSION = V2021
"""The version table 二 is read in while, or when, the report's version is not known."""


def t2_normative_row(version: str | None) -> str:
    """The 规范性文件 row's key in *version* (the 2021 name unless it is 2019)."""
    return T2_NORMATIVE[version if version in T2_NORMATIVE else T2_DEFAULT_VERSION]


T2_DOCUMENT_COLUMNS = {
    V2019: ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
    V2021: ("本年制发件数", "本年废止件数", "现行有效件数"),
}
"""The columns of block 第二十条第（一）项 (规章, 规范性文件)."""
T2_SIGNED_COLUMNS = frozenset({"本年增/减"})
"""Table-二 columns that may be negative (NN-2)."""
T2_AMOUNT_COLUMNS = frozenset({"采购总金额", "本年收费金额（单位：万元）"})
"""Table-二 columns holding amounts: decimals allowed, negatives not (NN-3)."""


@record(frozen=True, slots=True)
class BlockSpec:
    """One 第二十条第（X）项 block of table 二."""

    item: str
    columns: tuple[str, ...]
    rows: tuple[RowSpec, ...]


T2_BLOCKS: dict[str, tuple[BlockSpec, ...]] = {
    V2019: (
        BlockSpec(
            "（一）",
            T2_DOCUMENT_COLUMNS[V2019],
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
            T2_DOCUMENT_COLUMNS[V2021],
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
