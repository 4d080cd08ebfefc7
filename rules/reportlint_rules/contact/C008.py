"""C008 postcode-region-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import ADDRESS, MAX_PER_LINE, POSTCODE, fields_by_line
from reportlint_rules.contact._phones import checked_phones
from reportlint_rules.contact._places import area_place, province_label, region_of
from reportlint_rules.contact.postcodes import province_for_postcode


class PostcodeRegionMismatch(Rule):
    """What it does:
        Finds the province of every six-digit postcode from its first two digits (China
        Post's ranges, ``postcodes.py``: 33–34 江西, 35–36 福建 …) and compares it with
        the province named by the address on the same line, or, when the address names
        none, by the report's title (江西省, or a prefecture-level city such as 宜春市).
        When neither names a province, it compares the postcode with the area code of
        the fixed-line numbers on the same line (0795 → 江西省宜春市). Only the province
        is compared: postcodes below that level need a database.

    Why it matters:
        A postcode from another province is the sign of a contact line copied from
        another agency's report (template-spec §6, E3); letters go to the wrong place.

    Example:
        "地址：樟树市昌傅镇人民政府，电话：0795-7831032，邮编：350213" — 35 is 福建, the
        area code 0795 is 江西省宜春市.

    Fix:
        Write the postcode of the agency's own address.
    """

    code = "C008"
    name = "postcode-region-mismatch"
    summary = "邮政编码与报告所在省份不符"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per postcode whose province differs from the report's."""
        for fields in fields_by_line(report):
            postcodes = [found for found in fields if found.kind == POSTCODE][:MAX_PER_LINE]
            if not postcodes:
                continue
            addresses = [found for found in fields if found.kind == ADDRESS]
            places = [
                (found, place)
                for found, verdict in checked_phones(fields)
                if verdict.area_code and (place := area_place(verdict.area_code)) is not None
            ]
            for postcode in postcodes:
                province = province_for_postcode(postcode.digits)
                if province is None:
                    continue
                named, source = region_of(report, postcode, addresses)
                what = f"邮编「{postcode.value}」属于{province}（以“{postcode.digits[:2]}”开头）"
                if named.provinces:
                    if province in named.provinces:
                        continue
                    message = f"{what}，但{source}在{province_label(named.provinces)}"
                elif places and all(place.province != province for _, place in places):
                    phone, place = places[0]
                    message = f"{what}，但电话「{phone.value}」的区号属于{place.description}"
                else:
                    continue
                yield self.at_line(report, message, postcode.line, postcode.column, length=len(postcode.value))
