"""S013 leftover-fill-in-hint: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._labels import hint_text


class LeftoverFillInHint(Rule):
    """What it does:
        Reports a header cell or row label of table 二, 三 or 四 that carries text the
        template does not have: a parenthesised note that is neither template wording
        (「（区分处理的，只计这一情形，不计其他情形）」, 「（单位：万元）」, the table-三
        note), numbering nor a bare unit, or an instruction such as 「减用负值表示」,
        「请填写」, 「指2019年…」. The finding quotes the note.

    Why it matters:
        Provincial offices send the template with fill-in instructions; publishing them
        shows the table was not finished, and evaluators list it as a common error
        (template-spec §6 E9: 武汉市生态环境局 2020 left 「(指2019年事项数)」,
        「减用负值表示，如-8」 and 「（设区的市、自治州人民政府应提供相关数据）」 in its
        table 二).

    Example:
        A header cell 「上一年项目数量(指2019年事项数)」; a row label
        「规章(设区的市、自治州人民政府应提供相关数据)」.

    Fix:
        Delete the note, keeping the template's label.
    """

    code = "S013"
    name = "leftover-fill-in-hint"
    summary = "表格中残留填报说明"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per header cell or row label that carries a fill-in note."""
        for table in report.tables.values():
            places = [(cell.text, cell.line, cell.column) for cell in table.header_cells]
            places += [(row.label, row.line, row.column) for row in (*table.rows.values(), *table.extra_rows)]
            for text, line, column in sorted(places, key=lambda place: (place[1], place[2])):
                hint = hint_text(text)
                if hint is not None:
                    message = f"表{table.kind}「{text}」中残留填报说明「{hint}」，应删除"
                    length = report.written_length(text, line, column)
                    yield self.at_line(report, message, line, column, length=length)
