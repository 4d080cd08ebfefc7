"""Checking telephone numbers with phonenumbers, and saying in Chinese what is wrong.

:func:`checked_phones` gives the verdicts on the phone numbers of one line, which C003
reports and C007, C008 compare with the address.

``phonenumbers`` is imported inside the functions, and its geocoder never (~200 ms,
~100 MB): places come from the generated ``areacodes`` table. Importing the package
still costs about a third of a flake8 start-up (it imports all of itself), for the two
or three numbers a report gives, and a draft gives the same numbers run after run. So
its verdicts are kept in reportlint's private cache folder (:mod:`reportlint.cache`),
in a plain-text file named for the installed phonenumbers (its ``__init__.py``'s size
and time) and this reportlint version, one file per install: a number seen before is answered from there,
and the package is imported only for a new one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

from reportlint.lazyre import lazy_compile
from reportlint.records import record
from reportlint.text import ascii_digits
from reportlint_rules.contact._fields import PHONE, Field
from reportlint_rules.contact.areacodes import AREA_CODES

_EXTENSION = lazy_compile(r"(.*[0-9０-９][^0-9０-９]+[0-9０-９]+)\s*[-－—–]\s*[0-9０-９]{1,5}")
_NOT_DIGIT = lazy_compile(r"[^0-9]")


@record(frozen=True, slots=True)
class PhoneCheck:
    """The verdict on one number: valid or not, its area code, or what is wrong."""

    valid: bool
    area_code: str | None = None
    """The area code without its 0 ("795"), for a valid fixed-line number."""
    problem: str = ""


def area_code_of(national: str) -> str:
    """The area code at the start of a national fixed-line number without its 0."""
    return national[:2] if national[:1] in ("1", "2") else national[:3]


def check_number(digits: str, *, international: bool = False, area_code: str | None = None) -> PhoneCheck:
    """Check a number given as its digits.

    ``international`` says the value started with +86. ``area_code`` is the code of the
    number before it in the same list ("0591-23165250、23165251"): a 7- or 8-digit
    number without a code borrows it.
    """
    if international and digits.startswith("86"):
        digits = digits[2:] if digits[2:3] == "1" else "0" + digits[2:]
    if area_code and len(digits) in (7, 8) and digits[0] not in "01":
        borrowed = _valid(f"0{area_code}{digits}")
        if borrowed.valid:
            return borrowed
    verdict = _valid(digits)
    if verdict.valid:
        return verdict
    return PhoneCheck(False, problem=_problem(digits))


@lru_cache(maxsize=1024)
def _valid(digits: str) -> PhoneCheck:
    """Whether phonenumbers accepts the digits as a Chinese number or short number.

    Answered from the verdicts kept between runs when the number was seen before.
    """
    memo = _memo()
    verdict = memo.verdicts.get(digits)
    if verdict is None:
        verdict = _ask_phonenumbers(digits)
        memo.keep(digits, verdict)
    return verdict


_MEMO_LIMIT = 2000
"""Numbers kept at most: an evaluator's run over thousands of reports must not make a
file that takes longer to read than phonenumbers takes to import (2,000 lines read in
about a millisecond)."""
_MEMO_FORMAT = "reportlint-phone-verdicts 1"


class _Memo:
    """The verdicts kept in the cache folder: one line per number, ``digits valid area``."""

    def __init__(self, path: str | None, header: str, verdicts: dict[str, PhoneCheck]) -> None:
        self.path = path
        self.header = header
        self.verdicts = verdicts

    def keep(self, digits: str, verdict: PhoneCheck) -> None:
        """Add a new verdict and rewrite the file (atomically; a failure only loses the memo)."""
        if self.path is None or len(self.verdicts) >= _MEMO_LIMIT or not _is_number(digits):
            return
        self.verdicts[digits] = verdict
        lines = [self.header]
        lines += [f"{key} {int(check.valid)} {check.area_code or '-'}" for key, check in self.verdicts.items()]
        from reportlint.atomic import write_atomically
        from reportlint.cache import seal

        try:
            write_atomically(self.path, "\n".join(lines) + "\n")
        except OSError:
            self.path = None  # a read-only or full cache folder: go on without keeping
        else:
            seal(self.path)


@lru_cache(maxsize=1)
def _memo() -> _Memo:
    """The verdicts of earlier runs with this phonenumbers and reportlint, if any were kept."""
    import zlib
    from importlib.util import find_spec

    from reportlint import __version__
    from reportlint.cache import private_cache_file

    spec = find_spec("phonenumbers")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return _Memo(None, "", {})
    try:
        installed = os.stat(spec.origin)
    except OSError:
        return _Memo(None, "", {})
    header = f"{_MEMO_FORMAT} reportlint {__version__} phonenumbers {installed.st_size} {installed.st_mtime_ns}"
    # One file per install: two environments sharing a home would otherwise replace each
    # other's verdicts on every start, and import phonenumbers each time.
    path = private_cache_file(f"phone-verdicts-{zlib.crc32(header.encode()):08x}.txt")
    verdicts: dict[str, PhoneCheck] = {}
    if path is not None:
        try:
            with open(path, encoding="ascii", errors="replace") as kept:
                if kept.readline().rstrip("\n") == header:
                    verdicts = _read_verdicts(kept)
        except OSError:
            pass  # none kept yet, or unreadable: ask phonenumbers
    return _Memo(path, header, verdicts)


def _read_verdicts(lines: Iterator[str]) -> dict[str, PhoneCheck]:
    """The well-formed lines of a kept file (anything else is skipped, never trusted)."""
    verdicts: dict[str, PhoneCheck] = {}
    for line in lines:
        parts = line.split()
        if len(verdicts) >= _MEMO_LIMIT:
            break
        if len(parts) != 3 or not _is_number(parts[0]) or parts[1] not in ("0", "1"):
            continue
        area = None if parts[2] == "-" else parts[2]
        if area is not None and not (_is_number(area) and len(area) <= 3):
            continue
        verdicts[parts[0]] = PhoneCheck(parts[1] == "1", area)
    return verdicts


def _is_number(digits: str) -> bool:
    return 0 < len(digits) <= 20 and digits.isascii() and digits.isdigit()


def _ask_phonenumbers(digits: str) -> PhoneCheck:
    """phonenumbers' verdict on the digits (imports the package on first use)."""
    import phonenumbers
    from phonenumbers import PhoneNumberType, shortnumberinfo

    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return PhoneCheck(False)
    if phonenumbers.is_valid_number_for_region(number, "CN"):
        kind = phonenumbers.number_type(number)
        if kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
            return PhoneCheck(True, area_code_of(str(number.national_number)))
        return PhoneCheck(True)
    if len(digits) <= 6 and shortnumberinfo.is_valid_short_number_for_region(number, "CN"):
        return PhoneCheck(True)
    return PhoneCheck(False)


def _problem(digits: str) -> str:
    """What is wrong with an invalid number, for the message."""
    count = len(digits)
    if digits.startswith("0"):
        return _fixed_line_problem(digits)
    if digits.startswith("1"):
        if count == 11:
            return "不是有效的手机号码（没有这个号段）"
        if count <= 6:
            return "不是有效的服务号码（如12345）"
        return f"手机号码应为11位，这里是{count}位"
    if digits.startswith(("400", "800")):
        return f"400/800服务电话应为10位，这里是{count}位"
    if count in (7, 8):
        return "缺少区号（固定电话应写成“区号-号码”，如0795-7831032）"
    return f"不是有效的电话号码（{count}位数字）"


def _fixed_line_problem(digits: str) -> str:
    """What is wrong with an invalid number that starts with the trunk prefix 0."""
    code = area_code_of(digits[1:])
    place = AREA_CODES.get(code)
    if place is None:
        return f"区号0{code}不存在"
    subscriber = digits[1 + len(code) :]
    first = subscriber[:1] if subscriber[:1] not in ("", "0", "1") else "2"
    lengths = [n for n in (7, 8) if _valid(f"0{code}{first}{'2345678'[: n - 1]}").valid]
    where = f"区号0{code}（{place}）"
    if lengths and len(subscriber) not in lengths:
        expected = "或".join(str(n) for n in lengths)
        return f"{where}后的号码有{len(subscriber)}位，该地区的固定电话号码是{expected}位"
    return f"{where}后的号码「{subscriber}」不是有效的固定电话号码"


def checked_phones(fields: list[Field]) -> Iterator[tuple[Field, PhoneCheck]]:
    """The phone fields of one line with their verdicts (area codes carried along lists)."""
    area_code: str | None = None
    for found in fields:
        if found.kind != PHONE:
            continue
        international = found.value.lstrip("(（").startswith("+")
        borrowed = area_code if found.index else None
        verdict = check_number(found.digits, international=international, area_code=borrowed)
        extension = _EXTENSION.fullmatch(found.value)
        if not verdict.valid and extension:
            # "0591-23165250-8001": an extension after a valid number.
            digits = _NOT_DIGIT.sub("", ascii_digits(extension.group(1)))
            without = check_number(digits, international=international, area_code=borrowed)
            verdict = without if without.valid else verdict
        area_code = verdict.area_code
        yield found, verdict
