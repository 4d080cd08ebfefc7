"""One run as a Python call: configuration, plugins, policy and linter, then files in, findings out.

The command line, the HTML report, Word annotation and the editor server all go
through here, so a finding means the same thing wherever it is shown::

    from reportlint.app import RunOptions, Session

    session = Session.open(RunOptions(select=("A", "S")))
    result = session.lint_paths(["reports/"])
    for diagnostic in result.diagnostics:
        print(diagnostic.path, diagnostic.line, diagnostic.code, diagnostic.message)

    draft = session.lint_text("2024年度政府信息公开工作年度报告\\n…", path="draft.txt")

A :class:`Session` is built once (configuration read, plugins loaded, rule options
validated) and can check any number of paths or texts; an editor keeps one per
workspace folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

from reportlint.config import LoadedConfig, check_codes, resolve
from reportlint.diagnostics import Diagnostic, EngineCode, Severity
from reportlint.discovery import STDIN, Exclusion, discover, exclusion
from reportlint.engine import MAX_FILE_BYTES, FileResult, Linter
from reportlint.model import Report
from reportlint.plugins import Registry, collect_rules, create_manager, source_suffixes
from reportlint.policy import DEFAULT_LAYER, Policy, Selection, SelectionLayer
from reportlint.records import record
from reportlint.runner import LinterRecipe, Progress, build_linter, lint_files, resolve_jobs

if TYPE_CHECKING:
    from reportlint.crossyear import RecentReports

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class RunError(Exception):
    """A request the run cannot carry out (unknown codes, a bad ``-j``): exit 2 with this message."""


@record(frozen=True)
class RunOptions:
    """What a caller asks of a run, on top of the configuration file (the CLI's flags)."""

    select: tuple[str, ...] | None = None
    """Codes or prefixes to run; ``None`` keeps the configuration's choice."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    """Codes or prefixes not to run, on top of the configuration's ``ignore``."""
    config: str | None = None
    """A configuration file to use instead of searching for one."""
    isolated: bool = False
    """Ignore every configuration file."""
    local_plugins: bool = True
    """Import the configuration's ``local-plugins`` (``--no-local-plugins`` says no)."""
    start: Path | None = None
    """Where the search for a configuration file starts (the working folder by default)."""
    fail_on: Severity | None = None
    baseline: str | None = None
    """Hide the findings recorded in this baseline file."""
    jobs: str | int = 1
    """Worker processes, or ``"auto"``."""
    keep_lines: bool = False
    """Keep each file's lines (``--show-source``)."""
    keep_reports: bool = False
    """Keep each file's report model (formats that draw the report)."""
    previous: str | None = None
    """Last year's report: compare every checked file with it (``--previous``), instead of
    pairing the run's own files by agency and year."""
    exclude: tuple[str, ...] | None = None
    """Paths skipped in directories, instead of the configuration's ``exclude`` (``--exclude``)."""
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    """Apply the exclusions to files named explicitly too (``--force-exclude``)."""


@record(frozen=True)
class RunResult:
    """What one run found."""

    diagnostics: tuple[Diagnostic, ...]
    """The findings as shown: selection, per-file ignores and baseline applied, sorted."""
    checked: tuple[str, ...]
    """The files that were read and checked, in order."""
    errors: tuple[str, ...] = ()
    """Files that could not be checked at all (missing, unreadable): each one line, in Chinese."""
    notes: tuple[str, ...] = ()
    """What was skipped on purpose (``.txt`` files that are plainly no report): for stderr."""
    failed: bool = False
    """Whether a finding is at or above ``fail-on``."""
    sources: dict[str, list[str]] = field(default_factory=dict)
    """File → its lines, when ``keep_lines`` asked for them."""
    reports: dict[str, Report] = field(default_factory=dict)
    """File → its report model, when ``keep_reports`` asked for them."""

    @property
    def exit_code(self) -> int:
        """2 when a file could not be checked, else 1 when findings fail the run, else 0."""
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failed else EXIT_OK


@record
class Session:
    """Configuration, plugins, policy and linter for any number of runs."""

    config: LoadedConfig
    manager: pluggy.PluginManager
    registry: Registry
    policy: Policy
    recipe: LinterRecipe
    linter: Linter
    jobs: str | int = 1
    """Worker processes for :meth:`lint_paths`, or ``"auto"``."""
    previous: str | None = None
    """Last year's report, given with ``--previous``."""
    excluded: Exclusion = field(default_factory=Exclusion)
    """Paths skipped when directories are searched."""

    @classmethod
    def open(cls, options: RunOptions | None = None) -> Session:
        """Read the configuration, load plugins and validate rule options.

        Raises :class:`reportlint.config.ConfigError`, :class:`reportlint.plugins.PluginError`
        or :class:`RunError`, each with a message for the user.
        """
        from reportlint.local_plugins import load_local_plugins

        options = options or RunOptions()
        loaded = resolve(options.config, options.isolated, options.start, local_plugins=options.local_plugins)
        manager = create_manager(load_local_plugins(loaded.settings.local_plugins, loaded.folder))
        registry = collect_rules(manager)
        check_codes(loaded, registry.rules)
        try:
            resolve_jobs(options.jobs, 0)  # a bad -j is a mistake even when no file is checked
        except ValueError:
            raise RunError(f"-j 需要正整数或 auto，而不是 {options.jobs!r}") from None
        policy = _policy(loaded, options)
        unknown = policy.selection.unknown(registry.rules)
        if unknown:
            raise RunError(f"未知的规则代码：{', '.join(unknown)}（用 --list-rules 查看全部规则）")
        recipe = LinterRecipe(
            policy,
            {code: dict(table) for code, table in loaded.settings.rules.items()},
            loaded.settings.local_plugins,
            str(loaded.folder),
            str(loaded.path) if loaded.path else None,
            keep_lines=options.keep_lines,
            keep_reports=options.keep_reports,
            rule_timeout=loaded.settings.rule_timeout,
        )
        linter = build_linter(recipe, manager, registry)
        settings = loaded.settings
        excluded = exclusion(
            settings.exclude,
            settings.extend_exclude,
            loaded.folder,
            options.exclude,
            options.extend_exclude,
            force=options.force_exclude,
        )
        return cls(loaded, manager, registry, policy, recipe, linter, options.jobs, options.previous, excluded)

    # -- running ------------------------------------------------------------------
    def lint_paths(
        self,
        paths: Sequence[str],
        *,
        stdin: bytes | None = None,
        stdin_name: str | None = None,
        progress: Progress | None = None,
    ) -> RunResult:
        """Check files and directories (``-`` reads *stdin*, named *stdin_name*).

        *progress*, if given, is called with (files done, files in all) after each file.
        """
        found = discover(paths, source_suffixes(self.manager), self.excluded)
        files, errors = found.files, found.errors
        try:
            jobs = resolve_jobs(self.jobs, len(files))
        except ValueError:
            raise RunError(f"-j 需要正整数或 auto，而不是 {self.jobs!r}") from None
        from reportlint.crossyear import first_phase_store

        recent = first_phase_store(self.linter, jobs)
        keep = recent.keep if recent is not None else None
        on_disk = [path for path in files if path != STDIN]
        results = lint_files(self.linter, self.recipe, on_disk, jobs, progress, keep)
        in_memory: dict[str, bytes] = {}
        if STDIN in files:
            name = stdin_name or "stdin"
            in_memory[name] = (stdin or b"")[: MAX_FILE_BYTES + 1]
            results.append(self.linter.lint_source(name, in_memory[name], keep=keep))
        return self._result(self._pairs(results, jobs, in_memory, recent), errors, tuple(found.notes()))

    def lint_bytes(self, data: bytes, path: str = "stdin") -> RunResult:
        """Check a document held in memory, under the name *path* (which may not exist on disk).

        With ``previous`` set, it is also compared with last year's report.
        """
        from reportlint.crossyear import first_phase_store

        recent = first_phase_store(self.linter, 1)
        results = [self.linter.lint_source(path, data, keep=recent.keep if recent is not None else None)]
        return self._result(self._pairs(results, 1, {path: data}, recent), [])

    def _pairs(
        self, results: list[FileResult], jobs: int, in_memory: dict[str, bytes], recent: RecentReports | None = None
    ) -> list[FileResult]:
        """*results* with the cross-year findings of each report paired with last year's."""
        from reportlint.crossyear import PreviousReportError, check_pairs

        try:
            return check_pairs(
                self.linter,
                results,
                previous=self.previous,
                jobs=jobs,
                recipe=self.recipe,
                data=in_memory,
                recent=recent,
            )
        except PreviousReportError as unreadable:
            raise RunError(str(unreadable)) from None

    def lint_text(self, text: str, path: str = "draft.txt") -> RunResult:
        """Check report text held in memory (an editor's buffer, pasted text)."""
        return self.lint_bytes(text.encode("utf-8"), path)

    def _result(self, results: list[FileResult], errors: list[str], notes: tuple[str, ...] = ()) -> RunResult:
        errors = errors + [result.error for result in results if result.error]
        checked = tuple(result.path for result in results if result.error is None)
        stale = partial(self.linter.synthetic, EngineCode.STALE_BASELINE)
        diagnostics = self.policy.shown((d for r in results for d in r.diagnostics), checked, stale)
        return RunResult(
            diagnostics=tuple(diagnostics),
            checked=checked,
            errors=tuple(errors),
            notes=notes,
            failed=self.policy.fails(diagnostics),
            sources={result.path: list(result.lines) for result in results if result.lines is not None},
            reports={result.path: result.report for result in results if result.report is not None},
        )

    # -- baselines ---------------------------------------------------------------
    def write_baseline(self, path: str, result: RunResult) -> int:
        """Record *result*'s findings as accepted in the baseline file *path*; returns how many."""
        from reportlint.baseline import write_baseline

        return write_baseline(path, result.diagnostics)


def _policy(loaded: LoadedConfig, options: RunOptions) -> Policy:
    """The run's policy: the configuration file's settings with the caller's on top."""
    settings = loaded.settings
    layers = (
        DEFAULT_LAYER,
        SelectionLayer(select=settings.select, extend_select=settings.extend_select, ignore=settings.ignore),
        SelectionLayer(select=options.select, extend_select=options.extend_select, ignore=options.ignore),
    )
    return Policy(
        selection=Selection(layers),
        severities=dict(settings.severity),
        per_file_ignores=dict(settings.per_file_ignores),
        folder=loaded.folder,
        fail_on=options.fail_on or settings.fail_on,
        baseline=options.baseline,
    )
