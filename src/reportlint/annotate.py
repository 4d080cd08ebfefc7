"""``reportlint annotate draft.docx``: the findings as Word comments in ``draft.checked.docx``.

The command for the clerk who wrote the report in Word or WPS: the draft is checked
exactly as ``reportlint draft.docx`` checks it — the same :class:`reportlint.app.Session`,
so configuration, ``--select`` / ``--ignore``, per-file ignores, the baseline and the
pairing with last year's report all apply — and a copy of it gets one comment per
finding, beside the paragraph or cell at fault (:mod:`reportlint.output.docx_comments`).

The original is never written. The copy goes beside it as ``NAME.checked.docx``, or
where ``-o/--output`` says (one input only); an existing file is replaced only with
``--force``, and never when it is one of the inputs. Every such mistake is found
before anything is checked or written. Exit status, as for the main command: 0 when
every copy was written and no finding is at or above ``--fail-on``, 1 when copies were
written and such findings are in them, 2 when something was refused or a document
could not be read or written (the other documents are still annotated).

python-docx (1.2 or later, for comments) is imported only when this command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlint.cli import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    _Parser,
    add_run_arguments,
    shared_run_options,
)
from reportlint.records import record

SUFFIX = ".docx"
CHECKED_SUFFIX = ".checked.docx"
EXTRA = "reportlint[docx]"

if TYPE_CHECKING:
    from reportlint.app import Session
    from reportlint.diagnostics import Diagnostic


@record(frozen=True)
class Job:
    """One document to annotate and where its copy goes."""

    source: str
    target: str


def build_annotate_parser() -> argparse.ArgumentParser:
    """The argument parser of ``reportlint annotate``."""
    parser = _Parser(
        prog="reportlint annotate",
        description=(
            "检查 Word 文档（.docx），把每个问题作为批注写入副本 NAME.checked.docx（原文件不改动）。"
            "配置文件、--select/--ignore、per-file-ignores 和基线与 reportlint 检查时完全相同。"
        ),
    )
    add = parser.add_argument
    add("files", nargs="*", metavar="FILE", help="要加批注的 Word 文档（.docx），可以有多个")
    add("-o", "--output", metavar="PATH", help="副本的文件名（只给一个文档时可用；默认 NAME.checked.docx）")
    add("--force", action="store_true", help="副本已存在时覆盖它（原文档永远不会被覆盖）")
    add_run_arguments(parser, baseline_help="隐藏基线文件中已记录的问题，只为新问题加批注")
    return parser


# -- planning: every refusal before any work --------------------------------------------
def default_target(source: str) -> str:
    """``draft.docx`` → ``draft.checked.docx``, in the same folder."""
    folder, name = os.path.split(source)
    stem = name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name
    return os.path.join(folder, stem + CHECKED_SUFFIX)


def _not_annotatable(path: str) -> str | None:
    """Why *path* cannot be annotated before it is even opened, in Chinese; ``None`` if it may be."""
    if path == "-":
        return "-: annotate 不读取标准输入，请给出 .docx 文件"
    if os.path.isdir(path):
        return f"{path}: 是目录；请逐个列出要加批注的 .docx 文件（如 reportlint annotate 目录/*.docx）"
    if not os.path.lexists(path):
        return f"{path}: 文件不存在"
    lower = path.lower()
    if lower.endswith(".doc"):
        return f"{path}: 是旧版 Word（.doc）格式，请在 Word 或 WPS 中另存为 .docx 后再加批注"
    if not lower.endswith(SUFFIX):
        return (
            f"{path}: 不是 Word 文档（.docx），无法加批注；"
            f"其他格式的报告请直接用 reportlint {path} 检查，或用 --format html 查看标注结果"
        )
    return None


def plan(files: Sequence[str], output: str | None, force: bool) -> list[Job]:
    """The documents to annotate and their copies; :class:`UsageError` for the first refusal."""
    from reportlint.atomic import is_one_of

    if not files:
        raise UsageError("请给出要加批注的 Word 文档（.docx），如 reportlint annotate 报告.docx")
    if output is not None and len(files) > 1:
        raise UsageError(f"-o/--output 只能在给出一个文档时使用（现在给出了 {len(files)} 个）")
    jobs: list[Job] = []
    seen: set[str] = set()
    copies = {os.path.realpath(default_target(path)): path for path in files}
    for path in files:
        reason = _not_annotatable(path)
        if reason is not None:
            raise UsageError(reason)
        key = os.path.realpath(path)
        if key in copies and output is None:  # `annotate *.docx` run a second time
            _say(f"已跳过 {path}：它是 {copies[key]} 的批注副本")
            continue
        if key not in seen:
            seen.add(key)
            jobs.append(Job(path, output if output is not None else default_target(path)))
    sources = [job.source for job in jobs]
    for job in jobs:
        if is_one_of(job.target, sources):
            raise UsageError(f"{job.target}: 是要加批注的原文档之一，拒绝覆盖（原文档永远不会被改动）")
        if os.path.lexists(job.target):
            if os.path.isdir(job.target) or not os.path.isfile(job.target):
                raise UsageError(f"{job.target}: 已存在且不是普通文件，无法写入副本")
            if not force:
                raise UsageError(f"{job.target}: 已存在，未覆盖；加 --force 覆盖它，或用 -o 指定其他文件名")
    return jobs


def _require_python_docx() -> None:
    """python-docx 1.2 or later (the first with comments), or a usage error naming the extra."""
    try:
        import docx
    except ImportError:
        raise UsageError(f"reportlint annotate 需要 python-docx，但未安装：请运行 pip install '{EXTRA}'") from None
    if not hasattr(docx.document.Document, "add_comment"):
        raise UsageError(f"reportlint annotate 需要 python-docx 1.2 或更高版本：请运行 pip install -U '{EXTRA}'")


# -- running -----------------------------------------------------------------------------
def run_annotate(argv: Sequence[str]) -> int:
    """Run ``reportlint annotate`` and return the exit status."""
    args = build_annotate_parser().parse_args(argv)
    jobs = plan(args.files, args.output, args.force)
    _require_python_docx()
    from dataclasses import replace

    from reportlint.app import Session

    # keep_lines: to place a finding's column span on the runs that hold it
    session = Session.open(replace(shared_run_options(args), keep_lines=True))
    result = session.lint_paths([job.source for job in jobs])
    found: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        found.setdefault(diagnostic.path, []).append(diagnostic)
    errors = list(result.errors)
    written: list[Diagnostic] = []
    for job in jobs:
        if job.source not in result.checked:
            continue  # could not be read at all: its error is among result.errors
        diagnostics = found.get(job.source, [])
        error = _annotate_one(job, diagnostics, result.sources.get(job.source), session)
        if error is None:
            written.extend(diagnostics)
        else:
            errors.append(error)
    for error in errors:
        _say(error)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if session.policy.fails(written) and not args.exit_zero else EXIT_OK


def _annotate_one(
    job: Job, diagnostics: Sequence[Diagnostic], lines: Sequence[str] | None, session: Session
) -> str | None:
    """Write *job*'s annotated copy and say so on stdout; the error line instead when it fails."""
    from reportlint.atomic import write_bytes_atomically
    from reportlint.output.docx_comments import AnnotateError, annotated_bytes
    from reportlint.readers.docx import is_docx_zip, why_not_docx

    try:
        with open(job.source, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return f"{job.source}: 无法读取：{error.strerror or error}"
    if not is_docx_zip(data):
        return f"{job.source}: {why_not_docx(data)}，未加批注"
    try:
        copy, count = annotated_bytes(data, diagnostics, lines, session.registry.rules)
    except AnnotateError as error:
        return f"{job.source}: {error}，未加批注"
    try:
        write_bytes_atomically(job.target, copy)
    except OSError as error:
        return f"{job.target}: 无法写入：{error.strerror or error}"
    _print(f"已写入 {job.target}：{count} 条批注" + ("" if count else "（未发现问题）"))
    return None


def _print(message: str) -> None:
    """One line on stdout, control characters in file names escaped."""
    from reportlint.escaping import printable

    sys.stdout.write(printable(message) + "\n")
    sys.stdout.flush()


def _say(message: str) -> None:
    from reportlint.cli import say

    say(message)
