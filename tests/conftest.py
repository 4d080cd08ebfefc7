"""Shared test fixtures: where the shared reports are, reports built from text, and runs shared by many tests.

What is here, for any test file to use:

- :func:`run` — ``reportlint ARGS`` in this process (exit status, stdout, stderr), the
  default for CLI tests; :func:`run_process` starts a real process, for the few tests
  where the process boundary is the point (entry point, signals, terminals, ``-j``).
- :func:`shared_run` — the output of one in-process run, computed once per test process
  and shared by every test that only reads it (the arguments are the cache key). Use it
  for runs over the whole shared corpus or ``examples/`` that several tests read.
- :func:`shared_findings` — the JSON findings of one run over every shared plain-text
  report (seed and real corpus); the default-figure, CSV and end-position tests read it.
- :data:`SLOW_FIRST`, :data:`SHARED_SETUP`, :data:`SHARED_RUNS` — how the tests are
  spread over pytest-xdist workers (``--dist loadgroup``): add a test that takes seconds
  to ``SLOW_FIRST``, and the tests that read one shared run to one group.
- :func:`report_from_text` / :func:`report_from_file` and the ``build`` fixture: report
  models built exactly as the engine builds them.
- ``shared_dir``: ../shared beside the checkout (skips without it, fails in CI).

Reading a PDF costs seconds (pdfminer), and the same PDFs (``examples/``, the corpus)
are read by dozens of tests; :func:`_read_each_pdf_once` keeps each distinct PDF's
extracted text for the rest of the test process, see there.

A test process holds far more long-lived objects than a reportlint run (the collected
suite, hypothesis, every module, the runs and PDFs kept above), and Python's cyclic
garbage collector walks all of them in each full pass; :func:`pytest_collection_finish`
sets it for such a process, see there.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

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


@cache
def _shared_run(args: tuple[str, ...], cwd: str) -> subprocess.CompletedProcess[str]:
    return run(*args, cwd=Path(cwd))


def shared_run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """:func:`run` of *args*, done once per test process and shared by the tests that read it.

    For runs that several tests only read (the whole shared corpus, ``examples/``):
    the first caller pays, the others get the same result. Only for arguments whose
    output depends on nothing but the files named (no stdin, no ``--output-file``),
    and only for files no test changes.
    """
    return _shared_run(tuple(args), str(cwd or Path.cwd()))


def shared_findings_run() -> subprocess.CompletedProcess[str]:
    """One ``--isolated --format json`` run over every :func:`shared_reports` file, once per test process.

    One invocation, so the cross-year rules compare consecutive years (see :func:`shared_run`).
    """
    return shared_run("--isolated", "--format", "json", *map(str, shared_reports()))


def shared_findings() -> list[dict[str, Any]]:
    """The JSON records of :func:`shared_findings_run`, parsed afresh for each caller (who may change them)."""
    records: list[dict[str, Any]] = json.loads(shared_findings_run().stdout)
    return records


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


def lint_with_kept_stores(cache: Path) -> tuple[list[str], dict[str, tuple[int, bool]]]:
    """Check the water-bureau example in a fresh process whose cache folder is *cache*.

    Returns the finding lines, and for each kept store (``pattern_cache``, ``code_cache``)
    its entries by the end and whether the run added any: the kept files' tests run it
    twice, as a user's two starts.
    """
    probe = (
        "import sys\n"
        "from reportlint import code_cache, pattern_cache\n"
        "from reportlint.cli import main\n"
        "status = main(['--isolated', sys.argv[1]])\n"
        "for store in (pattern_cache._store, code_cache._store):\n"
        "    print(len(store.entries), int(store.added))\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-c", probe, str(EXAMPLES / "2023-water-bureau.txt")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert result.returncode == 1, result.stderr
    *lines, patterns, code = result.stdout.splitlines()
    stores = {}
    for name, counts in (("pattern_cache", patterns), ("code_cache", code)):
        kept, added = counts.split()
        stores[name] = (int(kept), added == "1")
    return lines, stores


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


@pytest.fixture(scope="session", autouse=True)
def _read_each_pdf_once() -> Iterator[None]:
    """Keep what the PDF reader extracts from each distinct PDF (by content) for this test process.

    pdfminer takes seconds per report, and the same PDFs are read by many in-process
    runs. The first read of each file's bytes is a real one, so every PDF the tests
    use is still read by the real reader; later reads of the same bytes get the same
    (frozen) :class:`~reportlint.readers.extracted.ExtractedText`. Failures are not
    kept, and with pdfplumber hidden (``sys.modules["pdfplumber"] = None``, as the
    missing-library tests do) the real reader runs. Processes started by the tests
    (``run_process``) read for real; ``-j`` workers forked from this process inherit
    what was read before the fork, and what they read themselves is lost with them
    (so runs over many files that include PDFs are cheaper with ``-j 1``).
    """
    from reportlint.readers import pdf_document
    from reportlint.readers.extracted import ExtractedText

    real = pdf_document.extract
    kept: dict[bytes, ExtractedText] = {}

    def extract(data: bytes) -> ExtractedText:
        if sys.modules.get("pdfplumber", True) is None:
            return real(data)
        key = hashlib.sha256(data).digest()
        if key not in kept:
            kept[key] = real(data)
        return kept[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_document, "extract", extract)
        yield


# -- the garbage collector of a test process --------------------------------------------
GC_YOUNG_THRESHOLD = 10_000
"""Allocations between two collections of the youngest generation (Python's default: 700)."""


def pytest_collection_finish(session: pytest.Session) -> None:
    """Take what collection built out of the collector's passes, and collect less often.

    The collected items, the test modules and what they import live until the process
    ends, yet each full collection walked them all again: some 20 full passes per
    xdist worker, 4-5 s of CPU over the suite, an eighth of its work. ``gc.freeze()``
    moves them to the permanent generation (after a collection, so no garbage is kept),
    and a larger youngest-generation threshold makes every pass rarer: about 1.8 s
    left. Only this process is tuned: the processes that tests start, and what they
    measure, keep Python's defaults; ``-j`` workers forked from here inherit it.
    """
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, oldest)


# -- scheduling over pytest-xdist workers ------------------------------------------------
SLOW_FIRST = (
    "tests/test_house_style.py::test_mypy_strict_passes_on_the_package_and_the_rules",
    "tests/test_cli.py::test_a_parallel_run_prints_exactly_what_a_serial_run_prints",
    "tests/test_cli.py::test_every_line_printed_over_shared_is_a_well_formed_finding",
    "tests/test_hardening.py::test_a_pickle_",
    "tests/test_progress.py::test_a_terminal_sees_a_counter",
    "tests/test_progress.py::test_piped_ci_and_short_runs_show_no_counter",
    "tests/test_progress.py::test_the_total_line_counts_findings_and_files",
    "tests/test_fixing.py::test_fix_on_the_real_reports_changes_only_the_marks_it_names",
    "tests/test_html_pdf_readers.py::test_deeply_nested_pages_are_read_whole_or_refused",
    "tests/test_html_page.py::test_hostile_input_renders_in_html_and_csv[a million characters on one line]",
    "tests/test_server.py::",
    "tests/test_planted_faults.py::",
    "tests/test_hardening.py::test_a_killed_worker_costs_only_its_file",
    "tests/test_plugin_example.py::",
    "tests/test_accuracy.py::",
    "tests/test_html_report.py::",
)
"""Tests (node-id prefixes) that take seconds each: started first, so that no worker is left
with a long test after the others have run out of work. A renamed test only loses its place."""

SHARED_SETUP = {
    "tests/test_accuracy.py": "accuracy",
    "tests/test_annotate.py": "annotate",
    "tests/test_default_figures.py": "shared-pdfs",  # shared_findings()
    "tests/test_docs.py": "shared-pdfs",  # a run over examples/ and ../shared, PDFs included
    "tests/test_end_positions.py": "shared-pdfs",  # shared_findings() and a run over examples/
    "tests/test_guide.py": "shared-pdfs",  # runs over examples/
    "tests/test_html_report.py": "html-report",
    "tests/test_packaging.py": "packaging",
    "tests/test_plugin_example.py": "plugin-example",
    "tests/test_server.py": "server",
}
"""Modules whose tests share an expensive module-scoped fixture (a corpus run, a browser
page, a built wheel): with ``--dist loadgroup`` all of a module's tests run in one worker,
so the fixture is built once, not once per worker (the value names the group: modules that
read one shared run share one)."""


SHARED_RUNS = {
    "tests/test_cli.py::test_every_line_printed_over_shared_is_a_well_formed_finding": "shared-pdfs",
    "tests/test_cli.py::test_a_parallel_run_prints_exactly_what_a_serial_run_prints": "shared-pdfs",
    "tests/test_progress.py::test_piped_ci_and_short_runs_show_no_counter": "shared-pdfs",
    "tests/test_progress.py::test_the_total_line_counts_findings_and_files": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_real_document_gives_the_findings_of_its_hand_made_text": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_wrapped_pdf_lines_are_joined_so_brackets_balance": "shared-pdfs",
    "tests/test_cli.py::test_findings_are_flake8_lines_sorted_and_exit_1": "shared-pdfs",
    "tests/test_output.py::test_junit_has_one_case_per_file_and_a_failure_per_finding": "shared-pdfs",
    "tests/test_docx_reader.py::test_a_directory_run_finds_the_docx_example": "shared-pdfs",
    "tests/test_cli.py::test_a_file_named_twice_is_checked_once": "shared-pdfs",
    "tests/test_cli.py::test_show_source_is_the_same_in_a_parallel_run": "shared-pdfs",
    "tests/test_config.py::test_per_file_ignores_match_globs": "shared-pdfs",
    "tests/test_hardening.py::test_a_full_disk_keeps_the_previous_file": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_pdf_findings_carry_page_and_box": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_pdf_page_numbers_are_dropped_and_cut_tables_joined": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_a_truncated_pdf_is_a_finding_and_the_other_files_still_run": "shared-pdfs",
    "tests/test_html_pdf_readers.py::test_the_example_pdf_gives_its_planted_findings": "shared-pdfs",
    "tests/test_csv.py::test_one_row_per_shared_report_with_its_counts_and_key_figures": "shared-pdfs",
}
"""Tests (node ids without parameters) in different modules or far apart that read one
:func:`shared_run`, or the same PDFs (../shared's and the example's, which
:func:`_read_each_pdf_once` reads once per process): one xdist group each.

``shared-pdfs`` holds every test outside the readers' own exports that reads the example
PDF or a ../shared PDF, and the :func:`shared_findings` readers: split over two workers,
each worker read the same PDFs again (0.3-0.6 s per run)."""


def _group(nodeid: str) -> str | None:
    """The xdist group of a test: its :data:`SHARED_RUNS` or :data:`SHARED_SETUP` entry, if any."""
    function = nodeid.split("[", 1)[0]
    if function in SHARED_RUNS:
        return SHARED_RUNS[function]
    return SHARED_SETUP.get(nodeid.split("::", 1)[0])


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadgroup`` that reads the groups from this file, not from node-id suffixes.

    pytest-xdist's loadgroup puts the group into ``item._nodeid``, which pytest 9 no
    longer reads (node ids come from ``item._id``): every test became its own unit and
    each worker built every shared fixture and run again. The groups are known here
    from the node id alone, so the controller's scheduler asks :func:`_group`.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            plain = nodeid.rsplit("@", 1)[0] if nodeid.rfind("@") > nodeid.rfind("]") else nodeid
            return _group(plain) or plain

    return Scheduling(config, log)


def _slowness(item: pytest.Item) -> int:
    """The place of *item* in :data:`SLOW_FIRST`, or after all of them."""
    return next((i for i, prefix in enumerate(SLOW_FIRST) if item.nodeid.startswith(prefix)), len(SLOW_FIRST))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns xdist_group marks into node-id suffixes
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests first; the tests of a :data:`SHARED_SETUP` module or a shared run in one xdist group."""
    for item in items:
        group = _group(item.nodeid)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=_slowness)  # a stable sort: the order is kept otherwise
