"""A001 application-total-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Fix
from reportlint.model import CellRef, Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions
from reportlint.text import format_number
from reportlint_rules.arithmetic._identities import (
    Failure,
    describe,
    diagnose,
    operands,
    report_identities,
    row_name,
    with_identity,
)


class A001Options(RuleOptions):
    """Options of A001."""

    single_cell_diagnosis: bool = Field(
        default=True,
        description=(
            "多个勾稽关系因同一个单元格而不成立时，只在这一格报告一次（T3-D）；设为 false 则每个不成立"
            "的勾稽关系都报告。"
        ),
    )


class ApplicationTotalMismatch(Rule[A001Options]):
    """检查内容：
        核对表三（收到和处理政府信息公开申请情况）的勾稽关系（template-spec §4）：

        * T3-A，逐列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度），表中的注释即如此说
          明；
        * T3-B，逐行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他；
        * T3-C，逐列：（七）总计 = 各项办理结果（一）至（六）之和。

        空白单元格、“-”和“/”按 0 计。多个勾稽关系不成立，而其中一个单元格可以解释全部不成立之处时（只把这
        一格改为某个数，它所参与的各个勾稽关系即全部成立），只在这一格报告一次，写明现有数值、应有数值和所
        涉及的勾稽关系（T3-D）。否则每个不成立的勾稽关系在其总计处各报告一次：T3-B 报在该行的「总计」
        格，T3-A、T3-C 报在该列的「（七）总计」格。「总计」格空白而其分项不为零的，由 A002 报告，本规则不
        报；在其他勾稽关系中，空白的总计按其分项之和计算。无法读取的行（数值个数不对）连同需要这些行的勾稽
        关系一并略过。

    为何重要：
        表三的数字是报告对全部申请的交代；表格数字对不上即属「数据失准」（template-spec §6，E2），也是审核
        人员首先核对的内容。

    示例：
        2020-qinghe-town 的「（七）总计」行：自然人 4，商业企业 1，总计 6。按该行计算为 5，按「总计」列的
        各项办理结果计算为 5，按一 + 二 − 四计算也为 5：在「（七）/总计」处报告一次，现为 6，应为
        5。2021_pingtan-police 把唯一的一件申请既算作已办理又算作结转下年度（1 + 0 ≠ 1 + 1）：T3-A 在「自
        然人」和「总计」两列不成立，且没有哪一个单元格能够解释，因此分别报告。

    修改方法：
        改正所指出的单元格（或重新核对所指勾稽关系涉及的各行），使表格数字相符。
    """

    code = "A001"
    name = "application-total-mismatch"
    summary = "表三勾稽关系不成立"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per cell that explains failures, then one per remaining failing identity."""
        shared = report.derived(report_identities).get(T3)
        if shared is None:
            return
        identities, blanks = shared.identities, shared.blanks
        results = diagnose(identities, blanks, single_cell=self.options.single_cell_diagnosis)
        echoes = _echoes([result for result in results if isinstance(result, Failure)])
        for result in results:
            if isinstance(result, Failure):
                if id(result) in echoes.values():
                    continue  # the 总计 column repeats one applicant column's fault: reported with it
                identity = result.identity
                message = f"表三{describe(identity, blanks)}"
                if id(result) in echoes:
                    message += f"；「{tpl.T3_TOTAL}」列因此同样不符"
                finding = self.at_cell(message, identity.total, expected=result.expected, operands=operands([identity]))
                yield with_identity(finding, identity)
                continue
            cell = result.cell
            reasons = "；".join(describe(i, blanks) for i in result.identities)
            message = (
                f"表三「{row_name(cell.row_key)}」行「{cell.column_key}」列为{format_number(result.found)}，"
                f"应为{format_number(result.expected)}。{reasons}。只改正这一格，上述勾稽关系即全部成立"
            )
            fix = _count_fix(self, cell, result.expected)
            finding = self.at_cell(
                message, cell, expected=result.expected, operands=operands(result.identities), fix=fix
            )
            yield with_identity(finding, *result.identities, "T3-D")


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _count_fix(rule: ApplicationTotalMismatch, cell: CellRef, expected: float) -> Fix | None:
    """The fix that writes *expected* in the one cell the single-cell diagnosis names (T3-D).

    Unsafe: changing this cell alone makes every identity it takes part in hold, which
    makes it the likely fault, but only the clerk's records say whether this cell or the
    figures it is checked against are wrong. Offered only for a cell holding a bare count
    (digits, written as the cell writes them), never for "6件" or a decimal.
    """
    text = cell.value.text.strip()
    if not expected.is_integer() or not text.isdigit():
        return None
    replacement = format_number(expected)
    if not text.isascii():
        replacement = replacement.translate(_FULLWIDTH)
    return rule.cell_fix(cell, f"改为{replacement}（须核对原始台账）", replacement, safe=False)


def _echoes(failures: list[Failure]) -> dict[int, int]:
    """Failures of the 总计 column that only repeat the failure of one applicant column.

    When one applicant column fails an identity (T3-A or T3-C) and the 总计 column
    fails the same identity by the same amount, the 总计 column is wrong only because
    it adds up that column: one fault, one finding. Maps id(applicant failure) to
    id(总计 failure).
    """
    found: dict[int, int] = {}
    for total in failures:
        if total.identity.total.column_key != tpl.T3_TOTAL:
            continue
        gap = total.expected - total.found
        same = [
            other
            for other in failures
            if other is not total
            and other.identity.code == total.identity.code
            and other.identity.total.row_key == total.identity.total.row_key
        ]
        if len(same) == 1 and abs(same[0].expected - same[0].found - gap) < 1e-9:
            found[id(same[0])] = id(total)
    return found
