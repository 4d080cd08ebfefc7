"""A001 application-total-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from reportlint.diagnostics import Finding, Fix
from reportlint.model import CellRef, Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
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
            "When several identities fail because of one cell, report that cell once (T3-D); "
            "false reports every failing identity."
        ),
    )


class ApplicationTotalMismatch(Rule[A001Options]):
    """What it does:
        Checks the identities of table 三 (收到和处理政府信息公开申请情况), template-spec §4:

        * T3-A, per column: 一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）;
          the table's own note says so;
        * T3-B, per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他;
        * T3-C, per column: （七）总计 = the sum of the result rows （一）…（六）.

        Blank cells, "-" and "/" count as 0. When several identities fail and one cell
        explains all of them (changing that cell alone to one value makes every identity
        it takes part in hold), the rule reports that cell once, with the value found,
        the value expected and the identities involved (T3-D). Otherwise it reports each
        failing identity once, at its total: the 总计 cell of the row (T3-B) or the
        （七）总计 cell of the column (T3-A, T3-C). A 总计 cell left blank although its parts
        are not zero is reported by A002, not here; in the other identities it stands for
        the sum of its parts. Rows that could not be read (a wrong number of values) are
        left out, with the identities that need them.

    Why it matters:
        The figures of table 三 are the report's account of every application; a table
        that does not add up is "数据失准" (template-spec §6, E2) and is the first thing a
        reviewer checks.

    Example:
        （七）总计 row of 2020-qinghe-town: 自然人 4, 商业企业 1, 总计 6. The row gives 5,
        the result rows of the 总计 column give 5, 一 + 二 − 四 gives 5: one finding at
        （七）/总计, found 6, expected 5. In 2021_pingtan-police the single application is
        counted both as handled and as carried over (1 + 0 ≠ 1 + 1): T3-A fails in the
        自然人 and 总计 columns and no single cell explains it, so each is reported.

    Fix:
        Correct the cell named (or recount the rows of the identity named) so that the
        table adds up.
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
