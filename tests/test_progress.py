"""Long runs: a progress counter on a terminal's stderr only, and the total line that ends the default format."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reportlint.output.progress import MIN_FILES
from tests.conftest import EXAMPLES, FIXABLE_RE, FIXTURES, SHARED, TOTAL_RE, findings, run, shared_run, total_of

pytestmark = pytest.mark.usefixtures("shared_dir")


def _many() -> list[str]:
    paths = [SHARED / "seeds", SHARED / "corpus" / "real", EXAMPLES]
    count = sum(len(list(path.glob("*.txt"))) for path in paths)
    assert count >= MIN_FILES, "not enough reports for a progress counter"
    return [str(path) for path in paths]


def _on_terminal(*args: str, ci: bool = False) -> tuple[subprocess.CompletedProcess[str], str]:
    """``reportlint ARGS`` in this process with stderr on a pseudo-terminal; returns the run and what the terminal got.

    The terminal is the point, not the process: the counter is drawn on ``sys.stderr``
    when it is a terminal, and here it is one (``-j`` workers are forked with it).
    """
    from reportlint.cli import main

    controller, terminal = pty.openpty()
    received: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO once every handle on the terminal is closed
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(open(terminal, "wb", buffering=0), encoding="utf-8", write_through=True)
    saved = sys.stdout, sys.stderr
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv("CI", raising=False)
            if ci:
                patch.setenv("CI", "true")
            sys.stdout, sys.stderr = stdout, stderr
            code = main(list(args))
    finally:
        sys.stdout, sys.stderr = saved
        stdout.flush()
        stdout.detach()  # keep *out* open
        stderr.close()  # closes the terminal: the reader gets EIO
        reader.join(timeout=30)
        os.close(controller)
    done = subprocess.CompletedProcess(list(args), code, out.getvalue().decode("utf-8"), "")
    return done, b"".join(received).decode("utf-8", errors="replace")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_terminal_sees_a_counter_that_is_erased_at_the_end(jobs: str) -> None:
    result, screen = _on_terminal("--isolated", "-j", jobs, *_many_texts())
    total = total_of(result.stdout)
    assert total, result.stdout[-300:]
    files = int(total[4])
    assert f"检查中 {files}/{files} 个文件（100%）" in screen
    assert screen.startswith("\r检查中 ") and screen.endswith("\r\x1b[K")
    assert "\n" not in screen, "the counter must stay on one line"


def _many_texts() -> list[str]:
    """At least :data:`MIN_FILES` reports, all plain text (no PDF to read): enough for a counter."""
    paths = [*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt"), *FIXTURES.glob("clean-*.txt")]
    assert len(paths) >= MIN_FILES, "not enough reports for a progress counter"
    return [str(path) for path in paths]


def test_piped_ci_and_short_runs_show_no_counter() -> None:
    piped = shared_run("--isolated", "-j", "1", *_many())  # stderr is no terminal in-process either
    assert piped.stderr == "" and total_of(piped.stdout)
    _, in_ci = _on_terminal("--isolated", "-j", "1", *_many_texts(), ci=True)  # the counter is the parent's
    assert in_ci == ""
    _, short = _on_terminal("--isolated", *map(str, FIXTURES.glob("clean-*.txt")))
    assert short == ""


def test_the_total_line_counts_findings_and_files() -> None:
    result = shared_run("--isolated", "-j", "1", *_many())  # one process: each PDF is read once (see conftest)
    lines = findings(result.stdout)
    total = total_of(result.stdout)
    assert total
    found, errors, warnings, files = (int(group) for group in total.groups())
    records = json.loads(run("--isolated", "--format", "json", "-j", "1", *_many()).stdout)
    assert found == len(lines) == len(records) == errors + warnings
    assert errors == sum(record["severity"] == "error" for record in records)
    reports = [file for path in _many() for file in Path(path).iterdir() if file.suffix in (".txt", ".docx", ".pdf")]
    assert files == len(reports)


def test_the_total_line_is_only_in_the_default_format(tmp_path: Path) -> None:
    report = str(EXAMPLES / "2023-water-bureau.txt")
    for name in ("json", "sarif", "github", "junit", "csv", "html"):
        output = run("--isolated", "--format", name, report).stdout
        assert not any(TOTAL_RE.match(line) for line in output.splitlines()), name
    out = tmp_path / "findings.txt"
    run("--isolated", "--output-file", str(out), report)
    assert total_of(out.read_text(encoding="utf-8")), "the file gets the total, as with ruff"
    with_statistics = [
        line for line in run("--isolated", "--statistics", report).stdout.splitlines() if not FIXABLE_RE.match(line)
    ]
    assert TOTAL_RE.match(with_statistics[-1]) and not TOTAL_RE.match(with_statistics[-2])
    assert run("--isolated", str(Path(__file__).parent / "fixtures" / "clean-2021.txt")).stdout == ""
