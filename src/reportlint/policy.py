"""Reporting policy: which rules run, which findings are shown, how severe, and whether the run fails.

One module owns every decision between "a rule yielded a finding" and "a line is
printed", as flake8's style guide does: rule selection by code or prefix (in layers,
with ruff's precedence), per-file ignores, severity overrides, the baseline and
``fail-on``. The engine asks it what to run; the run API asks it what to show.

Selection has ruff's semantics. Each source of settings — the built-in default, the
configuration file, the command line — is a :class:`SelectionLayer`, applied in that
order. A layer that sets ``select`` starts afresh (so ``--select X`` on the command
line beats an ``ignore`` of X in the file); ``extend-select`` and ``ignore`` adjust what
the earlier layers left. Within a layer the most specific entry wins (``A1`` beats
``A``) and, at equal specificity, ``ignore`` beats ``select``.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import field
from pathlib import Path, PurePath

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.records import record

ALL = "ALL"


@record(frozen=True, slots=True)
class SelectionLayer:
    """The select/ignore settings of one source (default, configuration file, command line)."""

    select: tuple[str, ...] | None = None
    """``None``: this source does not set ``select`` and keeps what earlier ones chose."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def entries(self) -> tuple[str, ...]:
        """Every code or prefix this layer names."""
        return (*(self.select or ()), *self.extend_select, *self.ignore)


DEFAULT_LAYER = SelectionLayer(select=(ALL,))


@record(frozen=True, slots=True)
class Selection:
    """Which rules run: layers of select/ignore, applied in order (see the module docstring)."""

    layers: tuple[SelectionLayer, ...] = (DEFAULT_LAYER,)

    @classmethod
    def of(cls, select: Iterable[str] = (ALL,), ignore: Iterable[str] = ()) -> Selection:
        """A one-layer selection, for callers that have a single source of settings."""
        return cls((SelectionLayer(select=tuple(select), ignore=tuple(ignore)),))

    def enabled(self, code: str, default_enabled: bool = True) -> bool:
        """Whether the rule with *code* runs.

        A rule that is off by default (*default_enabled* false) is not turned on by
        ``ALL``, only by an entry that names its code or a prefix of it (``--select T004``,
        ``extend-select = ["T004"]``).
        """
        on = False
        for layer in self.layers:
            selects = (*(layer.select or ()), *layer.extend_select)
            if layer.select is not None:
                on = False
            selected = _longest_match(code, selects)
            if selected == 0 and not default_enabled:
                selected = -1  # ALL alone does not turn on a rule that is off by default
            ignored = _longest_match(code, layer.ignore)
            if selected >= 0 or ignored >= 0:
                on = selected > ignored
        return on

    def reported(self, code: str, always: bool = False, default_enabled: bool = True) -> bool:
        """Whether a finding with *code* is shown.

        Selected rules are; so are rules that are *always* reported (their class
        says ``always_reported``) unless some layer ignores them by name or prefix
        (not by ``ALL``), because a file that could not be read or a rule that
        crashed must never pass silently just because ``--select`` named other rules.
        """
        if always:
            return not any(code.startswith(entry) for layer in self.layers for entry in layer.ignore if entry != ALL)
        return self.enabled(code, default_enabled)

    def unknown(self, codes: Iterable[str]) -> list[str]:
        """Entries that match no code in *codes* (for error messages)."""
        return unknown_codes([entry for layer in self.layers for entry in layer.entries()], codes)


def unknown_codes(entries: Iterable[str], codes: Iterable[str]) -> list[str]:
    """The *entries* (codes or prefixes, or ALL) that match none of *codes*."""
    known = list(codes)
    return [entry for entry in entries if entry != ALL and not any(code.startswith(entry) for code in known)]


def _longest_match(code: str, prefixes: Iterable[str]) -> int:
    """Length of the longest prefix of *code* in *prefixes* (0 for ALL, -1 for none)."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def matches(code: str, entries: Iterable[str]) -> bool:
    """Whether *code* matches one of *entries* (codes, prefixes or ALL)."""
    return any(entry == ALL or code.startswith(entry) for entry in entries)


@record(frozen=True)
class Policy:
    """Everything that decides what a run reports, built once per run from settings and flags."""

    selection: Selection = field(default_factory=Selection)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    folder: Path = field(default_factory=Path.cwd)
    """What ``per-file-ignores`` globs are relative to: the configuration file's folder."""
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    """A baseline file whose findings are hidden (``--baseline``)."""

    # -- what runs -------------------------------------------------------------------
    def runs(self, code: str, always: bool = False, default_enabled: bool = True) -> bool:
        """Whether the rule with *code* runs at all (selected, or *always* reported).

        *default_enabled* is the rule class's own: false for a rule that runs only when
        named (see :meth:`Selection.enabled`).
        """
        return self.selection.reported(code, always, default_enabled)

    def severity(self, code: str, default: Severity) -> Severity:
        """The severity of *code*'s findings: the configured one, else the rule's own."""
        return self.severities.get(code, default)

    # -- what is shown ---------------------------------------------------------------
    def file_ignores(self, path: str) -> tuple[str, ...]:
        """Codes that ``per-file-ignores`` ignores in *path*.

        A glob matches the path relative to :attr:`folder` (so the result does not
        depend on where reportlint runs), the path as given, or the file's name.
        """
        if not self.per_file_ignores:
            return ()
        given = PurePath(path)
        relative = PurePath(os.path.relpath(os.path.abspath(path), self.folder)).as_posix()
        candidates = (relative, given.as_posix(), given.name)
        return tuple(
            code
            for pattern, codes in self.per_file_ignores.items()
            if any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates)
            for code in codes
        )

    def looked_for(self, path: str, code: str) -> bool:
        """Whether findings of *code* in *path* were looked for in this run (for stale baselines)."""
        return self.selection.enabled(code) and not matches(code, self.file_ignores(path))

    def shown(
        self,
        diagnostics: Iterable[Diagnostic],
        checked: Collection[str],
        stale: Callable[[str, str, str], Diagnostic | None],
    ) -> list[Diagnostic]:
        """The findings a user sees: per-file ignores applied, then the baseline, sorted.

        *stale* makes the P801 finding for a baseline entry that no longer occurs
        (path, message, anchor), or returns ``None`` when P801 is not shown.
        """
        ignores = {path: self.file_ignores(path) for path in checked}
        kept = [d for d in diagnostics if not matches(d.code, ignores.get(d.path, ()))]
        if self.baseline is not None:
            kept = self._apply_baseline(self.baseline, kept, checked, stale)
        return sorted(kept, key=Diagnostic.sort_key)

    def _apply_baseline(
        self,
        baseline_path: str,
        diagnostics: Sequence[Diagnostic],
        checked: Iterable[str],
        stale: Callable[[str, str, str], Diagnostic | None],
    ) -> list[Diagnostic]:
        """The findings not in the baseline, plus a P801 for each baseline entry gone stale.

        An entry is stale only if its file was checked in this run and its rule was
        looked for there: a finding that was not looked for is not gone.
        """
        from reportlint.baseline import fingerprint, read_baseline, recorded_path

        baseline = read_baseline(baseline_path)
        remaining = Counter(entry.fingerprint for entry in baseline.findings)
        kept: list[Diagnostic] = []
        for diagnostic in diagnostics:
            key = fingerprint(diagnostic, baseline_path)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(diagnostic)
        checked_paths = {recorded_path(path, baseline_path): path for path in checked}
        for entry in baseline.findings:
            path = checked_paths.get(entry.path)
            if remaining[entry.fingerprint] > 0 and path is not None and self.looked_for(path, entry.code):
                remaining[entry.fingerprint] -= 1
                message = f"基线中的 {entry.code} 已不再出现，可从基线文件中删除：{entry.message}"
                found = stale(path, message, entry.fingerprint)
                kept += [found] if found is not None else []
        return kept

    # -- whether the run fails -----------------------------------------------------
    def fails(self, diagnostics: Iterable[Diagnostic]) -> bool:
        """Whether *diagnostics* make the exit status 1 (any at or above ``fail-on``)."""
        return any(d.severity is Severity.ERROR or self.fail_on is Severity.WARNING for d in diagnostics)
