"""S020 signature-agency-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Paragraph, Rule, prose
from reportlint_rules.structure._labels import edit_distance

_SIGNATURE_RE = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff（）()]{3,40}?)"
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*$"
)
"""A signature line: a name alone on its line, perhaps with the date run on ("…公安局2022年1月7日").
Whether it is the agency's is decided by comparing it with the title's agency, not by
its ending, so that a misspelt last character (…财政金融居) is still read as a signature."""
_LAST_LINES = 4


class SignatureAgencyMismatch(Rule):
    """What it does:
        Compares the agency that signs the report (a line of its own among the last
        lines, an agency's name with or without the date) with the agency named in
        the title, and reports a signature that is a near miss of it — one character
        wrong, missing or extra, two in a name of eight characters or more — at the
        signature. A signature that is a
        longer or shorter form of the name (淮安市洪泽区人民政府 for 洪泽区人民政府), or
        another agency altogether (the office that signs for a government), is left
        alone: only a misspelt name is certain to be a fault.

        On by default, as a warning: on the real reports it finds the one misspelt
        signature SOURCES.md lists and nothing else.

    Why it matters:
        The signature is the agency's name as the public document states it; a
        misspelt name in it is a visible error of the published report, and shows the
        text was typed, not checked.

    Example:
        Title 「平潭综合实验区财政金融局2021年度…」, signature 「平潭综合实验区财政全融局」
        (2021_pingtan-finance-bureau).

    Fix:
        Write the agency's name exactly as in the title: 「平潭综合实验区财政金融局」.
    """

    code = "S020"
    name = "signature-agency-mismatch"
    summary = "落款机关名称与标题中的机关名称不一致"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when a signature line misspells the title's agency."""
        agency = report.agency
        if not agency or report.title is None:
            return
        for paragraph, name in _signatures(report):
            if name == agency or name in agency or agency in name:
                continue
            limit = 1 if len(agency) < 8 else 2  # a short name is easily near another word
            if edit_distance(name, agency, limit) <= limit:
                message = f"落款「{name}」与标题中的机关名称「{agency}」不一致"
                start = paragraph.text.index(name)
                yield self.at_span(report, message, paragraph, start, start + len(name))


def _signatures(report: Report) -> Iterator[tuple[Paragraph, str]]:
    """The signature lines among the report's last lines, with the name they sign."""
    title_line = report.title.line if report.title else 0
    last = [paragraph for paragraph in prose(report) if paragraph.line > title_line][-_LAST_LINES:]
    for paragraph in last:
        match = _SIGNATURE_RE.match(paragraph.text)
        if match:
            yield paragraph, match["name"]
