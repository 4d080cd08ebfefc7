"""Shared test fixtures: where the shared reports are, and reports built from text."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reportlint.model import Report
from reportlint.model.report import build_report
from reportlint.parsing import parse_text
from reportlint.readers.text import decode, normalise_newlines

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = ROOT / "examples"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``reportlint ARGS`` in this process, as a user would run it: exit status, stdout, stderr.

    The CLI is called in-process (a process start costs more than most checks);
    :func:`run_process` is for the tests where the process boundary is the point.
    """
    from reportlint.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    with _standard_streams(stdin or b"", out, err), contextlib.chdir(cwd or Path.cwd()):
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@contextlib.contextmanager
def _standard_streams(stdin: bytes, out: io.BytesIO, err: io.BytesIO) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for stream in streams:
            stream.flush()
            stream.detach()  # keep the buffers open for the caller


TOTAL_RE = re.compile(r"^发现 (\d+) 个问题（(\d+) 个错误，(\d+) 个警告），检查了 (\d+) 个文件。$")
"""The line that ends default-format output with findings."""
FIXABLE_RE = re.compile(r"^(\[\*\] 其中 \d+ 个可用 --fix( --unsafe-fixes)? 自动修复|没有可自动修复的问题).*。$")
"""The line after the total when some findings can be fixed by ``--fix`` (as ruff's ``[*] N fixable``)."""


def total_of(stdout: str) -> re.Match[str] | None:
    """The total line of default-format output, which ends it (before the fixable line, if any)."""
    lines = stdout.splitlines()
    if len(lines) > 1 and FIXABLE_RE.match(lines[-1]):
        lines.pop()
    return TOTAL_RE.match(lines[-1]) if lines else None


def findings(stdout: str) -> list[str]:
    """The lines of default-format output without its closing total and fixable lines (checked to be the last)."""
    lines = stdout.splitlines()
    if len(lines) > 1 and FIXABLE_RE.match(lines[-1]) and TOTAL_RE.match(lines[-2]):
        lines.pop()
    if lines and TOTAL_RE.match(lines[-1]):
        lines.pop()
    assert not any(TOTAL_RE.match(line) for line in lines), "the total line must be the last line"
    return lines


def run_process(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m reportlint ARGS`` in a new process (for entry point, stdin and ``-j`` tests)."""
    process = subprocess.run(
        [sys.executable, "-m", "reportlint", *args], input=stdin, capture_output=True, cwd=cwd, check=False
    )
    return subprocess.CompletedProcess(
        process.args, process.returncode, process.stdout.decode("utf-8"), process.stderr.decode("utf-8")
    )


def shared_reports() -> list[Path]:
    """The seed and the real corpus reports (plain text), sorted."""
    return sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt")])


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; CI has it, so there its absence is a failure."""
    if not (SHARED / "corpus").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared reports not found at {SHARED}")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def report_from_text(text: str, path: str = "test.txt") -> Report:
    """The model of *text*, built exactly as the engine builds it."""
    text = normalise_newlines(text)
    return build_report(path, text, parse_text(text))


def report_from_file(path: Path) -> Report:
    """The model of a file on disk."""
    return report_from_text(decode(path.read_bytes()).text, str(path))


@pytest.fixture
def build() -> Callable[[str], Report]:
    """Build a report model from a text snippet."""
    return report_from_text
