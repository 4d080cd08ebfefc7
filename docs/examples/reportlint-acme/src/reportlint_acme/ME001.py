"""ME001 signature-missing: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions
from reportlint.text import fold, strip_spaces

_DATE_RE = re.compile(
    r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
_SENTENCE_END = ("。", "；", ";", "：", ":")
_MAX_NAME_LENGTH = 40


class SignatureOptions(RuleOptions):
    """Options of ME001 (``[tool.reportlint.rules.ME001]``); keys are written with dashes."""

    search_lines: int = Field(
        default=3,
        ge=1,
        le=20,
        description="How many non-blank lines at the end of the report are searched for the signature.",
    )
    require_agency: bool = Field(
        default=True,
        description="Also require a line before the date that names the agency of the title.",
    )


class SignatureMissing(Rule[SignatureOptions]):
    """What it does:
        Looks at the last non-blank lines of the report for the signature that closes
        an official document: a line with the agency's name and a line with the date,
        written 2024年1月20日 or 二〇二四年一月二十日, alone or after the name on the same
        line. It reports the report's last line when there is no date there, or, with
        require-agency, the date when neither its line nor a line before it names the
        agency of the title.

    Why it matters:
        The signature says who publishes the report and when. Without the date nobody
        can check that the report came out by 1月31日 as 条例第四十九条 requires, and
        evaluators mark an unsigned report as incomplete.

    Example:
        examples/2020-qinghe-town.txt ends with the sentence of 六、其他需要报告的事项
        and no signature, so ME001 reports its last line. examples/2023-water-bureau.txt
        ends with 桐溪县水利局 and 2024年3月15日 and passes.

    Fix:
        End the report with two lines: the agency's full name as in the title, and the
        date of the report, e.g. 桐溪县水利局 / 2024年1月20日.
    """

    code = "ME001"
    name = "signature-missing"
    summary = "报告末尾缺少落款（机关名称和成文日期）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding at the last line when the signature is missing or incomplete."""
        tail = _last_lines(report.lines, self.options.search_lines)
        if not tail:
            return
        dates = [(i, before) for i, (_, text) in enumerate(tail) if (before := _before_date(text)) is not None]
        if not dates:
            yield self.at_line(
                report,
                f"报告末尾缺少成文日期：最后{len(tail)}行中没有形如「2024年1月20日」的日期行，"
                "请在文末写明发布机关名称和日期",
                tail[-1][0],
            )
            return
        index, before = dates[-1]
        names = [before, *(text for _, text in tail[:index])]
        if self.options.require_agency and not any(_names_agency(name, report.agency) for name in names):
            agency = f"「{report.agency}」" if report.agency else ""
            yield self.at_line(report, f"报告末尾的日期前缺少发布机关名称{agency}", tail[index][0])


def _last_lines(lines: list[str], count: int) -> list[tuple[int, str]]:
    """The last *count* non-blank lines as (1-based line number, stripped text)."""
    found: list[tuple[int, str]] = []
    for number in range(len(lines), 0, -1):
        text = strip_spaces(lines[number - 1])
        if text:
            found.append((number, text))
            if len(found) == count:
                break
    return found[::-1]


def _before_date(text: str) -> str | None:
    """The text before the date if *text* is a signature's date line (``""`` if alone), else ``None``."""
    folded = fold(text)
    match = _DATE_RE.search(folded)
    if match is None:
        return None
    before = folded[: match.start()]
    return before if not before or _is_name(before) else None


def _is_name(text: str) -> bool:
    """Whether *text* can be a signature's name line: short, and not a sentence."""
    return 0 < len(text) <= _MAX_NAME_LENGTH and not text.endswith(_SENTENCE_END)


def _names_agency(text: str, agency: str | None) -> bool:
    """Whether a signature line names the agency (any name-like line if it is unknown)."""
    if agency:
        return fold(agency) in fold(text)
    return _is_name(text)
