"""The identities of tables 三 and 四, blank totals, and the single-cell diagnosis (T3-D).

Every identity is a linear equation over cells, written so that its *residual*
(the sum of coefficient × value over its terms) is 0 when it holds. Its ``total`` is
the cell a failure is reported at. Blank cells count as 0, except a blank *total*
whose parts are not all zero: that cell is reported once by A002 (blank-total), the
identity it totals is left to A002, and in every other identity the blank total
stands for the sum of its parts, so one blank cell never yields a flood of findings.

``diagnose`` collects the failing identities and looks for one cell that, changed
to one value, makes every identity it takes part in hold (all of them must be
failing, at least two, all asking for the same value): that cell is reported once
(template-spec T3-D). The other failing identities are reported one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reportlint.diagnostics import Evidence, Finding
from reportlint.model import CellKind, CellRef, Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T3, T4
from reportlint.records import record
from reportlint.text import format_number

EPSILON = 1e-6
CellKey = tuple[str, str]
Term = tuple[int, CellRef]

_BLANK_KINDS = (CellKind.BLANK, CellKind.NONE_MARK)
_RESULT_ROWS_2019 = tuple(key for key in tpl.t3_keys(tpl.V2019) if key.startswith(tpl.T3_RESULT_GROUPS))
_OTHER_ROWS = (*tpl.T3_OTHER_ROWS[tpl.V2019], *tpl.T3_OTHER_ROWS[tpl.V2021])
_COMMON_RESULT_ROWS = tuple(key for key in _RESULT_ROWS_2019 if key not in _OTHER_ROWS)
_MAX_ROW_NAME = 18


@record(frozen=True, slots=True)
class Identity:
    """One equation that must hold, e.g. T3-B for row （一）."""

    code: str
    """The template-spec identity: "T3-A", "T3-B", "T3-C" or "T4-A"."""
    scope: str
    """Where it applies, for messages: "「自然人」列", "「（一）予以公开」行", "「行政复议」"."""
    total: CellRef
    """The cell a failure is reported at (coefficient +1 among the terms)."""
    terms: tuple[Term, ...]
    """Every cell of the equation with its coefficient, the total first."""

    @property
    def parts(self) -> tuple[Term, ...]:
        """The terms other than the total."""
        return self.terms[1:]

    def coefficient(self, key: CellKey) -> int:
        """The coefficient of the cell *key* (0 if the cell is not in this identity)."""
        return sum(coefficient for coefficient, ref in self.terms if cell_key(ref) == key)


@record(frozen=True, slots=True)
class BlankTotal:
    """A total cell left blank (or "-") although its parts are not all zero."""

    identity: Identity
    implied: float
    """The sum of the parts: the value the blank cell stands for."""


@record(frozen=True, slots=True)
class SingleCell:
    """Several failing identities that one cell explains (T3-D)."""

    cell: CellRef
    found: float
    expected: float
    identities: tuple[Identity, ...]


@record(frozen=True, slots=True)
class Failure:
    """One failing identity, reported at its total."""

    identity: Identity
    found: float
    expected: float
    """The value of the total that would make this identity hold."""


def cell_key(ref: CellRef) -> CellKey:
    """A cell's address in its table: (row key, column key)."""
    return ref.row_key, ref.column_key


def row_name(key: str) -> str:
    """A table-三 row's name in the A rules' messages: "一、本年新收政府信息公开申请数量",
    "（一）予以公开", "（三）1.属于国家秘密"; the numbered rows 一, 二 and 四 by their whole
    label, every name cut to 18 characters."""
    spec = tpl.T3_ROW_SPECS.get(key)
    if spec is None:
        return key
    label = spec.name if key.startswith("（") else spec.label
    return label if len(label) <= _MAX_ROW_NAME else label[: _MAX_ROW_NAME - 1] + "…"


def cell_place(ref: CellRef) -> str:
    """A cell's place in words: 表三「（一）予以公开」行「自然人」列, 表四「行政复议」「总计」."""
    if ref.table == T4:
        group, result = tpl.t4_column_parts(ref.column_key)
        return f"表四「{group}」「{result}」"
    row = row_name(ref.row_key) if ref.table == T3 else ref.row_key
    return f"表{ref.table}「{row}」行「{ref.column_key}」列"


def with_identity(finding: Finding, *identities: Identity | str) -> Finding:
    """*finding* with the template-spec identity codes in its evidence (for JSON and SARIF).

    Codes such as "T3-B" mean nothing to a clerk, so messages never show them; a tool
    reading the JSON or SARIF output finds them in ``evidence.identity``.
    """
    codes = "; ".join(dict.fromkeys(i if isinstance(i, str) else i.code for i in identities))
    evidence = finding.evidence if finding.evidence is not None else Evidence()
    return replace(finding, evidence=replace(evidence, identity=codes))


# --- building the identities ---------------------------------------------------
def _mapped(table: ReportTable, key: str) -> bool:
    """Whether the row is present and its values could be mapped to the columns."""
    row = table.rows.get(key)
    return row is not None and bool(row.cells)


def t3_identities(table: ReportTable) -> list[Identity]:
    """T3-B for every readable row, T3-A and T3-C for every column whose rows are readable."""
    identities: list[Identity] = []
    for key, row in table.rows.items():
        if not row.cells or tpl.T3_TOTAL not in row.cells:
            continue
        parts = [row.cells.get(column) for column in tpl.T3_APPLICANT_COLUMNS]
        if all(part is not None for part in parts):
            terms = [(1, row.cells[tpl.T3_TOTAL])] + [(-1, part) for part in parts if part is not None]
            identities.append(Identity("T3-B", f"「{row_name(key)}」行", terms[0][1], tuple(terms)))
    ends = (tpl.T3_NEW, tpl.T3_CARRIED_IN, tpl.T3_TOTAL_ROW, tpl.T3_CARRIED_OUT)
    if all(_mapped(table, key) for key in ends):
        for column in tpl.T3_COLUMNS:
            total, out = table.cell(tpl.T3_TOTAL_ROW, column), table.cell(tpl.T3_CARRIED_OUT, column)
            new, carried = table.cell(tpl.T3_NEW, column), table.cell(tpl.T3_CARRIED_IN, column)
            if total and out and new and carried:
                terms_a = ((1, total), (1, out), (-1, new), (-1, carried))
                identities.append(Identity("T3-A", f"「{column}」列", total, terms_a))
    results = _result_rows(table)
    if results and _mapped(table, tpl.T3_TOTAL_ROW):
        for column in tpl.T3_COLUMNS:
            total = table.cell(tpl.T3_TOTAL_ROW, column)
            cells = [table.cell(key, column) for key in results]
            if total and all(cell is not None for cell in cells):
                terms_c = ((1, total), *((-1, cell) for cell in cells if cell is not None))
                identities.append(Identity("T3-C", f"「{column}」列", total, terms_c))
    return identities


def _result_rows(table: ReportTable) -> tuple[str, ...]:
    """The result rows （一）…（六）* summed by T3-C, or () if one of them is missing."""
    others = tuple(key for key in _OTHER_ROWS if key in table.rows)
    rows = (*_COMMON_RESULT_ROWS, *others)
    if not others or not all(_mapped(table, key) for key in rows):
        return ()
    return rows


def t4_identities(table: ReportTable) -> list[Identity]:
    """T4-A for each of the three groups of table 四."""
    identities: list[Identity] = []
    for group in tpl.T4_GROUPS:
        total = table.cell(tpl.T4_ROW, tpl.t4_column(group, tpl.T4_TOTAL))
        parts = [table.cell(tpl.T4_ROW, tpl.t4_column(group, result)) for result in tpl.T4_RESULTS[:-1]]
        if total is not None and all(part is not None for part in parts):
            terms = ((1, total), *((-1, part) for part in parts if part is not None))
            identities.append(Identity("T4-A", f"「{group}」", total, terms))
    return identities


# --- blank totals and evaluation ---------------------------------------------------
def blank_totals(identities: Iterable[Identity]) -> dict[CellKey, BlankTotal]:
    """Totals (T3-B, T3-C, T4-A) left blank although their parts are not all zero."""
    found: dict[CellKey, BlankTotal] = {}
    for identity in identities:
        if identity.code == "T3-A" or identity.total.value.kind not in _BLANK_KINDS:
            continue
        implied = sum(-coefficient * ref.number for coefficient, ref in identity.parts)
        if abs(implied) > EPSILON and cell_key(identity.total) not in found:
            found[cell_key(identity.total)] = BlankTotal(identity, implied)
    return found


def _value(ref: CellRef, blanks: dict[CellKey, BlankTotal]) -> float:
    """The cell's number for arithmetic; a blank total stands for the sum of its parts."""
    blank = blanks.get(cell_key(ref))
    return blank.implied if blank else ref.number


def residual(identity: Identity, blanks: dict[CellKey, BlankTotal]) -> float:
    """Sum of coefficient × value: 0 when the identity holds."""
    if not blanks:  # the usual table: every cell stands for its own number
        return sum(coefficient * ref.number for coefficient, ref in identity.terms)
    return sum(coefficient * _value(ref, blanks) for coefficient, ref in identity.terms)


def diagnose(
    identities: Sequence[Identity], blanks: dict[CellKey, BlankTotal], *, single_cell: bool = True
) -> list[SingleCell | Failure]:
    """The failing identities, grouped under one cell where one cell explains several.

    *blanks* are the identities' blank totals (:func:`blank_totals`), left to A002.
    """
    checked = [i for i in identities if not _totals_blank(i, blanks)]
    failing = [i for i in checked if abs(residual(i, blanks)) > EPSILON]
    if not failing:
        return []
    singles = _single_cells(checked, failing, blanks) if single_cell else []
    explained = {identity for single in singles for identity in single.identities}
    results: list[SingleCell | Failure] = list(singles)
    for identity in failing:
        if identity not in explained:
            found = _value(identity.total, blanks)
            results.append(Failure(identity, found, found - residual(identity, blanks)))
    return results


def _totals_blank(identity: Identity, blanks: dict[CellKey, BlankTotal]) -> bool:
    """Whether *identity* totals into a blank cell (and is therefore left to A002)."""
    blank = blanks.get(cell_key(identity.total))
    return blank is not None and blank.identity is identity


def _single_cells(
    checked: list[Identity], failing: list[Identity], blanks: dict[CellKey, BlankTotal]
) -> list[SingleCell]:
    """Cells whose identities all fail (two or more) and all ask for the same new value."""
    candidates: list[SingleCell] = []
    seen: set[CellKey] = set()
    failed = {id(identity) for identity in failing}
    # Each cell's identities with its coefficient in each, in the order of *checked*: one
    # pass over the terms instead of a scan of every identity for every cell.
    involving: dict[CellKey, dict[int, tuple[Identity, int]]] = {}
    for identity in checked:
        for coefficient, ref in identity.terms:
            entries = involving.setdefault(cell_key(ref), {})
            known = entries.get(id(identity))
            entries[id(identity)] = (identity, coefficient + (known[1] if known else 0))
    residuals = {id(identity): residual(identity, blanks) for identity in failing}
    for identity in failing:
        for _, ref in identity.terms:
            key = cell_key(ref)
            if key in seen or key in blanks:
                continue
            seen.add(key)
            involved = [entry for entry in involving[key].values() if entry[1]]
            if len(involved) < 2 or not all(id(i) in failed for i, _ in involved):
                continue
            changes = {round(-residuals[id(i)] / coefficient, 6) for i, coefficient in involved}
            if len(changes) == 1:
                expected = ref.number + changes.pop()
                if expected >= 0:
                    candidates.append(SingleCell(ref, ref.number, expected, tuple(i for i, _ in involved)))
    # Two candidates sharing an identity are two explanations of the same failure: keep neither.
    return [
        candidate
        for candidate in candidates
        if not any(other is not candidate and set(other.identities) & set(candidate.identities) for other in candidates)
    ]


# --- messages ----------------------------------------------------------------------


def _part_name(identity: Identity, ref: CellRef) -> str:
    """How a part is named in a sum: its column (自然人6, 结果维持10) or its row key
    (T3-C), joined to the value with ＝ so a numbered sub-row reads （四）1＝4."""
    if identity.code == "T3-B":
        return ref.column_key
    if identity.code == "T4-A":
        return tpl.t4_column_parts(ref.column_key)[1]
    return f"{ref.row_key}＝"


def _sum_text(identity: Identity, blanks: dict[CellKey, BlankTotal]) -> tuple[float, str]:
    """The parts' sum and its non-zero terms: (8, "自然人6 + 其他2")."""
    values = [(ref, -coefficient * _value(ref, blanks)) for coefficient, ref in identity.parts]
    shown = [f"{_part_name(identity, ref)}{format_number(value)}" for ref, value in values if value]
    return sum(value for _, value in values), " + ".join(shown) or "各项均为0"


def describe(identity: Identity, blanks: dict[CellKey, BlankTotal]) -> str:
    """The identity with the report's numbers, saying on which side it breaks."""
    total = format_number(_value(identity.total, blanks))
    if identity.code == "T3-A":
        handled, out, new, carried = (_value(ref, blanks) for _, ref in identity.terms)
        return (
            f"{identity.scope}：一（本年新收）{format_number(new)} + 二（上年结转）{format_number(carried)}"
            f" = {format_number(new + carried)}，而（七）总计{total} + 四（结转下年度）{format_number(out)}"
            f" = {format_number(handled + out)}"
        )
    parts_sum, terms = _sum_text(identity, blanks)
    what = {
        "T3-B": "：总计为{total}，但六类申请人之和为{sum}（{terms}）",
        "T3-C": "：（七）总计为{total}，但各项办理结果之和为{sum}（{terms}）",
        "T4-A": "：总计为{total}，但四项结果（维持、纠正、其他、尚未审结）之和为{sum}（{terms}）",
    }[identity.code]
    return identity.scope + what.format(total=total, sum=format_number(parts_sum), terms=terms)


def operands(identities: Iterable[Identity]) -> list[CellRef]:
    """Every cell of *identities*, once each, in order: the evidence of a finding."""
    cells: dict[CellKey, CellRef] = {}
    for identity in identities:
        for _, ref in identity.terms:
            cells.setdefault(cell_key(ref), ref)
    return list(cells.values())


@record(frozen=True, slots=True)
class TableIdentities:
    """A table's identities with their blank totals: what A001–A003 all start from."""

    identities: list[Identity]
    blanks: dict[CellKey, BlankTotal]


def report_identities(report: Report) -> dict[str, TableIdentities]:
    """The identities of tables 三 and 四 present in *report*.

    Use it through ``report.derived(report_identities)`` so it is computed once per
    report for all the A rules.
    """
    found: dict[str, TableIdentities] = {}
    for kind, build in ((T3, t3_identities), (T4, t4_identities)):
        table = report.tables.get(kind)
        if table is not None:
            identities = build(table)
            found[kind] = TableIdentities(identities, blank_totals(identities))
    return found
