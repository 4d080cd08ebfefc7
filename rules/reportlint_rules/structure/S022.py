"""S022 title-form: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions

_SPACES_RE = lazy_compile(r"[ \u3000\u00a0\t]+")
_YEAR_RE = lazy_compile(r"(?:19|20)\d{2}\s*年(度)?")
_ENDING = "政府信息公开工作年度报告"
_FORM = "<机关名称><年份>年政府信息公开工作年度报告"


class TitleFormOptions(RuleOptions):
    """Options of S022."""

    strict: bool = Field(
        default=False,
        description=(
            "也报告评估中可以容忍的两种变体：年份在机关名称之前（「2019年上海市人民政府办公厅…」），以及标题"
            "将年份写作「2021年度」而正文称报告为「2021年…年度报告」（或者相反）。默认关闭：真实报告中有七份"
            "存在这种差异，这虽属实，但不值得占用填报人员的时间。"
        ),
    )


class TitleForm(Rule[TitleFormOptions]):
    """检查内容：
        对照格式规定的标题形式「<机关名称><年份>年政府信息公开工作年度报告」（年份之后为“年”或“年度”）检查标题：
        标题没有机关名称、没有年份，或者不以“政府信息公开工作年度报告”结尾（写作…年报、…工作报告、…年度工作报
        告）的，予以报告。启用 ``strict`` 时，还报告把年份放在机关名称之前的标题（“2019年上海市人民政府办公厅政
        府信息公开工作年度报告”），以及标题写作“2021年度”而正文称报告为“2021年政府信息公开工作年度报告”（或者相
        反）的情形，使“年度”的写法前后一致。空格由 T008 报告，此处不计。只报告一处，标在标题处。

        本规则为警告级别，默认启用，``strict`` 默认关闭：真实报告的标题都有机关名称、年份和规定的结尾，因此不会
        增加报告；``strict`` 增加七处（一处年份在前的标题，六处“年度”写法前后不一）。

    为何重要：
        标题是报告编目和引用的依据；2019年版和2021年版格式都规定为“XX（行政机关名称）XXXX年政府信息公开工作年度
        报告”，评估人员在阅读正文之前先检查标题的形式（机关名称、年份、表述）。

    示例：
        “2019年上海市人民政府办公厅政府信息公开工作年度报告”（2019_shanghai-municipal-office）：机关名称应当在
        前。

    修改方法：
        按模板的形式书写标题：“上海市人民政府办公厅2019年政府信息公开工作年度报告”。
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
