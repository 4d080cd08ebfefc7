"""Which province and city an area code serves, and which ones a piece of text names.

The area codes come from ``areacodes`` (phonenumbers' geocoder data). A city counts
only as a prefecture-level name ending in 市 that the geocoder lists for some area code
(宜春市, 淮安市); county-level cities such as 樟树市 are not in that list and are
ignored, so an address in 樟树市 is never compared with 0795 at the city level.
Province names count only with their suffix (江西省, 北京市, 广西壮族自治区): street
names such as 上海路 or 北京东路 must not move an address to another province.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint_rules.contact._fields import Field
from reportlint_rules.contact.areacodes import AREA_CODES
from reportlint_rules.contact.postcodes import PROVINCE_NAMES, provinces_named_in

_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@record(frozen=True, slots=True)
class Place:
    """A province (short name, as in ``postcodes``) and the cities named with it."""

    province: str
    cities: frozenset[str]
    description: str


@record(frozen=True, slots=True)
class Named:
    """The provinces and known cities a text names."""

    provinces: frozenset[str]
    cities: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.provinces or self.cities)


def area_place(code: str) -> Place | None:
    """Where an area code ("795") is used, or ``None`` if the table does not know it."""
    description = AREA_CODES.get(code)
    return _parse(description) if description else None


@cache
def _parse(description: str) -> Place | None:
    """Split "江西省宜春市" / "辽宁省沈阳市、铁岭市" / "广西柳州市" into province and cities."""
    province = next((name for name in PROVINCE_NAMES if description.startswith(name)), None)
    if province is None:
        return None
    rest = description[len(province) :]
    for suffix in _PROVINCE_SUFFIXES:
        if rest.startswith(suffix) and not rest.startswith(suffix + "市"):
            rest = rest[len(suffix) :]
            break
    cities = frozenset(name for name in rest.split("、") if name.endswith("市") and len(name) >= 3)
    return Place(province, cities, description)


@cache
def _city_provinces() -> dict[str, str]:
    """City → province, for the cities that belong to exactly one province."""
    seen: dict[str, set[str]] = {}
    for code in AREA_CODES:
        place = area_place(code)
        if place is not None:
            for city in place.cities:
                seen.setdefault(city, set()).add(place.province)
    return {city: next(iter(provinces)) for city, provinces in seen.items() if len(provinces) == 1}


@cache
def _city_pattern() -> re.Pattern[str]:
    """One alternation of every known city name, longest first."""
    names = sorted(_city_provinces(), key=lambda name: (-len(name), name))  # the same source every run
    return lazy_compile("|".join(re.escape(name) for name in names))


@lru_cache(maxsize=256)
def places_named_in(text: str) -> Named:
    """The provinces (suffixed names, or through a named city) and known cities in *text*."""
    cities = frozenset(match.group() for match in _city_pattern().finditer(text))
    provinces = set(provinces_named_in(text, bare=False))
    provinces.update(_city_provinces()[city] for city in cities)
    return Named(frozenset(provinces), cities)


def city_of(name: str) -> str | None:
    """The province of a known city name, else ``None``."""
    return _city_provinces().get(name)


def region_of(report: Report, found: Field, addresses: list[Field]) -> tuple[Named, str]:
    """Where the contact block around *found* says the agency is, and which text says so.

    *addresses* are the address fields of the line, in order. The one nearest to
    *found* counts first (a line may list two offices); when it names no province or
    known city (most addresses start below the city: "樟树市昌傅镇人民政府"), the
    report's title.
    """
    if addresses:
        columns = [address.column for address in addresses]
        index = bisect_left(columns, found.column)
        near = addresses[max(0, index - 1) : index + 1]
        nearest = min(near, key=lambda address: abs(address.column - found.column))
        named = places_named_in(nearest.value)
        if named:
            return named, f"地址「{nearest.value}」"
    title = report.title.text if report.title else ""
    return places_named_in(title), f"标题「{title}」"


def province_label(names: frozenset[str]) -> str:
    """ "江苏" or "江苏、安徽" for a message."""
    return "、".join(sorted(names))
