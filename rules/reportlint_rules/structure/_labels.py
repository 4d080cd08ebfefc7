"""The S rules' reading of table labels: the template's header labels, typos of them, fill-in hints.

Everything here reads the model (``ReportTable``) and the template
(``reportlint.model.templates``); nothing yields findings. The header labels are
those of template-spec §2.3–§3.5.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import ReportTable
from reportlint.model import templates as tpl
from reportlint.model.numerals import NUMERALS
from reportlint.model.templates import T2, T3
from reportlint.text import fold

_TEMPLATE_PARENS = frozenset(
    fold(text)
    for text in (
        "（区分处理的，只计这一情形，不计其他情形）",
        "（单位：万元）",
        tpl.T3_NOTE,
        *(f"（{digit}）" for digit in NUMERALS),
    )
)
_UNIT_PARENS = frozenset({"(件)", "(条)", "(个)", "(项)", "(元)", "(万元)", "(次)", "(笔)"})
_PAREN_RE = lazy_compile(r"\([^()]{0,200}\)")
_TEMPLATE_NOTE_WORDS = ("区分处理", "勾稽关系")
_NUMBER_PAREN_RE = lazy_compile(r"^\(\d{1,2}\)$")
_HINT_PHRASE_RE = lazy_compile(r"应提供|负值表示|请填|填写|填报|填列|注:|说明:|指\d{4}年|如-\d")


def header_labels(kind: str) -> dict[str, str]:
    """The template header labels of table *kind* (both versions), folded → as printed."""
    if kind == T2:
        labels = ["信息内容"]
        for version in tpl.T2_BLOCKS.values():
            for block in version:
                labels.append(f"第二十条第{block.item}项")
                labels.extend(block.columns)
    else:
        labels = list(tpl.T3_HEADER_LABELS if kind == T3 else tpl.T4_HEADER_LABELS)
    return {fold(label): label for label in labels}


# --- fill-in hints -----------------------------------------------------------------
def hint_text(text: str) -> str | None:
    """The part of a table label that is a fill-in hint, not template wording, if any.

    A hint is a parenthesised note that is neither template wording, numbering nor a
    bare unit ("（指2019年事项数）", "（设区的市、自治州人民政府应提供相关数据）"), or
    an instruction phrase ("减用负值表示", "请填写").
    """
    folded = fold(text)
    for match in _PAREN_RE.finditer(folded):
        inner = match[0]
        if inner in _TEMPLATE_PARENS or inner in _UNIT_PARENS or _NUMBER_PAREN_RE.match(inner):
            continue
        if inner.startswith("(单位") or any(words in inner for words in _TEMPLATE_NOTE_WORDS):
            continue  # a unit, or template wording written a little differently
        return inner
    stripped = _PAREN_RE.sub("", folded)
    found = _HINT_PHRASE_RE.search(stripped)
    if found:
        return stripped[max(0, found.start() - 4) : found.end() + 8]
    return None


def strip_hints(folded: str) -> str:
    """A folded label without its non-template parenthesised notes."""

    def keep(match: re.Match[str]) -> str:
        return match[0] if match[0] in _TEMPLATE_PARENS else ""

    return _PAREN_RE.sub(keep, folded)


# --- header labels -------------------------------------------------------------------
class Match(Enum):
    """How a header cell relates to a template label."""

    EXACT = "exact"
    TYPO = "typo"
    NONE = "none"


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of two short strings, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


@lru_cache(maxsize=4096)
def match_label(cell_text: str, label: str) -> Match:
    """Whether a header cell is *label* (hints allowed), a one-character typo of it, or neither."""
    folded = strip_hints(fold(cell_text))
    wanted = fold(label)
    if folded == wanted:
        return Match.EXACT
    if len(wanted) >= 4 and len(folded) <= 40 and edit_distance(folded, wanted, 1) <= 1:
        return Match.TYPO
    return Match.NONE


def closest_label(cell_text: str, labels: dict[str, str]) -> tuple[str | None, Match]:
    """The template label (as printed) a header cell is, or is a typo of."""
    folded = strip_hints(fold(cell_text))
    if folded in labels:
        return labels[folded], Match.EXACT
    for key, label in labels.items():
        if match_label(cell_text, key) is Match.TYPO:
            return label, Match.TYPO
    return None, Match.NONE


def t2_header_blocks(table: ReportTable) -> dict[str, list[syntax.Cell]]:
    """Table 二's header cells grouped by their 第二十条第（X）项 caption ("" before any)."""
    blocks: dict[str, list[syntax.Cell]] = {}
    current = ""
    for cell in table.header_cells:
        caption = tpl.T2_CAPTION_RE.search(fold(cell.text))
        if caption:
            current = f"（{caption[1]}）"
            blocks.setdefault(current, [cell])
            continue
        blocks.setdefault(current, []).append(cell)
    return blocks
