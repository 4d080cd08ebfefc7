"""The command line: ``reportlint [options] PATH...``.

Exit status: 0 without findings, 1 with findings, 2 for usage, configuration or
I/O errors (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reportlint import __version__
from reportlint.diagnostics import Diagnostic
from reportlint.engine import FileResult, Linter, lint_paths
from reportlint.formatting import FORMATTERS
from reportlint.plugins import PluginError, Registry, collect_rules, create_manager, source_suffixes
from reportlint.selection import ALL, Selection, parse_codes

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


class UsageError(Exception):
    """A mistake on the command line or in the configuration: exit 2 with this message."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    parser = argparse.ArgumentParser(
        prog="reportlint",
        description="检查政府信息公开工作年度报告中的常见错误。",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录（目录中递归查找 *.txt）；- 表示标准输入")
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}")
    parser.add_argument("--list-rules", action="store_true", help="列出全部规则（代码、名称、说明）")
    parser.add_argument("--select", type=parse_codes, default=None, metavar="CODES", help="只启用这些代码或前缀，逗号分隔")
    parser.add_argument("--ignore", type=parse_codes, default=None, metavar="CODES", help="停用这些代码或前缀，逗号分隔")
    parser.add_argument("--stdin-filename", default=None, metavar="NAME", help="从标准输入读取时，输出中使用的文件名")
    return parser


def collect_files(paths: Sequence[str], suffixes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Expand directories into the files to check; returns (files, errors)."""
    files: list[str] = []
    errors: list[str] = []
    for path in paths:
        if path == STDIN:
            files.append(path)
        elif os.path.isdir(path):
            found = [
                os.path.join(root, name)
                for root, dirs, names in os.walk(path)
                for name in names
                if name.lower().endswith(suffixes)
            ]
            files.extend(sorted(found))
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append(f"{path}: 文件不存在")
    return files, errors


def _list_rules(registry: Registry) -> str:
    rows = [(rule.code, rule.name, rule.summary) for rule in registry.sorted_rules()]
    width = max((len(name) for _, name, _ in rows), default=0)
    return "".join(f"{code}  {name:<{width}}  {summary}\n" for code, name, summary in rows)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        manager = create_manager()
        registry = collect_rules(manager)
    except PluginError as error:
        print(f"reportlint: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.list_rules:
        sys.stdout.write(_list_rules(registry))
        return EXIT_OK
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("reportlint: 错误：请给出要检查的文件或目录（或 - 表示标准输入）", file=sys.stderr)
        return EXIT_ERROR
    selection = Selection(select=args.select or (ALL,), ignore=args.ignore or ())
    unknown = selection.unknown(registry.rules)
    if unknown:
        print(f"reportlint: 未知的规则代码：{', '.join(unknown)}（用 --list-rules 查看全部规则）", file=sys.stderr)
        return EXIT_ERROR
    linter = Linter(manager, registry, selection)
    files, errors = collect_files(args.paths, source_suffixes(manager))
    results = [_lint_stdin(linter, args.stdin_filename) if path == STDIN else linter.lint_file(path) for path in files]
    return _report(results, errors)


def _lint_stdin(linter: Linter, name: str | None) -> FileResult:
    data = sys.stdin.buffer.read()
    path = name or "stdin"
    return FileResult(path, tuple(linter.lint_bytes(path, data)))


def _report(results: list[FileResult], errors: list[str]) -> int:
    diagnostics: list[Diagnostic] = sorted(
        (d for result in results for d in result.diagnostics), key=Diagnostic.sort_key
    )
    errors += [result.error for result in results if result.error]
    sys.stdout.write(FORMATTERS["default"](diagnostics))
    for error in errors:
        print(f"reportlint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if diagnostics else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportlint`` command."""
    try:
        return run(argv)
    except KeyboardInterrupt:
        print("reportlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
