"""S022 title-form: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions

_SPACES_RE = re.compile(r"[ \u3000\u00a0\t]+")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年(度)?")
_ENDING = "政府信息公开工作年度报告"
_FORM = "<机关名称><年份>年政府信息公开工作年度报告"


class TitleFormOptions(RuleOptions):
    """Options of S022."""

    strict: bool = Field(
        default=False,
        description=(
            "Also report the two variants evaluators tolerate: the year before the agency "
            "(「2019年上海市人民政府办公厅…」) and a title whose year is spelled 「2021年度」 while "
            "the text calls the report 「2021年…年度报告」 (or the other way round). Off by "
            "default: seven of the real reports differ this way, which is true but not worth "
            "a clerk's time."
        ),
    )


class TitleForm(Rule[TitleFormOptions]):
    """What it does:
        Checks the title against the form the formats prescribe,
        「<机关名称><年份>年政府信息公开工作年度报告」 (年 or 年度 after the year): it
        reports a title that names no agency, that names no year, or that does not end
        with 政府信息公开工作年度报告 (…年报, …工作报告, …年度工作报告). With ``strict`` it
        also reports a title that puts the year before the agency
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告") and a title that writes the
        year "2021年度" while the report's text calls it "2021年政府信息公开工作年度报告"
        (or the other way round), so that 年度 is spelled one way. Spaces are T008's finding and are ignored here. One
        finding, at the title.

        On by default, as a warning, with ``strict`` off: every title of the real
        reports has the agency, the year and the ending, so it adds no finding there;
        ``strict`` adds seven (one year-first title, six that spell 年度 two ways).

    Why it matters:
        The title is how the report is catalogued and cited; the 2019 and 2021 formats
        give it as "XX（行政机关名称）XXXX年政府信息公开工作年度报告", and evaluators
        check the form (agency named, year, wording) before they read further.

    Example:
        "2019年上海市人民政府办公厅政府信息公开工作年度报告" (2019_shanghai-municipal-office):
        the agency should come first.

    Fix:
        Write the title in the template's form: "上海市人民政府办公厅2019年政府信息公开
        工作年度报告".
    """

    code = "S022"
    name = "title-form"
    summary = "标题不符合「机关名称+年份+政府信息公开工作年度报告」的格式"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when the title departs from the template's form."""
        title = report.title
        if title is None:
            return
        text = _SPACES_RE.sub("", title.text)
        problem = _problem(text, report, self.options.strict)
        if problem:
            message = f"标题「{text}」{problem}，应为「{_FORM}」的格式"
            yield self.at_line(report, message, title.line, title.column)


def _problem(text: str, report: Report, strict: bool) -> str | None:
    """What is wrong with the title *text*, in words, or ``None``."""
    year = _YEAR_RE.search(text)
    if year is None:
        return "未写明年份"
    if not text.endswith(_ENDING):
        return f"未以「{_ENDING}」结尾"
    if year.start() == 0 and year.end() == len(text) - len(_ENDING):
        return "未写明机关名称"
    if year.start() == 0:
        return "把年份写在了机关名称之前" if strict else None
    if year.end() != len(text) - len(_ENDING):
        return "年份与「政府信息公开工作年度报告」之间有多余文字"
    if not strict:
        return None
    spelled = year.group()
    other = spelled[:-1] if year[1] else spelled + "度"
    body = "\n".join(report.lines[title_end(report) :])
    if f"{other}{_ENDING}" in _SPACES_RE.sub("", body) and f"{spelled}{_ENDING}" not in _SPACES_RE.sub("", body):
        return f"写作「{spelled}」，而正文称本报告为「{other}{_ENDING}」，「年度」前后写法不一"
    return None


def title_end(report: Report) -> int:
    """The index in ``report.lines`` just after the title line."""
    return report.title.line if report.title else 0
