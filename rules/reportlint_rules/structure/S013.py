"""S013 leftover-fill-in-hint: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._labels import hint_text


class LeftoverFillInHint(Rule):
    """检查内容：
        表二、表三或表四的表头单元格或行名中带有模板没有的文字时报告：括号中的注释，既不是模板原有的表述（「（区
        分处理的，只计这一情形，不计其他情形）」「（单位：万元）」、表三的注释），也不是序号或单纯的单位；或者
        「减用负值表示」「请填写」「指2019年…」之类的填报说明。消息引用该说明文字。

    为何重要：
        省级主管部门下发模板时附有填报说明；把说明一并公开，说明表格没有填完，评估中也将其列为常见错误
        （template-spec §6 E9：武汉市生态环境局 2020 在表二中留下了「(指2019年事项数)」「减用负值表示，如-8」和
        「（设区的市、自治州人民政府应提供相关数据）」）。

    示例：
        表头单元格「上一年项目数量(指2019年事项数)」；行名「规章(设区的市、自治州人民政府应提供相关数据)」。

    修改方法：
        删除说明文字，保留模板的标签。
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
