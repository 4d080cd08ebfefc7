"""C007 area-code-region-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import ADDRESS, MAX_PER_LINE, fields_by_line
from reportlint_rules.contact._phones import checked_phones
from reportlint_rules.contact._places import area_place, city_of, province_label, region_of


class AreaCodeRegionMismatch(Rule):
    """What it does:
        For every valid fixed-line number, looks up where its area code is used (a
        table generated from libphonenumber's geocoder data: 0795 → 江西省宜春市) and
        compares it with the place named by the address on the same line, or, when the
        address names none, by the report's title. Provinces count only with their
        suffix (江西省, 北京市) or through a prefecture-level city (淮安市 → 江苏). The
        province must match; the city is compared only when the text names a
        prefecture-level city of that same province (an address in 樟树市, a county-level
        city of 宜春, is not compared at the city level). Mobile and service numbers
        have no place and are skipped.

    Why it matters:
        A contact line copied from another agency's report (template-spec §6, E3) keeps
        that agency's phone number; readers then call the wrong office.

    Example:
        "地址：淮安市洪泽区洪泽湖大道90号，电话：0512-87222589" — 0512 is 苏州's area code,
        淮安's is 0517.

    Fix:
        Check the number; write the agency's own number with its own area code.
    """

    code = "C007"
    name = "area-code-region-mismatch"
    summary = "电话区号与报告所在地区不符"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per fixed-line number whose area code belongs elsewhere."""
        for fields in fields_by_line(report):
            addresses = [found for found in fields if found.kind == ADDRESS]
            reported = 0
            for found, verdict in checked_phones(fields):
                if reported == MAX_PER_LINE:
                    break
                place = area_place(verdict.area_code) if verdict.area_code else None
                if place is None:
                    continue
                named, source = region_of(report, found, addresses)
                if not named:
                    continue
                where = f"{found.label.replace(' ', '')}「{found.value}」的区号0{verdict.area_code}"
                if named.provinces and place.province not in named.provinces:
                    message = f"{where}属于{place.description}，但{source}在{province_label(named.provinces)}"
                else:
                    cities = frozenset(c for c in named.cities if city_of(c) == place.province)
                    if not cities or not place.cities or cities & place.cities:
                        continue
                    message = f"{where}属于{place.description}，但{source}在{province_label(cities)}"
                reported += 1
                yield self.at_line(report, message, found.line, found.column, length=len(found.value))
