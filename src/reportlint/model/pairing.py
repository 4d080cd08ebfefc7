"""Which report of a run is last year's report of which: agency and year, read from the reports.

Cross-year rules (the Y family and any pack's :class:`reportlint.rulebase.PairRule`)
compare a report with the same agency's report of the year before. Whether two files
are such a pair is decided from what the reports say about themselves — the agency
in the title (or, failing that, the signature) and the report year (the title, else
the statistics period) — never from file names, which are whatever the publisher or
the crawler chose.

Agency names are compared after normalisation: NFKC folding, no spaces, and a
trailing 「人民政府」 dropped, so 「洪泽区人民政府」 and 「洪泽区」 are one agency; a
name that is another with higher-level places in front (「淮安市洪泽区人民政府」 and
「洪泽区人民政府」) is the same agency when the shorter one is itself a place name or
starts with one. 「淮安市人民政府」 and 「淮安市洪泽区人民政府」 stay different.

Identifying a report costs a few string operations on what the model already holds;
only a report whose title lacks the agency or the year is searched further.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.records import record
from reportlint.text import fold, strip_spaces

_GOVERNMENT_SUFFIX = "人民政府"
_PLACE_ENDS = ("省", "市", "州", "盟", "地区", "县", "区", "旗", "镇", "乡", "街道", "自治州", "自治县")
"""The last characters of an administrative unit's name: what a higher-level prefix ends in."""
_PERIOD_RE = lazy_compile(r"((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|—|-|－|~|～)\s*((?:19|20)\d{2})年12月31日")
_SIGNATURE_DATE_RE = lazy_compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")
_SIGNATURE_LINES = 4
_PERIOD_SEARCH = 4000
"""The statistics period is stated near the start: only so many characters are searched."""
_MAX_NAME_LENGTH = 40


@record(frozen=True, slots=True)
class ReportIdentity:
    """Who published a report and for which year, as far as the report says."""

    agency: str
    """The agency's name as the report writes it (for messages)."""
    key: str
    """The normalised name that pairing compares."""
    year: int


def identify(report: Report) -> ReportIdentity | None:
    """The report's agency and year, or ``None`` when it does not say both."""
    if not report.readable:
        return None
    year = report.year if report.year is not None else _period_year(report.text)
    agency = report.agency or _signature_agency(report.lines)
    if year is None or not agency:
        return None
    key = agency_key(agency)
    return ReportIdentity(agency, key, year) if key else None


def agency_key(name: str) -> str:
    """The normalised agency name: folded, without spaces and a trailing 人民政府."""
    key = fold(name)
    return key.removesuffix(_GOVERNMENT_SUFFIX) or key


def same_agency(first: str, second: str) -> bool:
    """Whether two normalised names (:func:`agency_key`) name one agency.

    Equal names do; so does a name that is the other with higher-level places in
    front (淮安市 + 洪泽区), provided the shorter name holds a place name of its own —
    otherwise 「平潭综合实验区公安局」 would match a bare 「公安局」.
    """
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    if not longer.endswith(shorter):
        return False
    prefix = longer[: -len(shorter)]
    return prefix.endswith(_PLACE_ENDS) and any(end in shorter for end in _PLACE_ENDS)


def find_pairs(identities: Sequence[tuple[str, ReportIdentity | None]]) -> list[tuple[str, str]]:
    """(this year's path, last year's path) for each report that has last year's report in the run.

    *identities* are (path, identity) in the run's order; the pairs come out in that
    order, by the later report. Each report is paired with one report of the year
    before — the first of that agency's in the run's order — so a run over many
    copies of one agency's reports stays linear. Names are looked up by their
    endings (:func:`same_agency` matches a name with places in front of it), so the
    cost grows with the number of reports, not with its square.
    """
    first: dict[tuple[int, str], tuple[int, str]] = {}
    """(year, name) → the first report of that year with that name, in run order."""
    endings: dict[tuple[int, str], set[str]] = {}
    """(year, an ending of a name) → the names of that year that end so."""
    for index, (path, identity) in enumerate(identities):
        if identity is None:
            continue
        first.setdefault((identity.year, identity.key), (index, path))
        for start in range(1, len(identity.key)):
            endings.setdefault((identity.year, identity.key[start:]), set()).add(identity.key)
    pairs: list[tuple[str, str]] = []
    for path, identity in identities:
        if identity is None:
            continue
        year, key = identity.year - 1, identity.key
        names = {key[start:] for start in range(len(key)) if (year, key[start:]) in first}
        names |= endings.get((year, key), set())
        matching = [first[year, name] for name in names if same_agency(key, name)]
        matching = [(index, other) for index, other in matching if other != path]
        if matching:
            pairs.append((path, min(matching)[1]))
    return pairs


def _period_year(text: str) -> int | None:
    """The year of a statistics period 「2023年1月1日至2023年12月31日」, if the text states one."""
    match = _PERIOD_RE.search(text, 0, _PERIOD_SEARCH)
    if match and match[1] == match[2]:
        return int(match[1])
    return None


def _signature_agency(lines: list[str]) -> str | None:
    """The name on the line above the date that closes the report, if there is one."""
    tail = [text for line in lines[-3 * _SIGNATURE_LINES :] if (text := strip_spaces(line))][-_SIGNATURE_LINES:]
    for index in range(len(tail) - 1, 0, -1):
        if _SIGNATURE_DATE_RE.search(fold(tail[index])):
            name = tail[index - 1]
            if len(name) <= _MAX_NAME_LENGTH and not name.endswith(("。", "；", "：", ":")):
                return name
            return None
    return None
