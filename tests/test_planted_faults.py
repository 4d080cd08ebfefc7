"""Faults of each new kind, planted at random places in every shared report, are found at their line.

For each kind of fault the rules S019–S024 and T006–T008 were written for, a seeded
random generator plants one fault in a copy of every report of ../shared (the seed and
the real corpus): a typo in a table-三 row label, a misspelt signature, markup residue
in a paragraph, a doubled word, a space in the title, the statistics period deleted, a
title that does not end with the template's words, a 2021-format section 一 that leaves
out one of its five aspects, a section 五 with only problems or only measures. The rule must find it at the line
where it was planted in at least 9 of 10 plantings (the reports' own faults aside: a
finding counts only at the planted line, or, for rules that list the lines of a fault
in one finding, when its message names that line).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from reportlint_rules.structure.S019 import template_row_labels
from reportlint_rules.structure.S023 import ASPECTS
from reportlint_rules.structure.S024 import IMPROVEMENTS_RE, PROBLEMS_RE

from reportlint.engine import Linter, read_report
from reportlint.model import Report
from reportlint.model.templates import T3, V2021
from reportlint.plugins import collect_rules, create_manager
from reportlint.policy import Policy, Selection
from reportlint.rulebase import prose
from reportlint.text import fold
from tests.conftest import shared_reports

SEED = 20261201
TRIALS = 3
"""Plantings per report and kind: 19 reports × 3 = 57 per kind."""
REQUIRED = 0.9
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
_RESIDUE = ("<!--[if !supportLists]-->", "&nbsp;", '<span style="font-size:16px">', "<!--[endif]-->", "<br />")
_PERIOD_WORDS = re.compile(
    r"统计(?:期限|时限|周期|区间|时间|期间|口径|范围)|1\s*月\s*1\s*日[^。；]{0,12}12\s*月\s*31\s*日"
    r"|(?:全年|年度)数据|自然年度"
)
"""Words that state the statistics period (none of them spans a 。 or ；)."""
_SENTENCE_END = re.compile(r"(?<=[。；])")
_OTHER_HAN = "甲乙丙丁戊己庚辛壬癸"


@dataclass(frozen=True)
class Planted:
    """A report's text with one fault planted, and the line the rule must report."""

    text: str
    line: int


Planter = Callable[[str, Report, random.Random], Planted | None]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def plant_row_label_typo(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Double, drop or change one character of a table-三 row label."""
    table = report.tables.get(T3)
    if table is None:
        return None
    labels = template_row_labels()
    lines = _lines(text)
    candidates = [
        number
        for number in range(table.line, table.end_line + 1)
        if lines[number - 1].startswith("\t") and fold(lines[number - 1].strip()) in labels
    ]
    if not candidates:
        return None
    number = rng.choice(candidates)
    label = lines[number - 1][1:]
    han = [index for index, char in enumerate(label) if "\u4e00" <= char <= "\u9fff"]
    index = rng.choice(han)
    change = rng.choice(("double", "drop", "replace"))
    if change == "double":
        label = label[: index + 1] + label[index:]
    elif change == "drop":
        label = label[:index] + label[index + 1 :]
    else:
        label = label[:index] + rng.choice([c for c in _OTHER_HAN if c != label[index]]) + label[index + 1 :]
    lines[number - 1] = "\t" + label
    return Planted(_join(lines), number)


def plant_signature(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Sign the report with its agency's name, one character of it changed."""
    agency = report.agency
    if not agency:
        return None
    index = rng.randrange(len(agency))
    wrong = agency[:index] + rng.choice([c for c in _OTHER_HAN if c != agency[index]]) + agency[index + 1 :]
    lines = _lines(text.rstrip("\n"))
    lines += [wrong, "2024年1月20日"]
    return Planted(_join(lines) + "\n", len(lines) - 1)


def _prose_line(report: Report, rng: random.Random, min_length: int = 10) -> tuple[int, int, str] | None:
    """A random paragraph (not the title): its line, column and text."""
    title = report.title.line if report.title else 0
    paragraphs = [p for p in prose(report) if p.line > title + 1 and len(p.text) >= min_length]
    if not paragraphs:
        return None
    paragraph = rng.choice(paragraphs)
    return paragraph.line, paragraph.column, paragraph.text


def plant_residue(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Put a piece of Word or HTML markup at a random place in a paragraph."""
    found = _prose_line(report, rng)
    if found is None:
        return None
    number, column, paragraph = found
    lines = _lines(text)
    at = column - 1 + rng.randrange(len(paragraph) + 1)
    lines[number - 1] = lines[number - 1][:at] + rng.choice(_RESIDUE) + lines[number - 1][at:]
    return Planted(_join(lines), number)


def plant_doubled_word(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Write a word of two to four Han characters of a paragraph twice."""
    found = _prose_line(report, rng)
    if found is None:
        return None
    number, column, paragraph = found
    runs = list(_HAN_RUN.finditer(paragraph))
    if not runs:
        return None
    run = rng.choice(runs)
    size = rng.choice((2, 3, 4))
    start = rng.randrange(run.start(), run.end() - size + 1)
    word = paragraph[start : start + size]
    lines = _lines(text)
    at = column - 1 + start + size
    lines[number - 1] = lines[number - 1][:at] + word + lines[number - 1][at:]
    return Planted(_join(lines), number)


def plant_title_space(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Put a space between two characters of the title's first line."""
    if report.title is None:
        return None
    lines = _lines(text)
    number = report.title.line
    line = lines[number - 1]
    inner = [index for index in range(1, len(line)) if not line[index - 1].isspace() and not line[index].isspace()]
    if not inner:
        return None
    at = rng.choice(inner)
    lines[number - 1] = line[:at] + rng.choice((" ", "\u3000")) + line[at:]
    return Planted(_join(lines), number)


def plant_no_period(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Delete every sentence that states the statistics period."""
    without = _without_period(text)
    if report.title is None or without is None:
        return None
    return Planted(without, report.title.line)


@cache
def _without_period(text: str) -> str | None:
    """*text* without its statistics-period sentences, or ``None`` if it has none.

    A sentence is a run of text up to its 。 or ； (line breaks included). The planting
    is the same every trial: done once per report.
    """
    kept = [sentence for sentence in _SENTENCE_END.split(text) if not _PERIOD_WORDS.search(sentence)]
    without = "".join(kept)
    return without if len(without) < len(text) else None


def plant_title_ending(text: str, report: Report, rng: random.Random) -> Planted | None:
    """End the title with another wording than 政府信息公开工作年度报告."""
    if report.title is None:
        return None
    lines = _lines(text)
    number = report.title.line
    for index in range(number - 1, min(number + 1, len(lines))):
        if lines[index].rstrip().endswith("年度报告"):
            ending = rng.choice(("年报", "工作报告", "年度工作报告"))
            lines[index] = lines[index].rstrip()[: -len("年度报告")] + ending
            return Planted(_join(lines), number)
    return None


def _section_lines(report: Report, number: int) -> range | None:
    """The line numbers of section *number*'s body (after its heading, before the next section)."""
    section = report.sections.get(number)
    if section is None:
        return None
    later = [report.sections[n].line for n in report.section_order if report.sections[n].line > section.line]
    return range(section.line + 1, min(later) if later else len(report.lines) + 1)


def _without_sentences(text: str, lines: range, pattern: re.Pattern[str]) -> str:
    """*text* with every sentence of *lines* that *pattern* finds deleted."""
    rows = _lines(text)
    for number in lines:
        sentences = re.split(r"(?<=[。；])", rows[number - 1])
        rows[number - 1] = "".join(sentence for sentence in sentences if not pattern.search(sentence))
    return _join(rows)


def plant_overview_aspect(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Delete from a 2021-format section 一 every sentence about one of its five aspects."""
    lines = _section_lines(report, 1)
    if lines is None or report.template.version != V2021:
        return None
    body = "\n".join(report.lines[number - 1] for number in lines)
    present = [pattern for _, pattern in ASPECTS if pattern.search(body)]
    if not present:
        return None
    return Planted(_without_sentences(text, lines, rng.choice(present)), report.sections[1].line)


def plant_one_sided_section_five(text: str, report: Report, rng: random.Random) -> Planted | None:
    """Keep only the problems, or only the measures, of section 五."""
    lines = _section_lines(report, 5)
    if lines is None:
        return None
    sides = [PROBLEMS_RE, IMPROVEMENTS_RE]
    rng.shuffle(sides)
    for removed, kept in (sides, sides[::-1]):
        planted = _without_sentences(text, lines, removed)
        rest = "".join(_lines(planted)[number - 1] for number in lines)
        if len(re.sub(r"[\W_]+", "", rest)) >= 30 and kept.search(rest) and not removed.search(rest):
            return Planted(planted, report.sections[5].line)
    return None


KINDS: dict[str, tuple[str, Planter]] = {
    "row-label-typo": ("S019", plant_row_label_typo),
    "signature": ("S020", plant_signature),
    "markup-residue": ("T006", plant_residue),
    "doubled-word": ("T007", plant_doubled_word),
    "title-space": ("T008", plant_title_space),
    "no-statistics-period": ("S021", plant_no_period),
    "title-form": ("S022", plant_title_ending),
    "overview-aspect-missing": ("S023", plant_overview_aspect),
    "section-five-one-sided": ("S024", plant_one_sided_section_five),
}


@cache
def _linter(code: str) -> Linter:
    manager = create_manager()
    return Linter(manager, collect_rules(manager), Policy(Selection.of(select=(code,))))


@cache
def _original(path: Path) -> tuple[str, Report]:
    """A shared report's text and model, read once for all the kinds planted in it (planting only reads the model)."""
    text = path.read_text(encoding="utf-8")
    return text, read_report(create_manager(), str(path), text.encode("utf-8"))


@cache
def _found(code: str, planted: Planted) -> bool:
    """Whether *code* reports the planted fault: at its line, or naming its line.

    Cached: a planting that comes out the same in two trials (deleting the period
    sentences is not random) is linted once.
    """
    for diagnostic in _linter(code).lint_bytes("planted.txt", planted.text.encode("utf-8")):
        if diagnostic.code != code:
            continue
        if diagnostic.line == planted.line or re.search(
            rf"第(?:\d+、)*{planted.line}(?:、\d+)*(?:等)?行", diagnostic.message
        ):
            return True
    return False


@pytest.mark.usefixtures("shared_dir")
@pytest.mark.parametrize("kind", list(KINDS))
def test_planted_faults_are_found_at_their_line(kind: str) -> None:
    code, plant = KINDS[kind]
    rng = random.Random(f"{SEED}-{kind}")
    found = planted = 0
    missed: list[str] = []
    for path in shared_reports():
        text, report = _original(path)
        for _ in range(TRIALS):
            fault = plant(text, report, rng)
            if fault is None:
                continue
            planted += 1
            if _found(code, fault):
                found += 1
            else:
                missed.append(f"{Path(path).name}:{fault.line}")
    assert planted >= len(shared_reports()), f"{kind}: planted only {planted} faults"
    assert found >= REQUIRED * planted, f"{kind}: found {found} of {planted}; missed {missed[:10]}"
