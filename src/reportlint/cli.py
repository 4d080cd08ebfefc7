"""The command line: ``reportlint [options] PATH...``, ``reportlint parse FILE`` and ``reportlint server``.

``reportlint annotate FILE.docx...`` (Word comments) lives in :mod:`reportlint.annotate`.

It parses arguments, asks :mod:`reportlint.app` for a run and prints what came back;
every decision about what is reported lives in :mod:`reportlint.policy`.

Exit status: 0 without findings at or above ``--fail-on`` (errors by default), 1 with
such findings, 2 for usage, configuration or I/O errors — one clear line on stderr,
never a traceback. Heavy modules are imported only once a run needs them, so
``--version`` and ``--help`` answer at once.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from reportlint import __version__
from reportlint.discovery import parse_globs
from reportlint.output import FORMATS, NEEDS_REPORTS

if TYPE_CHECKING:
    from reportlint.app import RunOptions, RunResult, Session
    from reportlint.diagnostics import Diagnostic
    from reportlint.plugins import Registry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"
STDIN_LIMIT = 16 * 1024 * 1024 + 1
"""Bytes read from standard input at most: one more than the largest file checked."""


class UsageError(Exception):
    """A mistake on the command line: exit 2 with this message."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, given the terminal's width as ``shutil`` would measure it.

    argparse makes a formatter for every argument added, to check its metavar, and one
    without a width imports ``shutil`` (and through it zlib, bz2 and lzma) to ask for
    the terminal size: a few per cent of a start that never prints help.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, terminal_width() - 2 if width is None else width)


def terminal_width() -> int:
    """The terminal's columns as ``shutil.get_terminal_size().columns`` gives them (``COLUMNS`` first, else 80)."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line, not argparse's usage block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}（用 {self.prog} --help 查看用法）")


def _codes(value: str) -> tuple[str, ...]:
    """A comma-separated list of codes; an empty one is a mistake, not "nothing"."""
    codes = tuple(part.strip().upper() for part in value.split(",") if part.strip())
    if not codes:
        raise argparse.ArgumentTypeError("需要至少一个规则代码或前缀（如 A,S001）")
    return codes


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the main command."""
    parser = _Parser(
        prog="reportlint",
        description="检查政府信息公开工作年度报告中的常见错误。另见：reportlint parse FILE（显示规则所见的报告模型）。",
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="文件或目录（目录中递归查找报告文件）；- 表示标准输入")
    add("--version", action="version", version=f"reportlint {__version__}")
    add("--list-rules", action="store_true", help="列出全部规则（代码、名称、说明）；可配合 --format json")
    add("--explain", metavar="CODE", help="显示一条规则的完整说明")
    add("--show-settings", action="store_true", help="显示生效的配置文件和设置，然后退出")
    add_run_arguments(parser, baseline_help="隐藏基线文件中已记录的问题，只报告新问题")
    add("--format", choices=sorted(FORMATS), default="default", help="输出格式（默认 path:line:col: CODE message）")
    add("--output-file", metavar="FILE", help="把结果写入文件而不是标准输出")
    add("--show-source", action="store_true", help="在每条问题下显示原文行，并用 ^ 标出位置")
    add("--show-fixes", action="store_true", help="在每条问题下显示建议的修改（可自动修复 / 需确认）")
    add("--fix", action="store_true", help="自动修复 .txt 报告中可安全修复的问题（改写文件），然后报告其余问题")
    add("--unsafe-fixes", action="store_true", help="同时应用需确认的修复（如表格合计），须逐项核对")
    add("--diff", action="store_true", help="不改写文件，而是输出 --fix 将做的修改（统一 diff 格式）")
    add("--statistics", action="store_true", help="最后按代码统计问题数量")
    add("--write-baseline", metavar="FILE", help="把本次发现的问题写入基线文件")
    add("--stdin-filename", metavar="NAME", help="从标准输入读取时，输出中使用的文件名")
    add("--exclude", type=parse_globs, metavar="GLOBS", help="在目录中跳过这些路径，逗号分隔（取代默认排除项与配置）")
    add("--extend-exclude", type=parse_globs, metavar="GLOBS", help="在已排除的路径之外再跳过这些路径，逗号分隔")
    add("--force-exclude", action="store_true", help="命令行上直接列出的文件也按排除规则跳过")
    return parser


def build_parse_parser() -> argparse.ArgumentParser:
    """The argument parser of ``reportlint parse``."""
    parser = _Parser(prog="reportlint parse", description="显示规则所见的报告模型：章节、表格、单元格及其位置。")
    parser.add_argument("file", metavar="FILE", help="报告文件；- 表示标准输入")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--text", action="store_true", help="只输出读取器得到的文本（.docx 等文档的行号和列号以此文本为准）"
    )
    return parser


# -- the main command ---------------------------------------------------------------
def add_run_arguments(parser: argparse.ArgumentParser, *, baseline_help: str) -> None:
    """The options every linting command takes alike, which :func:`shared_run_options` reads.

    Declared once for the main command and ``reportlint annotate``, so that the two
    cannot drift (*baseline_help* says what the command does with the findings left).
    """
    add = parser.add_argument
    select_help = "只启用这些代码或前缀，逗号分隔（优先于配置文件的 select 和 ignore）"
    add("--select", type=_codes, metavar="CODES", help=select_help)
    add("--extend-select", type=_codes, metavar="CODES", help="在已选规则之外再启用这些代码或前缀")
    add("--ignore", type=_codes, metavar="CODES", help="停用这些代码或前缀，逗号分隔（在配置文件的 ignore 之外）")
    add("--extend-ignore", type=_codes, metavar="CODES", help="同 --ignore（与 ruff 一致）")
    add("--config", metavar="PATH", help="使用这个配置文件（pyproject.toml 或 reportlint.toml）")
    add("--isolated", action="store_true", help="忽略所有配置文件")
    add("--no-local-plugins", action="store_true", help="不加载配置文件中的 local-plugins（检查不信任的目录时使用）")
    add("--exit-zero", action="store_true", help="即使发现问题也以 0 退出")
    add("--fail-on", choices=["error", "warning"], default=None, help="达到此严重程度即以 1 退出（默认 error）")
    add("--baseline", metavar="FILE", help=baseline_help)
    add("-j", "--jobs", default="auto", metavar="N", help="并行进程数，或 auto（默认：文件较多时用全部 CPU）")
    add("--previous", metavar="FILE", help="上年度的报告，与之逐项比对（不写时按机关和年度自动配对）")


def shared_run_options(args: argparse.Namespace) -> RunOptions:
    """The run options every linting command takes alike (selection, configuration, baseline, jobs).

    ``reportlint annotate`` builds its run from these too, so the two commands cannot drift.
    """
    from reportlint.app import RunOptions
    from reportlint.diagnostics import Severity

    return RunOptions(
        select=args.select,
        extend_select=args.extend_select or (),
        ignore=(*(args.ignore or ()), *(args.extend_ignore or ())),
        config=args.config,
        isolated=args.isolated,
        local_plugins=not args.no_local_plugins,
        fail_on=Severity(args.fail_on) if args.fail_on else None,
        baseline=args.baseline,
        jobs=args.jobs,
        previous=args.previous,
    )


def _run_options(args: argparse.Namespace) -> RunOptions:
    from dataclasses import replace

    return replace(
        shared_run_options(args),
        baseline=None if args.write_baseline else args.baseline,
        keep_lines=args.show_source or args.show_fixes,
        exclude=args.exclude,
        extend_exclude=args.extend_exclude or (),
        force_exclude=args.force_exclude,
        keep_reports=args.format in NEEDS_REPORTS,
    )


def run(argv: Sequence[str]) -> int:
    """Run the main command and return the exit status."""
    args = build_parser().parse_args(argv)
    from reportlint.app import Session

    session = Session.open(_run_options(args))
    if args.show_settings:
        _write(_settings(session), None)
        return EXIT_OK
    if args.list_rules:
        _write(_list_rules(session.registry, args.format), None)
        return EXIT_OK
    if args.explain is not None:
        return _explain(session.registry, args.explain)
    if not args.paths:
        raise UsageError("请给出要检查的文件或目录（或 - 表示标准输入）")
    stdin = sys.stdin.buffer.read(STDIN_LIMIT) if STDIN in args.paths else None
    result = _lint_with_progress(session, args, stdin)
    from reportlint.atomic import is_one_of

    for target in (args.output_file, args.write_baseline):
        if target and is_one_of(target, list(result.checked)):
            raise UsageError(f"{target}: 是被检查的报告之一，拒绝用结果覆盖它")
    fix_failed = False
    if args.fix or args.diff:
        fixed, fix_failed = _fix(session, args, result)
        if args.diff:
            return EXIT_ERROR if fix_failed else EXIT_FINDINGS if fixed else EXIT_OK
        if fixed:
            result = _lint_with_progress(session, args, stdin)  # report what the fixes left
    if args.write_baseline:
        count = session.write_baseline(args.write_baseline, result)
        say(f"已把 {count} 条问题写入基线 {args.write_baseline}")
        shown: tuple[Diagnostic, ...] = ()
    else:
        shown = result.diagnostics
    _print_findings(args, session, result, shown)
    for note in result.notes:
        say(note)
    for error in result.errors:
        say(error)
    if result.errors or fix_failed:
        return EXIT_ERROR
    failing = bool(shown) and result.failed
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _fix(session: Session, args: argparse.Namespace, result: RunResult) -> tuple[bool, bool]:
    """``--fix`` / ``--diff``: apply (or show) the fixes of *result*'s text files: (anything changed, any failure)."""
    from reportlint.fixing import fix_paths

    def lint(data: bytes, path: str) -> tuple[Diagnostic, ...]:
        return tuple(d for d in session.lint_bytes(data, path).diagnostics if d.path == path)

    stdin_name = (args.stdin_filename or "stdin") if STDIN in args.paths else None
    done = fix_paths(
        result.diagnostics, lint, unsafe=args.unsafe_fixes, write=not args.diff, skip=[stdin_name] if stdin_name else []
    )
    if args.diff:
        _write("".join(file.diff() for file in done.files), args.output_file)
    for line in (*done.notes, *done.errors):
        say(line)
    if not args.diff or done.files:
        verb = "可修复" if args.diff else "修复"
        say(f"共{verb} {done.fixed} 处（{len(done.files)} 个文件）")
    return bool(done.files), bool(done.errors)


def _lint_with_progress(session: Session, args: argparse.Namespace, stdin: bytes | None) -> RunResult:
    """Run the check, with a progress counter on stderr when it is a terminal (not in CI)."""
    from reportlint.output.progress import ProgressLine, wanted

    progress = ProgressLine(sys.stderr) if wanted(sys.stderr) else None
    try:
        return session.lint_paths(args.paths, stdin=stdin, stdin_name=args.stdin_filename, progress=progress)
    finally:
        if progress is not None:
            progress.close()


def _print_findings(
    args: argparse.Namespace, session: Session, result: RunResult, shown: tuple[Diagnostic, ...]
) -> None:
    from reportlint.output import formatter
    from reportlint.output.context import RunContext

    context = RunContext(
        files=result.checked,
        rules=session.registry.rules,
        sources=result.sources,
        reports=result.reports,
        show_source=args.show_source,
        show_fixes=args.show_fixes,
    )
    output = formatter(args.format)(shown, context)
    if args.statistics and args.format == "default":
        output += _statistics(shown)
    if args.format == "default":
        from reportlint.fixing import fixable_summary
        from reportlint.output.progress import total_line

        output += total_line(shown, len(result.checked)) + fixable_summary(shown, args.unsafe_fixes)
    _write(output, args.output_file)
    if args.statistics and args.format != "default":
        sys.stderr.write(_statistics(shown))  # keep structured output parseable


def _explain(registry: Registry, code: str) -> int:
    from reportlint.explain import explain

    code = code.strip().upper()
    if code not in registry.rules:
        raise UsageError(f"未知的规则代码：{code}（用 --list-rules 查看全部规则）")
    _write(explain(registry.rules[code]), None)
    return EXIT_OK


def _list_rules(registry: Registry, output_format: str) -> str:
    rules = registry.sorted_rules()
    if output_format == "json":
        import json

        from reportlint.options import option_fields

        records = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "summary": rule.summary,
                "pack": registry.pack_of[rule.code],
                "options": sorted(field.key for field in option_fields(rule.Options)),
            }
            for rule in rules
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    from reportlint.diagnostics import SEVERITY_NAMES

    # Severities as people read them (错误/警告, two characters each, so the column stays aligned);
    # the JSON listing keeps the configuration's words, error and warning.
    rows = [(rule.code, rule.name, SEVERITY_NAMES[rule.severity], rule.summary) for rule in rules]
    width = max((len(name) for _, name, _, _ in rows), default=0)
    return "".join(f"{code}  {name:<{width}}  {sev}  {summary}\n" for code, name, sev, summary in rows)


def _settings(session: Session) -> str:
    """What ``--show-settings`` prints: the file used, then every setting in force."""
    import json

    config = session.config
    policy = session.policy
    layers = [
        {"select": layer.select, "extend-select": layer.extend_select, "ignore": layer.ignore}
        for layer in policy.selection.layers
    ]
    settings = {
        "selection": dict(zip(("default", "configuration", "command-line"), layers, strict=False)),
        "per-file-ignores": dict(policy.per_file_ignores),
        "severity": {code: severity.value for code, severity in policy.severities.items()},
        "rules": session.recipe.options,
        "local-plugins": list(config.settings.local_plugins),
        "fail-on": policy.fail_on.value,
        "baseline": policy.baseline,
        "jobs": session.jobs,
        "running": sorted(rule.code for rule in session.linter.rules),
    }
    source = str(config.path) if config.path else "（无：使用默认设置）"
    return f"配置文件：{source}\n" + json.dumps(settings, ensure_ascii=False, indent=2, default=list) + "\n"


def say(message: str, *, several_lines: bool = False) -> None:
    """One message on stderr, ``reportlint: ``-prefixed, with control characters escaped.

    Messages carry file names, and a name may hold a newline or an escape sequence: on
    stderr it must neither forge a line (CI systems read workflow commands there too)
    nor drive the terminal.
    """
    from reportlint.escaping import printable

    print(f"reportlint: {printable(message, keep=chr(10) if several_lines else '')}", file=sys.stderr)


def _statistics(diagnostics: Sequence[Diagnostic]) -> str:
    counts = Counter((d.code, d.name) for d in diagnostics)
    return "".join(f"{count:<5} {code} {name}\n" for (code, name), count in sorted(counts.items()))


def _write(output: str, path: str | None) -> None:
    """Write *output* to stdout or to *path*; a failed write is a usage-level error, not a traceback."""
    if path is None:
        try:
            try:
                sys.stdout.write(output)
            except UnicodeEncodeError:  # a file name that is not UTF-8, on a strict stdout
                sys.stdout.flush()
                sys.stdout.buffer.write(output.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise UsageError(f"无法写入标准输出：{error.strerror or error}") from None
        return
    from reportlint.atomic import write_atomically

    try:
        write_atomically(path, output)  # a failed write leaves the previous file as it was
    except OSError as error:
        raise UsageError(f"{path}: 无法写入：{error.strerror or error}") from None


# -- reportlint parse ---------------------------------------------------------------
def run_parse(argv: Sequence[str]) -> int:
    """``reportlint parse FILE``: print the model a rule sees (no rule runs)."""
    from reportlint.discovery import special_kind
    from reportlint.engine import MAX_FILE_BYTES, read_report
    from reportlint.model.dump import model_json, model_text
    from reportlint.plugins import create_manager

    args = build_parse_parser().parse_args(argv)
    manager = create_manager()
    if args.file == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    elif (kind := special_kind(args.file)) is not None:
        raise UsageError(f"{args.file}: 不是普通文件（{kind}），未检查")
    else:
        try:
            with open(args.file, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise UsageError(f"{args.file}: 无法读取：{error.strerror or error}") from None
    report = read_report(manager, args.file, data)
    if args.text:
        from reportlint.escaping import printable

        _write(printable(report.text, keep="\n\t"), None)  # a report's control characters never reach the terminal
        return EXIT_OK
    _write(model_json(report) if args.format == "json" else model_text(report), None)
    return EXIT_OK


def entry() -> int:
    """The ``reportlint`` command (and ``python -m reportlint``): :func:`main` in a process of its own.

    The process owns Python's cycle collector, so it sets it for linting
    (:mod:`reportlint.collector`); code calling :func:`main` in its own process does not.
    """
    from reportlint import collector

    collector.pause()
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``reportlint`` command line *argv* (default: this process's arguments); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:
        print(f"reportlint {__version__}")
        return EXIT_OK
    try:
        return _main(argv)
    except UsageError as error:
        say(str(error), several_lines=True)  # a configuration error may take two lines
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reportlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR


def _main(argv: list[str]) -> int:
    """Run a subcommand, turning the run's own errors into :class:`UsageError`."""
    try:
        if argv[:1] == ["parse"]:
            return run_parse(argv[1:])
        if argv[:1] == ["annotate"]:
            from reportlint.annotate import run_annotate

            return run_annotate(argv[1:])
        if argv[:1] == ["server"]:
            from reportlint.server import run_server

            return run_server(argv[1:])
        return run(argv)
    except Exception as error:
        if isinstance(error, _run_errors()):
            raise UsageError(str(error)) from None
        raise


_RUN_ERRORS = {
    "reportlint.app": "RunError",
    "reportlint.baseline": "BaselineError",
    "reportlint.config": "ConfigError",
    "reportlint.plugins": "PluginError",
}
"""The errors a run reports as usage errors (exit 2), by the module that defines each."""


def _run_errors() -> tuple[type[Exception], ...]:
    """The classes of :data:`_RUN_ERRORS` whose modules this run imported.

    An error can only come from a module that was imported, so a run that never reads a
    baseline never imports :mod:`reportlint.baseline` (and pydantic) just to name its error.
    """
    return tuple(getattr(sys.modules[module], name) for module, name in _RUN_ERRORS.items() if module in sys.modules)


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
