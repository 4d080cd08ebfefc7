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
    """检查内容：
        对每个有效的固定电话号码，查出其区号的使用地（一张由 libphonenumber 地理编码数据生成的表：0795
        → 江西省宜春市），与同一行地址所写的地方比较；地址没有写明地方时，与报告标题比较。省份只有带上后缀
        （江西省、北京市）或通过地级市（淮安市 → 江苏）才能识别。省份必须相符；只有当文字写明同一省份内的
        某个地级市时，才比较到市一级（地址在宜春下辖的县级市樟树市的，不在市一级比较）。手机号码和服务号码
        没有所属地，略过不查。

    为何重要：
        从其他机关报告中照抄的联系方式（template-spec §6，E3）保留着那个机关的电话号码，读者会打到别的单位
        去。

    示例：
        「地址：淮安市洪泽区洪泽湖大道90号，电话：0512-87222589」——0512 是苏州的区号，淮安的区号是 0517。

    修改方法：
        核对号码，写明本机关自己的号码和区号。
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
