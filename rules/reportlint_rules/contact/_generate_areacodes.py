"""Regenerate areacodes.py from the geocoding data of the phonenumbers package.

Run from the repository root (it writes next to this file)::

    .venv/bin/python -m reportlint_rules.contact._generate_areacodes

Nothing here runs on import: ``phonenumbers.geocoder`` costs ~200 ms and ~100 MB, so
the rules read the small static table this script writes instead.

How: every possible area code ("10", "20"–"29", "300"–"999") gets sample subscriber
numbers of 7 and 8 digits; the code is kept when one of them is a valid fixed-line
number, and its place is ``geocoder.description_for_number(sample, "zh")``. Codes whose
description names no province (0978 is described only as "中国") are left out.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT = Path(__file__).with_name("areacodes.py")

CANDIDATES = ("10", *(f"2{i}" for i in range(10)), *(str(i) for i in range(300, 1000)))

CORRECTIONS = {"株州市": "株洲市"}
"""Misspellings in the geocoding data (株洲 is the city's name)."""

PROVINCE_PREFIXES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江",
    "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
    "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
)  # fmt: skip

HEADER = '''"""Chinese fixed-line area codes and the places they serve. GENERATED, do not edit.

Regenerate with ``.venv/bin/python -m reportlint_rules.contact._generate_areacodes``
(phonenumbers {version}). Keys are area codes without the trunk prefix 0 ("795" for
0795); values are the Chinese descriptions of phonenumbers' geocoder for a sample
number of that code{corrections}.

Derived from the geocoding data of libphonenumber
(https://github.com/google/libphonenumber, Copyright (C) the libphonenumber authors),
through its Python port phonenumbers (https://github.com/daviddrysdale/python-phonenumbers);
both are licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

AREA_CODES: Mapping[str, str] = MappingProxyType(
    {{
'''


def area_descriptions() -> dict[str, str]:
    """Area code → Chinese description, for every code with a valid fixed-line sample."""
    import phonenumbers
    from phonenumbers import PhoneNumberType, geocoder

    fixed = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    table: dict[str, str] = {}
    for code in CANDIDATES:
        for length in (8, 7):
            samples = (f"0{code}{first}{'2345678'[: length - 1]}" for first in "23456789")
            for sample in samples:
                number = phonenumbers.parse(sample, "CN")
                if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in fixed:
                    table[code] = geocoder.description_for_number(number, "zh")
                    break
            if code in table:
                break
    for code, description in list(table.items()):
        for wrong, right in CORRECTIONS.items():
            description = description.replace(wrong, right)
        if description.startswith(PROVINCE_PREFIXES):
            table[code] = description
        else:
            del table[code]
    return table


def render(table: dict[str, str]) -> str:
    """The text of areacodes.py."""
    import phonenumbers

    corrections = "、".join(f"{wrong}→{right}" for wrong, right in CORRECTIONS.items())
    header = HEADER.format(
        version=phonenumbers.__version__,
        corrections=f", with one spelling corrected ({corrections})" if corrections else "",
    )
    body = "".join(f'        "{code}": "{description}",\n' for code, description in table.items())
    return header + body + "    }\n)\n"


def main() -> None:
    """Write areacodes.py."""
    OUTPUT.write_text(render(area_descriptions()), encoding="utf-8")


if __name__ == "__main__":
    main()
