"""C006 invalid-web-address: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._web import malformed, web_addresses


class InvalidWebAddress(Rule):
    """What it does:
        Checks every web address in the prose, i.e. every run of address characters that
        starts with a scheme (http, https, ftp) or with "www": the scheme must be
        followed by a half-width colon and two slashes ("https://"), and the host must
        be dot-separated names ending in a letters-only suffix ("www.pingtan.gov.cn").
        Addresses that are part of an e-mail address are left to C005.

    Why it matters:
        Reports say where the electronic version is published; a reader who copies a
        malformed address into a browser does not get there.

    Example:
        "网址：https//www.pingtan.gov.cn" (2024_pingtan-police): the colon after https
        is missing.

    Fix:
        Write the address as a browser shows it: "https://www.pingtan.gov.cn".
    """

    code = "C006"
    name = "invalid-web-address"
    summary = "网址格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per malformed web address."""
        for paragraph, address in malformed(report, web_addresses):
            fix = f"，应为「{address.suggestion}」" if address.suggestion else ""
            message = f"网址「{address.text}」格式不正确：{address.problem}{fix}"
            yield self.at_span(report, message, paragraph, address.start, address.start + len(address.text))
