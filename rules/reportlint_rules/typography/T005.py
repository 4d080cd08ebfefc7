"""T005 enumeration-out-of-sequence: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model.numerals import NUMERALS
from reportlint.rulebase import Rule, prose

_ORDINAL = re.compile(rf"(?:^|(?<=[。；;，,：:（）()\s]))([{NUMERALS}])是")
"""An enumerating "X是" at the start of a clause (so 统一是 or 唯一是 never count)."""


class EnumerationOutOfSequence(Rule):
    """What it does:
        Follows the enumerating clauses "一是…二是…三是…" within each paragraph and
        reports an ordinal that does not follow the one before it: a repeat ("三是…三是"),
        a jump ("一是…三是"), or a step back. "一是" always starts a new list, and a
        paragraph may begin in the middle of a list that runs across paragraphs (its
        first ordinal is taken as given). After a break the count goes on from the
        ordinal that was due, so "一是…三是…三是" is one slip, reported once.

    Why it matters:
        Reports list their problems and measures this way, and evaluators read a broken
        sequence as a sign of copy-and-paste from another report or of a point that was
        deleted without renumbering — the kind of carelessness 国办公开办函〔2021〕30号 names
        ("敷衍塞责"). It also makes the text hard to cite ("第三点" is ambiguous).

    Example:
        "存在的问题主要有以下几个方面：一是……；三是……；三是……"
        (2023_pingtan-zone, section 五).

    Fix:
        Renumber the clauses: "一是……；二是……；三是……".
    """

    code = "T005"
    name = "enumeration-out-of-sequence"
    summary = "“一是、二是……”序号重复或跳号"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per ordinal that does not follow the one before it in its paragraph."""
        for paragraph in prose(report):
            for position, found, expected in out_of_sequence(paragraph.text):
                message = f"序号「{found}是」与前一项不连续：前一项是「{expected[0]}是」，此处应为「{expected[1]}是」"
                yield self.at_span(report, message, paragraph, position, position + len(found) + 1)


def out_of_sequence(text: str) -> Iterator[tuple[int, str, tuple[str, str]]]:
    """(position, ordinal found, (previous ordinal, expected ordinal)) for each break in *text*."""
    previous: int | None = None
    for match in _ORDINAL.finditer(text):
        number = NUMERALS.index(match[1]) + 1
        if number == 1 or previous is None or number == previous + 1 or previous >= len(NUMERALS):
            previous = number
            continue
        yield match.start(), match[1], (NUMERALS[previous - 1], NUMERALS[previous])
        previous += 1  # the item the author meant, so one slip is reported once
