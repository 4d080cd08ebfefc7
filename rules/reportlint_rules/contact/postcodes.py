"""Province-level lookup for Chinese postcodes and province names in text.

Why: annual reports end with a contact block (address, phone, 邮编). A
postcode whose first two digits belong to a different province than the
address is a common copy-paste error from another agency's report, and it is
cheap to detect without any address database.

Source: China Post allocates six-digit postcodes in four tiers; the first two
digits identify the province-level division (municipalities end in "0", the
other divisions get one to four non-"0" prefixes). Reference:
Wikipedia, "List of postal codes in China",
https://en.wikipedia.org/wiki/List_of_postal_codes_in_China
(also reached as https://en.wikipedia.org/wiki/Postal_code_of_China).
The western ranges (61-86) were cross-checked against a public compiled table
(github.com/whaonub/baoxiaomi, src/assets/data/postcode.js). Prefix 86 is used
by 林芝 (Nyingchi, 860000) in 西藏 alongside 85.
Hong Kong (999077), Macau (999078) and Taiwan (00, reserved) are deliberately
not mapped: China Post does not deliver with them, so they never prove a
province in a mainland report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from reportlint.lazyre import lazy_compile
from reportlint.text import ascii_digits

# (short name, first prefix, last prefix), inclusive; from the source above.
_RANGES: tuple[tuple[str, int, int], ...] = (
    ("北京", 10, 10), ("上海", 20, 20), ("天津", 30, 30), ("重庆", 40, 40),
    ("内蒙古", 1, 2), ("山西", 3, 4), ("河北", 5, 7),
    ("辽宁", 11, 12), ("吉林", 13, 13), ("黑龙江", 15, 16),
    ("江苏", 21, 22), ("安徽", 23, 24), ("山东", 25, 27),
    ("浙江", 31, 32), ("江西", 33, 34), ("福建", 35, 36),
    ("湖南", 41, 42), ("湖北", 43, 44), ("河南", 45, 47),
    ("广东", 51, 52), ("广西", 53, 54), ("贵州", 55, 56), ("海南", 57, 57),
    ("四川", 61, 64), ("云南", 65, 67),
    ("陕西", 71, 72), ("甘肃", 73, 74), ("宁夏", 75, 75),
    ("青海", 81, 81), ("新疆", 83, 84), ("西藏", 85, 86),
)  # fmt: skip

PROVINCE_BY_PREFIX: Mapping[str, str] = MappingProxyType(
    {f"{p:02d}": name for name, lo, hi in _RANGES for p in range(lo, hi + 1)}
)


def province_for_postcode(code: str) -> str | None:
    """Return the province short name for a six-digit postcode, else None.

    Full-width digits are accepted because Word-produced reports often use
    them. Anything that is not exactly six digits, or whose prefix is not
    allocated, returns None so callers can report "unknown" rather than guess.
    """
    code = ascii_digits(code.strip())
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    return PROVINCE_BY_PREFIX.get(code[:2])


# Official suffixes, so "江西省" / "广西壮族自治区" are recognised in full.
_SUFFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **{m: ("市",) for m in ("北京", "上海", "天津", "重庆")},
        "内蒙古": ("自治区",),
        "西藏": ("自治区",),
        "广西": ("壮族自治区", "自治区"),
        "宁夏": ("回族自治区", "自治区"),
        "新疆": ("维吾尔自治区", "自治区"),
        "香港": ("特别行政区",),
        "澳门": ("特别行政区",),
    }
)

PROVINCE_NAMES: tuple[str, ...] = tuple(dict.fromkeys([name for name, _, _ in _RANGES] + ["台湾", "香港", "澳门"]))

# Short names that are too often a substring of ordinary text to count on
# their own; they are recognised only with their suffix (e.g. "河南省"):
# 河北区 (Tianjin), 黄河南岸, 洪湖北, 洞庭湖南, 上海南路, 海南藏族自治州,
# 浙江西部, 长江苏州段, 中山东路/中山西路, 推广西部, 隆重庆祝, 幸福建设,
# 东西藏起来, 白云南路.
_AMBIGUOUS_BARE: frozenset[str] = frozenset({
    "河北", "河南", "湖北", "湖南", "海南", "江西", "江苏", "山东", "山西",
    "广西", "重庆", "福建", "西藏", "云南",
})  # fmt: skip


def _forms() -> dict[str, str]:
    """Map every recognised spelling (full or bare) to its short name."""
    forms: dict[str, str] = {}
    for name in PROVINCE_NAMES:
        for suffix in _SUFFIXES.get(name, ("省",)):
            forms[name + suffix] = name
        if name not in _AMBIGUOUS_BARE:
            forms[name] = name
    return forms


_FORMS: Mapping[str, str] = MappingProxyType(_forms())
# Longest first so "广西壮族自治区" wins over "广西自治区" at the same position.
_PROVINCE_RE = lazy_compile("|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True)))
_SUFFIXED_RE = lazy_compile(
    "|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True) if f not in PROVINCE_NAMES)
)


def provinces_named_in(text: str, *, bare: bool = True) -> set[str]:
    """Return the short names of provinces mentioned in ``text``.

    A province counts when written with its official suffix (省, 市 for the
    four municipalities, 自治区 / 壮族自治区 etc., 特别行政区), or by bare
    short name when that name is not in ``_AMBIGUOUS_BARE``. With
    ``bare=False`` only suffixed names count: use that for street addresses,
    where 上海路, 北京东路, 吉林街 name streets, not provinces. City names are
    not resolved to provinces here: see ``areacodes``.
    """
    pattern = _PROVINCE_RE if bare else _SUFFIXED_RE
    return {_FORMS[m.group(0)] for m in pattern.finditer(text)}
