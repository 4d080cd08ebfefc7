"""The pipeline for one file: read → parse → model → rules → diagnostics.

Nothing a file contains may crash the run: unreadable input becomes a P finding,
a rule that raises, hangs past its time budget or yields something that is not a
finding becomes one P901 finding naming the rule (:func:`run_rule`), and a fault in
the engine itself becomes P900 — the other rules and files still run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

import pluggy

from reportlint import collector
from reportlint.diagnostics import Diagnostic, EngineCode, Finding, Severity
from reportlint.escaping import printable
from reportlint.model.pairing import ReportIdentity, identify
from reportlint.model.problems import ProblemKind
from reportlint.model.report import Report, build_report, unreadable_report
from reportlint.parsing import load_parser, parse_text
from reportlint.plugins import Registry
from reportlint.policy import Policy
from reportlint.readers.extracted import ExtractedText
from reportlint.readers.problems import DocumentProblem
from reportlint.readers.text import UndecodableError, normalise_newlines
from reportlint.records import record
from reportlint.rule_guard import (
    RuleTimeout,
    describe_error,
    describe_result,
    interrupted_by_user,
    rule_timeout,
    time_budget,
    watch_interrupts,
)
from reportlint.rulebase import Rule

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are refused with P006: real reports are well under 1 MB."""


@record(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: its diagnostics, or an I/O error that stops it."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    lines: tuple[str, ...] | None = None
    """The text's lines as the rules saw them, kept only when asked (``--show-source``)."""
    report: Report | None = None
    """The report model, kept only when asked (formats that draw the report)."""
    identity: ReportIdentity | None = None
    """The report's agency and year, for pairing it with last year's (:mod:`reportlint.model.pairing`)."""


class Linter:
    """Runs the enabled rules over files; one instance serves a whole run."""

    def __init__(
        self,
        manager: pluggy.PluginManager,
        registry: Registry,
        policy: Policy | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        keep_lines: bool = False,
        keep_reports: bool = False,
        rule_timeout: float | None = None,
    ) -> None:
        self.manager = manager
        self.registry = registry
        self.policy = policy = policy or Policy()
        self.keep_lines = keep_lines
        """Keep each file's lines in its result, for ``--show-source``."""
        self.keep_reports = keep_reports
        """Keep each file's report model in its result, for formats that draw it."""
        self.rule_timeout = rule_timeout
        """Seconds each rule may take per report (``rule-timeout``); ``None``: the default."""
        options = options or {}
        self.rules: list[Rule] = [
            rule_class(options.get(code))
            for code, rule_class in sorted(registry.rules.items())
            if policy.runs(code, rule_class.always_reported, rule_class.default_enabled)
        ]

    # -- reading --------------------------------------------------------------------
    def read(self, path: str, data: bytes, size: int | None = None) -> Report:
        """The report model of *data* (see :func:`read_report`)."""
        if collector.paused():  # a command's first report: its start-up ends here, the parser built
            load_parser()
            collector.settle()
        return read_report(self.manager, path, data, size)

    # -- checking -------------------------------------------------------------------
    def lint_bytes(self, path: str, data: bytes, size: int | None = None) -> list[Diagnostic]:
        """Every diagnostic for one file's bytes, sorted (*size*: see :meth:`read`)."""
        return list(self.lint_source(path, data, size).diagnostics)

    def lint_source(
        self, path: str, data: bytes, size: int | None = None, keep: Callable[[Report], None] | None = None
    ) -> FileResult:
        """Check one file's bytes: its sorted diagnostics (and lines, if kept).

        *keep*, if given, is handed the report once checked, without its caches
        (:meth:`Report.detached`): the pair phase of a run in one process reads no file twice.
        """
        try:
            report = self.read(path, data, size)
        except Exception as error:  # a bug of ours must not hide the other files
            message = f"内部错误，无法分析此文件：{type(error).__name__}: {error}"
            fault = self.synthetic(EngineCode.INTERNAL_ERROR, path, message)
            return FileResult(path, (fault,) if fault else ())
        lines = tuple(report.lines) if self.keep_lines else None
        diagnostics = tuple(self._check(report))
        kept = report.detached() if self.keep_reports else None
        if keep is not None and report.readable:
            keep(report.detached())
        return FileResult(path, diagnostics, lines=lines, report=kept, identity=identify(report))

    def check(self, report: Report) -> list[Diagnostic]:
        """The sorted diagnostics of the enabled rules on a report already read (see :meth:`read`).

        A report model is only read by the rules, so one model may be checked by many
        linters (the rule-case kit checks each case text's model once per rule).
        """
        return self._check(report)

    def _check(self, report: Report) -> list[Diagnostic]:
        path = report.path
        diagnostics: list[Diagnostic] = []
        watch_interrupts()
        budget = rule_timeout(self.rule_timeout)
        for rule in self.rules:
            if rule.needs_content and not report.readable:
                continue
            problem, findings = run_rule(rule, report, budget)
            if problem is not None:
                message = f"规则 {rule.code}（{rule.name}）{problem}"
                crash = self.synthetic(EngineCode.RULE_CRASHED, path, message, anchor=rule.code)
                diagnostics += [crash] if crash is not None else []
                continue
            diagnostics.extend(self.diagnostic(report, rule, finding) for finding in findings)
        return sorted(diagnostics, key=Diagnostic.sort_key)

    def lint_file(self, path: str, keep: Callable[[Report], None] | None = None) -> FileResult:
        """Read and check one file; an I/O error is returned, not raised (*keep*: see :meth:`lint_source`)."""
        try:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_FILE_BYTES:
                    return self.lint_source(path, b"", size=size, keep=keep)
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            return FileResult(path, error=f"{printable(path)}: 无法读取：{error.strerror or error}")
        return self.lint_source(path, data, keep=keep)

    def diagnostic(self, report: Report, rule: Rule, finding: Finding) -> Diagnostic:
        """A rule's finding in *report* as a diagnostic: code, name, policy severity, origin."""
        origin = report.extracted.origin_at(finding.line, finding.column) if report.extracted else None
        return Diagnostic(
            path=report.path,
            line=finding.line,
            column=finding.column,
            end_line=finding.end_line,
            end_column=finding.end_column,
            code=rule.code,
            name=rule.name,
            severity=self.policy.severity(rule.code, finding.severity or rule.severity),
            message=finding.message,
            evidence=finding.evidence,
            anchor=finding.anchor,
            origin=origin,
            fix=finding.fix,
        )

    def synthetic(self, code: str, path: str, message: str, anchor: str = "") -> Diagnostic | None:
        """A finding the engine itself makes (P801, P900, P901), at the top of *path*.

        Its name and default severity come from the rule class that documents the
        code, severity overrides apply, and ``None`` is returned when it is not shown.
        """
        documented = self.registry.rules.get(code)
        if not self.policy.runs(code, documented.always_reported if documented else True):
            return None
        name = documented.name if documented else code.lower()
        severity = documented.severity if documented else Severity.ERROR
        return Diagnostic(
            path=path,
            line=1,
            column=1,
            code=code,
            name=name,
            severity=self.policy.severity(code, severity),
            message=message,
            anchor=anchor or message,
        )


def run_rule(rule: Rule, report: Report, budget: float) -> tuple[str | None, list[Finding]]:
    """Run one rule within its time budget: (what went wrong, or ``None``; its findings).

    Every fault of the rule's own — an exception of any kind, ``sys.exit``, a
    ``KeyboardInterrupt`` it raised, running past *budget* seconds, a result that is
    not a well-formed :class:`Finding` — is described, never raised; only a real
    Ctrl-C stops the run (see :mod:`reportlint.rule_guard`).
    """
    try:
        with time_budget(budget):
            findings: list[Finding] = list(rule.check(report))
    except RuleTimeout:
        return f"超过时间预算（每个报告 {budget:g} 秒），已中止", []
    except KeyboardInterrupt:
        if interrupted_by_user():
            raise
        return "运行出错，已跳过：KeyboardInterrupt（由规则引发）", []
    except BaseException as error:  # SystemExit, GeneratorExit, a plugin's own BaseException
        return f"运行出错，已跳过：{describe_error(error)}", []
    for value in findings:
        problem = describe_result(value)
        if problem is not None:
            return f"返回了无效的结果，已跳过：{problem}", []
    return None, findings


def read_report(manager: pluggy.PluginManager, path: str, data: bytes, size: int | None = None) -> Report:
    """Read → parse → model: the report model of *data*, or the model of an unreadable file.

    *size* is the file's size on disk when it was too large to read whole. The
    reader plugins turn bytes into text; no rule is involved (``reportlint parse``
    uses this directly).
    """
    size = len(data) if size is None else size
    if size > MAX_FILE_BYTES:
        megabytes = size / (1024 * 1024)
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return unreadable_report(
            path, ProblemKind.TOO_LARGE, f"文件过大（{megabytes:.1f} MB，上限 {limit} MB），未检查"
        )
    if not data.strip():
        return unreadable_report(path, ProblemKind.EMPTY, "文件为空")
    try:
        read: str | ExtractedText | None = manager.hook.reportlint_read_source(path=path, data=data)
    except DocumentProblem as error:
        return unreadable_report(path, error.kind, str(error))
    except UndecodableError as error:
        return unreadable_report(path, ProblemKind.UNDECODABLE, f"无法读取文件内容：{error}")
    if read is None:
        return unreadable_report(path, ProblemKind.UNDECODABLE, "没有能读取该文件的读取器")
    extracted = read if isinstance(read, ExtractedText) else None
    text = normalise_newlines(read.text if isinstance(read, ExtractedText) else read)
    if not text.strip():
        return unreadable_report(path, ProblemKind.EMPTY, "文件只有空白字符")
    report = build_report(path, text, parse_text(text))
    report.extracted = extracted
    return report
