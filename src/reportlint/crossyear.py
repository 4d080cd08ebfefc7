"""The second phase of a run: pair rules over (this year's report, last year's report).

After every file has been checked on its own, the pairs are found — by agency and
year among the run's files (:func:`reportlint.model.pairing.find_pairs`), or every checked
file against the file given with ``--previous`` — and each pair's two reports are given
to the selected :class:`reportlint.rulebase.PairRule` rules: the models of the first phase
where this process still holds them (:class:`RecentReports`), else the files read again.
Their findings join the later report's diagnostics.

A run with no pair, or with no pair rule selected, reads nothing more. With ``-j N``
the pairs are checked in worker processes, and the results are merged in input
order, so the output is the one of a serial run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace

from reportlint import collector
from reportlint.diagnostics import Diagnostic, EngineCode
from reportlint.engine import MAX_FILE_BYTES, FileResult, Linter
from reportlint.model import Report
from reportlint.model.pairing import ReportIdentity, find_pairs
from reportlint.rulebase import PairRule
from reportlint.runner import LinterRecipe, build_linter


class PreviousReportError(Exception):
    """The report given with ``--previous`` cannot be read: the run stops with this message."""


_WORKER_LINTER: Linter | None = None


def pair_rules(linter: Linter) -> list[PairRule]:
    """The linter's selected rules that compare two reports."""
    return [rule for rule in linter.rules if isinstance(rule, PairRule)]


def check_pairs(
    linter: Linter,
    results: Sequence[FileResult],
    *,
    previous: str | None = None,
    jobs: int = 1,
    recipe: LinterRecipe | None = None,
    data: Mapping[str, bytes] | None = None,
    recent: RecentReports | None = None,
) -> list[FileResult]:
    """*results* with the pair rules' findings added to each later report's diagnostics.

    *previous* pairs every checked file with that file instead of pairing by agency
    and year; it raises :class:`PreviousReportError` when the file cannot be read, or
    when its year is not before a checked report's (the two files swapped).
    *data* holds the bytes of files that are not on disk (standard input). Workers
    (``jobs > 1``) are built from *recipe*; a run in one process looks in *recent*
    (see :func:`first_phase_store`) before reading a file again.
    """
    if not pair_rules(linter):
        return list(results)
    checked = [result for result in results if result.error is None]
    if previous is not None:
        last_report = _check_previous(linter, previous)
        last_year = last_report.year
        if recent is not None:
            recent.keep(last_report)
        pairs = [(result.path, previous) for result in checked if result.path != previous]
        for result in checked:
            year = result.identity.year if result.identity and result.path != previous else None
            if year is not None and last_year is not None and last_year >= year:
                raise PreviousReportError(
                    f"--previous {previous}: 这是{last_year}年的报告，不早于 {result.path}（{year}年），"
                    "请给出上一年度的报告"
                )
    else:
        pairs = find_pairs([(result.path, result.identity) for result in checked])
    if not pairs:
        return list(results)
    identities = {result.path: result.identity for result in checked}
    found = _in_chain_order(linter, pairs, identities, jobs, recipe, data, recent)
    added: dict[str, list[Diagnostic]] = {}
    for (path, _), diagnostics in zip(pairs, found, strict=True):
        added.setdefault(path, []).extend(diagnostics)
    return [
        replace(result, diagnostics=tuple(sorted((*result.diagnostics, *added[result.path]), key=Diagnostic.sort_key)))
        if result.path in added
        else result
        for result in results
    ]


def _in_chain_order(
    linter: Linter,
    pairs: list[tuple[str, str]],
    identities: Mapping[str, ReportIdentity | None],
    jobs: int,
    recipe: LinterRecipe | None,
    data: Mapping[str, bytes] | None,
    recent: RecentReports | None,
) -> list[list[Diagnostic]]:
    """Each pair's diagnostics, in *pairs*' order, the pairs checked agency by agency, year by year.

    An agency's pairs form a chain (2020→2019, 2021→2020, …): checked one after the
    other, the current report of one pair is the previous report of the next, still in
    memory. In the run's order (all 2020 reports, then all 2021…) each pair read and
    parsed both its files again.
    """

    def chain(index: int) -> tuple[str, int]:
        identity = identities.get(pairs[index][0])
        return (identity.key, identity.year) if identity is not None else ("", 0)

    order = sorted(range(len(pairs)), key=chain)
    found = _run(linter, [pairs[index] for index in order], jobs, recipe, dict(data or {}), recent)
    in_place: list[list[Diagnostic]] = [[] for _ in pairs]
    for index, diagnostics in zip(order, found, strict=True):
        in_place[index] = diagnostics
    return in_place


def check_pair(linter: Linter, current: Report, previous: Report, previous_path: str) -> list[Diagnostic]:
    """The pair rules' diagnostics for *current* against *previous*; a rule that raises becomes P901."""
    diagnostics: list[Diagnostic] = []
    if not (current.readable and previous.readable):
        return diagnostics
    for rule in pair_rules(linter):
        try:
            findings = list(rule.check_pair(current, previous, previous_path))
        except Exception as error:
            message = f"规则 {rule.code}（{rule.name}）运行出错，已跳过：{type(error).__name__}: {error}"
            crash = linter.synthetic(EngineCode.RULE_CRASHED, current.path, message, anchor=rule.code)
            diagnostics += [crash] if crash is not None else []
            continue
        # The engine's own conversion: severities and origins as for single-report rules.
        diagnostics.extend(linter.diagnostic(current, rule, finding) for finding in findings)
    return sorted(diagnostics, key=Diagnostic.sort_key)


def _check_previous(linter: Linter, path: str) -> Report:
    """The ``--previous`` file's report; one that is missing or unreadable stops the run."""
    try:
        report = _read(linter, path, {})
    except OSError as error:
        raise PreviousReportError(f"--previous {path}: 无法读取：{error.strerror or error}") from None
    if not report.readable:
        reason = report.problems[0].message if report.problems else "无法读取"
        raise PreviousReportError(f"--previous {path}: {reason}")
    return report


def _read(linter: Linter, path: str, data: Mapping[str, bytes]) -> Report:
    """The report model of *path*, from *data* if it is there, else from disk."""
    if path in data:
        return linter.read(path, data[path])
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            return linter.read(path, b"", size=size)
        return linter.read(path, handle.read(MAX_FILE_BYTES + 1))


class RecentReports:
    """The reports read last in this process, the least recently used dropped first.

    Pairs are checked chain by chain (2021→2020, 2022→2021 …, see :func:`_in_chain_order`),
    so the previous report of one pair is usually the current report of the one before;
    and many reports of one year pair with the same report of the year before (the first
    of that agency's), which stays while it is used. A run in one process also keeps
    here the reports its first phase checked (:meth:`keep`, see :func:`first_phase_store`),
    so that a small run reads no file twice. Bounded by count and by the text held
    (a checked report's model is some 30 bytes per character of its text).
    """

    SIZE = 256
    CHARACTERS = 4_000_000

    def __init__(self) -> None:
        self.reports: dict[str, Report] = {}
        self.characters = 0

    def keep(self, report: Report) -> None:
        """Hold *report*, read already, as the most recently used."""
        held = self.reports.pop(report.path, None)
        if held is not None:
            self.characters -= len(held.text)
        self.characters += len(report.text)
        while self.reports and (len(self.reports) >= self.SIZE or self.characters > self.CHARACTERS):
            self.characters -= len(self.reports.pop(next(iter(self.reports))).text)
        self.reports[report.path] = report

    def get(self, linter: Linter, path: str, data: Mapping[str, bytes]) -> Report:
        """The report of *path*: held, or read now and held."""
        report = self.reports.pop(path, None)
        if report is None:
            report = _read(linter, path, data)
        self.keep(report)
        return report


def first_phase_store(linter: Linter, jobs: int) -> RecentReports | None:
    """Where a run in this process keeps the reports it checks for the pair phase, or ``None``.

    Only a run in one process can: a ``-j`` worker's reports stay in that worker, and
    the pair phase, in new workers, reads its files again. And only when a pair rule
    is selected, or nothing would ever be compared.
    """
    return RecentReports() if jobs <= 1 and pair_rules(linter) else None


def _check_paths(
    linter: Linter, current: str, previous: str, data: Mapping[str, bytes], recent: RecentReports
) -> list[Diagnostic]:
    try:
        current_report = recent.get(linter, current, data)
        previous_report = recent.get(linter, previous, data)
    except OSError:
        return []  # a file that vanished since the first phase: its own error is already reported
    return check_pair(linter, current_report, previous_report, previous)


def _run(
    linter: Linter,
    pairs: list[tuple[str, str]],
    jobs: int,
    recipe: LinterRecipe | None,
    data: dict[str, bytes],
    recent: RecentReports | None,
) -> list[list[Diagnostic]]:
    global _WORKER_LINTER
    if jobs <= 1 or len(pairs) <= 1 or recipe is None:
        recent = recent or RecentReports()
        return [_check_paths(linter, current, previous, data, recent) for current, previous in pairs]
    from concurrent.futures import ProcessPoolExecutor

    _WORKER_LINTER = linter  # inherited by forked workers; others build their own
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(recipe, data)) as pool:
            # Consecutive pairs to one worker, so that a chain stays with the worker holding its reports.
            chunk = max(1, len(pairs) // (jobs * 4))
            return list(pool.map(_check_in_worker, pairs, chunksize=chunk))
    finally:
        _WORKER_LINTER = None


_WORKER_DATA: dict[str, bytes] = {}
_WORKER_RECENT = RecentReports()


def _init_worker(recipe: LinterRecipe, data: dict[str, bytes]) -> None:
    global _WORKER_LINTER, _WORKER_DATA
    if _WORKER_LINTER is None:  # started afresh (spawn)
        collector.pause()
        _WORKER_LINTER = build_linter(recipe)
    _WORKER_DATA = data


def _check_in_worker(pair: tuple[str, str]) -> list[Diagnostic]:
    assert _WORKER_LINTER is not None
    return _check_paths(_WORKER_LINTER, pair[0], pair[1], _WORKER_DATA, _WORKER_RECENT)
