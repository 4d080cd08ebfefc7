"""The command line: ``reportlint [options] PATH...`` and ``reportlint parse FILE``.

Exit status: 0 without findings at or above ``--fail-on`` (errors by default), 1 with
such findings, 2 for usage, configuration or I/O errors — one clear line on stderr,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from reportlint import __version__
from reportlint.baseline import STALE_CODE, BaselineError, apply_baseline, write_baseline
from reportlint.config import ConfigError, LoadedConfig, check_codes, resolve
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.discovery import STDIN, collect_files
from reportlint.engine import FileResult, Linter
from reportlint.explain import explain
from reportlint.local_plugins import load_local_plugins
from reportlint.output import FORMATS, RunContext, formatter
from reportlint.plugins import PluginError, Registry, collect_rules, create_manager, source_suffixes
from reportlint.runner import LinterRecipe, build_linter, lint_files, resolve_jobs
from reportlint.selection import ALL, Selection, file_ignores, ignored, parse_codes

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A mistake on the command line: exit 2 with this message."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the main command."""
    parser = argparse.ArgumentParser(
        prog="reportlint",
        description="检查政府信息公开工作年度报告中的常见错误。另见：reportlint parse FILE（显示规则所见的报告模型）。",
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="文件或目录（目录中递归查找 *.txt）；- 表示标准输入")
    add("--version", action="version", version=f"reportlint {__version__}")
    add("--list-rules", action="store_true", help="列出全部规则（代码、名称、说明）")
    add("--explain", metavar="CODE", help="显示一条规则的完整说明")
    add("--select", type=parse_codes, metavar="CODES", help="只启用这些代码或前缀，逗号分隔（覆盖配置文件）")
    add("--ignore", type=parse_codes, metavar="CODES", help="停用这些代码或前缀，逗号分隔（覆盖配置文件）")
    add("--extend-select", type=parse_codes, metavar="CODES", help="在已选规则之外再启用这些代码或前缀")
    add("--config", metavar="PATH", help="使用这个配置文件（pyproject.toml 或 reportlint.toml）")
    add("--isolated", action="store_true", help="忽略所有配置文件")
    add("--format", choices=sorted(FORMATS), default="default", help="输出格式（默认 path:line:col: CODE message）")
    add("--output-file", metavar="FILE", help="把结果写入文件而不是标准输出")
    add("--show-source", action="store_true", help="在每条问题下显示原文行，并用 ^ 标出位置")
    add("--statistics", action="store_true", help="最后按代码统计问题数量")
    add("--exit-zero", action="store_true", help="即使发现问题也以 0 退出")
    add("--fail-on", choices=[s.value for s in Severity], default=None, help="达到此严重程度即以 1 退出（默认 error）")
    add("--baseline", metavar="FILE", help="隐藏基线文件中已记录的问题，只报告新问题")
    add("--write-baseline", metavar="FILE", help="把本次发现的问题写入基线文件")
    add("-j", "--jobs", default="auto", metavar="N", help="并行进程数，或 auto（默认：文件较多时用全部 CPU）")
    add("--stdin-filename", metavar="NAME", help="从标准输入读取时，输出中使用的文件名")
    return parser


def build_parse_parser() -> argparse.ArgumentParser:
    """The argument parser of ``reportlint parse``."""
    parser = argparse.ArgumentParser(
        prog="reportlint parse", description="显示规则所见的报告模型：章节、表格、单元格及其位置。"
    )
    parser.add_argument("file", metavar="FILE", help="报告文件；- 表示标准输入")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--text", action="store_true", help="只输出读取器得到的文本（.docx 等文档的行号和列号以此文本为准）"
    )
    return parser


# -- the main command ---------------------------------------------------------------
def _selection(args: argparse.Namespace, loaded: LoadedConfig) -> Selection:
    settings = loaded.settings
    select = args.select if args.select is not None else settings.select
    select = (ALL,) if select is None else select
    extend = (*settings.extend_select, *(args.extend_select or ()))
    ignore = args.ignore if args.ignore is not None else settings.ignore
    return Selection(select=(*select, *extend), ignore=tuple(ignore))


def _list_rules(registry: Registry) -> str:
    rows = [(rule.code, rule.name, rule.severity.value, rule.summary) for rule in registry.sorted_rules()]
    width = max((len(name) for _, name, _, _ in rows), default=0)
    return "".join(f"{code}  {name:<{width}}  {sev:<7}  {summary}\n" for code, name, sev, summary in rows)


def run(argv: Sequence[str]) -> int:
    """Run the main command and return the exit status."""
    args = build_parser().parse_args(argv)
    loaded = resolve(args.config, args.isolated)
    manager = create_manager(load_local_plugins(loaded.settings.local_plugins, loaded.folder))
    registry = collect_rules(manager)
    if args.list_rules:
        sys.stdout.write(_list_rules(registry))
        return EXIT_OK
    if args.explain:
        code = args.explain.strip().upper()
        if code not in registry.rules:
            raise UsageError(f"未知的规则代码：{code}（用 --list-rules 查看全部规则）")
        sys.stdout.write(explain(registry.rules[code]))
        return EXIT_OK
    if not args.paths:
        raise UsageError("请给出要检查的文件或目录（或 - 表示标准输入）")
    check_codes(loaded, registry.rules)
    selection = _selection(args, loaded)
    unknown = selection.unknown(registry.rules)
    if unknown:
        raise UsageError(f"未知的规则代码：{', '.join(unknown)}（用 --list-rules 查看全部规则）")
    recipe = LinterRecipe(
        selection,
        {code: dict(table) for code, table in loaded.settings.rules.items()},
        dict(loaded.settings.severity),
        loaded.settings.local_plugins,
        str(loaded.folder),
        str(loaded.path) if loaded.path else None,
        keep_lines=args.show_source,
    )
    linter = build_linter(recipe, manager, registry)
    files, errors = collect_files(args.paths, source_suffixes(manager))
    try:
        jobs = resolve_jobs(args.jobs, len(files))
    except ValueError:
        raise UsageError(f"-j 需要正整数或 auto，而不是 {args.jobs!r}") from None
    on_disk = [path for path in files if path != STDIN]
    results = lint_files(linter, recipe, on_disk, jobs)
    if STDIN in files:
        results.append(_lint_stdin(linter, args.stdin_filename))
    errors += [result.error for result in results if result.error]
    failing = _finish(args, loaded, linter, results)
    for error in errors:
        print(f"reportlint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _lint_stdin(linter: Linter, name: str | None) -> FileResult:
    return linter.lint_source(name or "stdin", sys.stdin.buffer.read())


def _finish(args: argparse.Namespace, loaded: LoadedConfig, linter: Linter, results: list[FileResult]) -> bool:
    """Apply per-file ignores and the baseline and print the output; True if findings fail the run."""
    registry = linter.registry
    checked = [result.path for result in results if result.error is None]
    ignores = {path: file_ignores(path, loaded.settings.per_file_ignores, loaded.folder) for path in checked}

    def ran(path: str, code: str) -> bool:
        return linter.selection.enabled(code) and not ignored(code, ignores.get(path, ()))

    diagnostics = sorted(
        (d for r in results for d in r.diagnostics if not ignored(d.code, ignores.get(d.path, ()))),
        key=Diagnostic.sort_key,
    )
    if args.write_baseline:
        count = write_baseline(args.write_baseline, diagnostics)
        print(f"reportlint: 已把 {count} 条问题写入基线 {args.write_baseline}", file=sys.stderr)
        diagnostics = []
    elif args.baseline:
        stale = partial(linter.synthetic, STALE_CODE)
        diagnostics = apply_baseline(args.baseline, diagnostics, checked, ran, stale)
    sources = {result.path: list(result.lines) for result in results if result.lines is not None}
    context = RunContext(files=tuple(checked), rules=registry.rules, sources=sources)
    output = formatter(args.format)(diagnostics, context)
    if args.statistics and args.format == "default":
        output += _statistics(diagnostics)
    _write(output, args.output_file)
    if args.statistics and args.format != "default":
        sys.stderr.write(_statistics(diagnostics))  # keep structured output parseable
    fail_on = Severity(args.fail_on) if args.fail_on else loaded.settings.fail_on
    return any(d.severity is Severity.ERROR or fail_on is Severity.WARNING for d in diagnostics)


def _statistics(diagnostics: list[Diagnostic]) -> str:
    counts = Counter((d.code, d.name) for d in diagnostics)
    return "".join(f"{count:<5} {code} {name}\n" for (code, name), count in sorted(counts.items()))


def _write(output: str, path: str | None) -> None:
    if path is None:
        sys.stdout.write(output)
        return
    try:
        Path(path).write_text(output, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: 无法写入：{error.strerror or error}") from None


# -- reportlint parse ---------------------------------------------------------------
def run_parse(argv: Sequence[str]) -> int:
    """``reportlint parse FILE``: print the model a rule sees (no rule runs)."""
    from reportlint.engine import MAX_FILE_BYTES, read_report
    from reportlint.model.dump import model_json, model_text

    args = build_parse_parser().parse_args(argv)
    manager = create_manager()
    if args.file == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        try:
            with open(args.file, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise UsageError(f"{args.file}: 无法读取：{error.strerror or error}") from None
    report = read_report(manager, args.file, data)
    if args.text:
        sys.stdout.write(report.text)
        return EXIT_OK
    sys.stdout.write(model_json(report) if args.format == "json" else model_text(report))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportlint`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["parse"]:
            return run_parse(argv[1:])
        return run(argv)
    except (UsageError, ConfigError, PluginError, BaselineError) as error:
        print(f"reportlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("reportlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
