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
    """检查内容：
        根据每个六位邮政编码的前两位（中国邮政的号段，``postcodes.py``：33–34 江西，35–36 福建 …）查出其所
        属省份，与同一行地址所写的省份比较；地址没有写明时，与报告标题所写的省份（江西省，或宜春市这样的地
        级市）比较。两者都没有写明省份时，把邮政编码与同一行固定电话的区号比较（0795 → 江西省宜春市）。只
        比较省份：省以下的邮政编码需要专门的数据库。

    为何重要：
        邮政编码属于另一个省份，说明联系方式是从其他机关的报告中照抄的（template-spec §6，E3）；信件会寄到
        别处。

    示例：
        「地址：樟树市昌傅镇人民政府，电话：0795-7831032，邮编：350213」——35 属于福建，而区号 0795 是江西
        省宜春市。

    修改方法：
        写明本机关地址所在地的邮政编码。
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
