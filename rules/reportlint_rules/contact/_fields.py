"""Contact details in a report's prose: the labelled phone, postcode and address values.

Reports put them in the opening paragraph ("如对本报告有任何疑问，请与…联系（地址：…，
邮编：…，电话：…）") and write the labels in many ways: 电话 / 电 话 / 联系电话 / 电话/传真,
邮编 / 邮 编 / 邮政编码, with or without a colon, with half- or full-width punctuation.
A value is taken only right after its label, so numbers elsewhere in the text (counts,
dates, document numbers) are never read as phone numbers or postcodes.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint.rulebase import Paragraph, prose
from reportlint.text import ascii_digits

PHONE, POSTCODE, ADDRESS = "phone", "postcode", "address"

_PHONE_LABEL = lazy_compile(
    r"(?:电\s?话|传\s?真)(?:号码)?(?:\s?[/／、]\s?(?:传\s?真|电\s?话))?"
    r"|热线(?:电话)?|联系方式|手机(?:号码)?|拨打|(?<![A-Za-z])(?:TEL|Tel|tel)(?![A-Za-z])"
)
_POSTCODE_LABEL = lazy_compile(r"邮\s?编|邮政编码")
_ADDRESS_LABEL = lazy_compile(r"地\s?址\s*(为|是|位于|在|[:：,，])\s*[:：]?\s*")
_LABEL_PREFIXES = frozenset(
    ("联系", "咨询", "办公", "值班", "监督", "投诉", "举报", "服务", "受理", "政务", "通讯", "通信", "详细", "单位")
)
"""Words before a label that belong to it (联系电话, 通讯地址); the label pattern
itself starts with its fixed part, so that scanning a long line stays fast."""
_COMMA_ADDRESS_PREFIXES = frozenset(("联系", "通讯", "通信", "办公"))
"""Only these address labels are also written with a comma: "联系地址，平潭综合实验区…"."""
_AFTER_LABEL = lazy_compile(r"\s*(?:为|是)?\s*[:：]?\s*")
_NUMBER = lazy_compile(r"[(（+]?[0-9０-９][0-9０-９()（）\-－—–‐ ]{0,24}")
_NUMBER_SEPARATOR = lazy_compile(r"\s*[、/／,，或;；]\s*")
_POSTCODE_VALUE = lazy_compile(r"[0-9０-９][0-9０-９ ]{0,9}")
_ADDRESS_VALUE = lazy_compile(r"[^，,；;。）)\n]{1,80}")
_NOT_DIGIT = lazy_compile(r"[^0-9]")
_COUNT_UNITS = frozenset("个次人件条通余多万千百部台路年月日号位家名份天小时分批项")
"""A number followed by one of these is a count or a date, not a phone number."""

MAX_PER_LINE = 10
"""Findings of one C rule per line, at most: pasted junk must not give thousands."""


@record(frozen=True, slots=True)
class Field:
    """One labelled contact value as written, and where it starts."""

    kind: str
    label: str
    value: str
    line: int
    column: int
    index: int = 0
    """Place in a list after one label: 1 for 23165251 in "电话：0591-23165250、23165251"."""

    @property
    def digits(self) -> str:
        """The value's ASCII digits only (full-width digits folded)."""
        return _NOT_DIGIT.sub("", ascii_digits(self.value))


_LAST: list[tuple[Report, list[Field]]] = []
"""The fields of the report read last: the eight C rules read the same report in turn."""


def contact_fields(report: Report) -> list[Field]:
    """Every labelled phone, postcode and address value in the report's prose, in order."""
    if _LAST and _LAST[0][0] is report:
        return _LAST[0][1]
    found: list[Field] = []
    for paragraph in prose(report):
        found.extend(fields_in_line(paragraph))
    _LAST[:] = [(report, found)]
    return found


def fields_by_line(report: Report) -> list[list[Field]]:
    """The contact values grouped by the line they are on (lines without any left out)."""
    groups: dict[int, list[Field]] = {}
    for found in contact_fields(report):
        groups.setdefault(found.line, []).append(found)
    return list(groups.values())


def fields_in_line(line: Paragraph) -> Iterator[Field]:
    """The labelled contact values of one line of prose."""
    text = line.text
    for match in _PHONE_LABEL.finditer(text):
        label = _prefix(text, match.start()) + match.group()
        yield from _phone_values(line, label, _skip_colon(text, match.end()))
    for match in _POSTCODE_LABEL.finditer(text):
        start = _skip_colon(text, match.end())
        value = _POSTCODE_VALUE.match(text, start)
        if value:
            yield Field(POSTCODE, match.group(), value.group().rstrip(), line.line, line.column + start)
    for match in _ADDRESS_LABEL.finditer(text):
        prefix = _prefix(text, match.start())
        if match.group(1) in ",，" and prefix not in _COMMA_ADDRESS_PREFIXES:
            continue
        value = _ADDRESS_VALUE.match(text, match.end())
        if value and sum("\u4e00" <= char <= "\u9fff" for char in value.group()) >= 2:
            label = prefix + match.group().rstrip(" :：,，")
            yield Field(ADDRESS, label, value.group().strip(), line.line, line.column + match.end())


def _prefix(text: str, start: int) -> str:
    """The word before a label that belongs to it ("联系" in 联系电话), or ""."""
    word = text[max(0, start - 2) : start]
    return word if word in _LABEL_PREFIXES else ""


def _skip_colon(text: str, position: int) -> int:
    """The position after the spaces and colon that may follow a label."""
    after = _AFTER_LABEL.match(text, position)
    return after.end() if after else position


def _phone_values(line: Paragraph, label: str, start: int) -> Iterator[Field]:
    """The numbers after a phone label: "0591-23165250、23165251" gives two."""
    text, position, index = line.text, start, 0
    while True:
        number = _NUMBER.match(text, position)
        if number is None:
            return
        value = number.group().rstrip(" -－—–‐(（")
        if value.count(")") + value.count("）") > value.count("(") + value.count("（"):
            value = value.rstrip(")）")
        after = number.start() + len(value)
        if after < len(text) and text[after] in _COUNT_UNITS:
            return
        yield Field(PHONE, label, value, line.line, line.column + number.start(), index)
        index += 1
        separator = _NUMBER_SEPARATOR.match(text, number.end())
        if separator is None:
            return
        position = separator.end()
