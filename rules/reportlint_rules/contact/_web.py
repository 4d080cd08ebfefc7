"""E-mail and web addresses in a line of prose, and what is wrong with a malformed one.

Reports write them inside Chinese text ("门户网站（www.pingtan.gov.cn）", "电子邮箱：
pzxxgkb@163.com"), so a candidate is a run of ASCII address characters between
Chinese characters or brackets. The scanning is linear: "@" is found first and the
run around it is read with bounded patterns; web candidates are single-class runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint.rulebase import Paragraph, prose
from reportlint_rules.contact._fields import MAX_PER_LINE

_AT = lazy_compile("[@＠]")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN_PART = lazy_compile(r"[A-Za-z0-9._\-]{0,255}")
_EMAIL_LABEL = lazy_compile(r"(?:电子(?:邮箱|信箱|邮件)|邮箱|[Ee]-?[Mm][Aa][Ii][Ll])(?:地址)?\s*[:：]\s*")
_LABELLED_VALUE = lazy_compile(r"[A-Za-z0-9._%+\-]{1,64}")
_LOCAL_RE = lazy_compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*")
_DOMAIN_LABEL = lazy_compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?")
_TLD = lazy_compile(r"[A-Za-z]{2,24}")
_WEB_TOKEN = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9._~%/\\:：?#=&+\-]*")
_SCHEME = lazy_compile(r"([A-Za-z]+)([:：]?)([/\\]*)")
_HOST_END = lazy_compile(r"[/\\?#:]")
_SCHEMES = ("http", "https", "ftp")


@record(frozen=True, slots=True)
class Address:
    """An e-mail or web address as written, where it starts, and what is wrong with it."""

    text: str
    start: int
    """Offset of the address in the line's text."""
    problem: str
    suggestion: str = ""


def malformed(report: Report, find: Callable[[str], Iterator[Address]]) -> Iterator[tuple[Paragraph, Address]]:
    """The malformed addresses *find* reads in the prose, with their paragraph (MAX_PER_LINE each at most)."""
    for paragraph in prose(report):
        wrong = (address for address in find(paragraph.text) if address.problem)
        for address in islice(wrong, MAX_PER_LINE):
            yield paragraph, address


def emails(text: str) -> Iterator[Address]:
    """Every e-mail address of a line's text, with ``problem`` empty when it is well formed."""
    for at in _AT.finditer(text):
        start = at.start()
        while start > 0 and start > at.start() - 64 and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        end = _DOMAIN_PART.match(text, at.end())
        stop = end.end() if end else at.end()
        written = text[start:stop].rstrip(".")
        yield Address(written, start, email_problem(written))
    for label in _EMAIL_LABEL.finditer(text):
        value = _LABELLED_VALUE.match(text, label.end())
        if value is None:
            continue
        written = value.group().rstrip(".")
        after = text[value.end() : value.end() + 1]
        if after in ("@", "＠") or written.lower().startswith(("www", "http")):
            continue
        yield Address(written, label.end(), "缺少“@”")


def email_problem(written: str) -> str:
    """What is wrong with an e-mail address, or "" when it is well formed."""
    if "＠" in written:
        return "“＠”是全角字符，应为半角“@”"
    local, _, domain = written.partition("@")
    if "@" in domain:
        return "有两个“@”"
    if not local:
        return "“@”前缺少用户名"
    if not _LOCAL_RE.fullmatch(local):
        return f"用户名「{local}」格式不正确"
    return _host_problem(domain, "邮箱域名")


def web_addresses(text: str) -> Iterator[Address]:
    """Every web address of a line's text (with a scheme or starting with www)."""
    for token in _WEB_TOKEN.finditer(text):
        written = token.group().rstrip(".:：,")
        lower = written.lower()
        before = text[token.start() - 1 : token.start()]
        after = text[token.end() : token.end() + 1]
        if before in ("@", "＠") or after in ("@", "＠"):
            continue
        if lower.startswith(("http", "ftp")):
            scheme = _SCHEME.match(written)
            if scheme is None or scheme.end() == len(written) or not (scheme[2] or scheme[3]):
                continue
            problem, suggestion = url_problem(written)
        elif lower.startswith("www") and len(lower) > 3:
            problem, suggestion = _www_problem(written)
        else:
            continue
        yield Address(written, token.start(), problem, suggestion)


def url_problem(written: str) -> tuple[str, str]:
    """What is wrong with a web address that has a scheme, and the corrected address."""
    scheme = _SCHEME.match(written)
    assert scheme is not None
    name, colon, slashes = scheme.group(1), scheme.group(2), scheme.group(3)
    rest = written[scheme.end() :]
    fixed_name = name.lower() if name.lower() in _SCHEMES else None
    suggestion = f"{fixed_name}://{rest}" if fixed_name else ""
    if fixed_name is None:
        return f"协议名「{name}」拼写有误（应为http或https）", ""
    if not colon:
        return f"“{name}”后缺少冒号", suggestion
    if colon == "：":
        return f"“{name}”后的冒号是全角的“：”", suggestion
    if slashes != "//":
        return f"“{name}:”后应为两个斜杠“//”，这里是“{slashes}”", suggestion
    host = _HOST_END.split(rest, maxsplit=1)[0]
    problem = _host_problem(host, "域名")
    return problem, ""


def _www_problem(written: str) -> tuple[str, str]:
    """What is wrong with a web address written without a scheme ("www.…")."""
    if not written.lower().startswith("www."):
        return "“www”后缺少“.”", ""
    host = _HOST_END.split(written, maxsplit=1)[0]
    return _host_problem(host, "域名"), ""


def _host_problem(host: str, what: str) -> str:
    """What is wrong with a domain name, or "" when it is well formed."""
    if not host:
        return f"缺少{what}"
    labels = host.split(".")
    if len(labels) == 4 and all(label.isdigit() and int(label) < 256 for label in labels):
        return ""  # an IPv4 address
    if len(labels) < 2:
        return f"{what}「{host}」缺少“.”和后缀（如 .com、.gov.cn）"
    if any(not label for label in labels):
        return f"{what}「{host}」中有多余或连续的“.”"
    bad = next((label for label in labels if not _DOMAIN_LABEL.fullmatch(label)), None)
    if bad is not None:
        return f"{what}「{host}」中的「{bad}」含有不允许的字符"
    if not _TLD.fullmatch(labels[-1]):
        return f"{what}「{host}」的后缀「{labels[-1]}」不正确"
    return ""
