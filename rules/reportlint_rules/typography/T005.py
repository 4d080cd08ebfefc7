"""T005 enumeration-out-of-sequence: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from bisect import bisect_right
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
        ordinal that was due, so "一是…三是…三是" is one slip, reported once. The message
        suggests the ordinal that was due only when the rest of the list and the first
        ordinal of the next paragraph (which may continue the list) do not already use
        it, so a suggestion is right or absent.

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
        """One finding per ordinal that does not follow the one before it in its paragraph.

        The message suggests the ordinal that was due only when no later clause of the
        list and not the next paragraph's first ordinal already uses it: "一是…五是" followed
        by a paragraph that opens with 二是 is a broken list, but "二是" is not the fix.
        """
        paragraphs = list(prose(report))
        for index, paragraph in enumerate(paragraphs):
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            after = ordinals(following)[:1]
            listed = [(match.start(), match[1]) for match in _ORDINAL.finditer(paragraph.text)]
            starts = [start for start, _ in listed]
            for position, found, expected in out_of_sequence(paragraph.text):
                rest = listed[bisect_right(starts, position) :][: len(NUMERALS)]  # a list has at most ten
                used = set(_same_list([numeral for _, numeral in rest]) + after)
                message = f"序号「{found}是」与前一项不连续：前一项是「{expected[0]}是」"
                if expected[1] not in used:
                    message += f"，此处应为「{expected[1]}是」"
                else:
                    message += f"（「{expected[1]}是」已在后文使用，请通篇核对编号）"
                yield self.at_span(report, message, paragraph, position, position + len(found) + 1)


def _same_list(found: list[str]) -> list[str]:
    """The ordinals up to the next "一是", which starts another list."""
    return found[: found.index(NUMERALS[0])] if NUMERALS[0] in found else found


def ordinals(text: str) -> list[str]:
    """The enumerating ordinals of *text*, in order ("一", "二" …)."""
    return [match[1] for match in _ORDINAL.finditer(text)]


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
