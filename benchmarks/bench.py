"""reportlint's benchmark: every figure a ratio against a yardstick measured in the same run.

The machines here change speed by up to 3× from hour to hour, so an absolute figure
says little; a ratio against something measured beside it, interleaved, does. The
yardstick is flake8's cold start on a one-line Python file (a tool of the same kind,
started the same way); a fixed pure-Python loop is printed beside it as a second one.

Run from the repository root (see docs/benchmarks.md):

    python3 -m venv .venv && .venv/bin/pip install -q -e '.[bench]' && .venv/bin/python benchmarks/bench.py

Targets (issue 13), all on this 2-core machine:
  cold start   reportlint on one report             ≤ 1.0 × flake8's cold start
               the same with a pyproject.toml that sets select/ignore and one rule option
  throughput   wall time per report, -j 2 over 1,000 shared reports  ≤ 0.025 × flake8's cold start
  memory       memory above start-up for 100 × the seed ≤ 1.2 × 10 × that for 10 × the seed
  scale        time for a file 100 × the seed's size ≤ 1.2 × 100 × the seed's time
  suite        (--suite) the whole test suite's wall time ≤ 250 × flake8's cold start (issue 8)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""As a user runs it: with bytecode caches (some shells and tools disable them)."""


def _reports() -> list[Path]:
    reports = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt")])
    if not reports:
        sys.exit(f"no shared reports found under {SHARED}")
    return reports


def _timed(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV, cwd=cwd)
    return time.perf_counter() - start


def _verdict(ratio: float, target: float) -> str:
    return "ok" if ratio <= target else f"ABOVE TARGET {target:g}"


def _report(figure: str, what: str, ratio: float, target: float, note: str = "") -> None:
    """One line of results: the figure, what was divided by what, the ratio and the verdict."""
    print(f"{figure:<12} {what:<66} {ratio:8.3f}  [{_verdict(ratio, target)}]{note}")


class Yardstick:
    """flake8's cold start on a one-line file, sampled between the runs it is compared with."""

    def __init__(self, folder: Path) -> None:
        flake8 = shutil.which("flake8", path=str(BIN)) or shutil.which("flake8")
        if flake8 is None:
            sys.exit("flake8 is the yardstick: pip install -e '.[bench]'")
        self.one_line = folder / "one.py"
        self.one_line.write_text("x = 1\n")
        self.command = [flake8, "--isolated", str(self.one_line)]
        self.samples: list[float] = []
        _timed(self.command)  # warm-up: bytecode caches

    def sample(self) -> float:
        """One more flake8 cold start; returns it."""
        value = _timed(self.command)
        self.samples.append(value)
        return value

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def pure_python_loop() -> float:
    """A fixed CPU-bound loop (seconds): a second yardstick that involves no start-up at all."""
    start = time.perf_counter()
    total = 0
    for number in range(3_000_000):
        total += number % 7
    return time.perf_counter() - start


def interleaved(yardstick: Yardstick, command: list[str], rounds: int, cwd: Path | None = None) -> float:
    """Median ratio of *command* to the yardstick, each run next to a yardstick sample."""
    _timed(command, cwd)  # warm-up
    ratios = [_timed(command, cwd) / yardstick.sample() for _ in range(rounds)]
    return statistics.median(ratios)


def cold_start(yardstick: Yardstick, rounds: int, folder: Path) -> None:
    """reportlint on one report, without and with a configuration, against flake8."""
    seed = str(_reports()[0])
    ratio = interleaved(yardstick, [str(BIN / "reportlint"), "--isolated", seed], rounds)
    _report("cold start", "reportlint on the seed / flake8 cold start", ratio, 1.0)
    project = folder / "configured"
    project.mkdir()
    configuration = (
        '[tool.reportlint]\nselect = ["ALL"]\nignore = ["T004"]\n'
        "[tool.reportlint.rules.A008]\nlast-digit-tolerance = 2\n"
    )
    (project / "pyproject.toml").write_text(configuration, encoding="utf-8")
    ratio = interleaved(yardstick, [str(BIN / "reportlint"), seed], rounds, cwd=project)
    _report("", "the same with a pyproject.toml (select, ignore, one option)", ratio, 1.0)
    _startup_breakdown(yardstick.median)


_BREAKDOWN = """
import time
t0 = time.perf_counter()
import reportlint.cli
t1 = time.perf_counter()
from reportlint.plugins import create_manager, collect_rules
manager = create_manager(); registry = collect_rules(manager)
t2 = time.perf_counter()
from reportlint.parsing import load_parser
load_parser()
t3 = time.perf_counter()
print(f"{t1-t0} {t2-t1} {t3-t2} {len(registry.rules)}")
"""


def _startup_breakdown(unit: float) -> None:
    """Where a cold start goes, each part as a share of flake8's whole cold start."""
    samples = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _BREAKDOWN], capture_output=True, text=True, check=True, env=ENV)
        samples.append([float(x) for x in out.stdout.split()])
    imports, plugins, grammar, rules = (statistics.median(column) for column in zip(*samples, strict=True))
    interpreter = statistics.median(_timed([sys.executable, "-c", "pass"]) for _ in range(5))
    print(
        f"             where it goes (× flake8): interpreter {interpreter / unit:.2f}, imports {imports / unit:.2f}, "
        f"entry points + {rules:.0f} rules {plugins / unit:.2f}, grammar {grammar / unit:.2f}"
    )


def throughput(yardstick: Yardstick, copies: int, jobs: int, folder: Path) -> None:
    """-j N over *copies* copies of the shared reports: wall time per report against flake8's start."""
    reports = _reports()
    corpus = folder / "copies"
    corpus.mkdir()
    for index in range(copies):
        source = reports[index % len(reports)]
        shutil.copyfile(source, corpus / f"{index:05d}_{source.name}")
    command = [str(BIN / "reportlint"), "--isolated", "-j", str(jobs), str(corpus)]
    ratios = []
    for _ in range(3):
        yardstick.sample()
        elapsed = _timed(command)
        ratios.append(elapsed / copies / yardstick.sample())
    ratio = statistics.median(ratios)
    what = f"wall time per report, -j {jobs} over {copies} reports / flake8 cold start"
    _report("throughput", what, ratio, 0.025, f"  ({1 / ratio:.0f} reports per flake8 start)")


def scale(factor: int, folder: Path) -> None:
    """Time and memory for a file *factor* times the seed's size, against the seed's."""
    from reportlint.engine import Linter
    from reportlint.plugins import collect_rules, create_manager

    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    seed = _reports()[0].read_bytes()
    big = seed * factor
    linter.lint_bytes("warm.txt", seed)
    small_time = min(_in_process(linter.lint_bytes, seed) for _ in range(5))
    big_time = min(_in_process(linter.lint_bytes, big) for _ in range(2))
    ratio = big_time / small_time / factor
    _report("scale", f"time for {factor}× the seed / ({factor} × the seed's time), in-process", ratio, 1.2)
    tenth = max(factor // 10, 1)
    empty, small, large = folder / "empty.txt", folder / "small.txt", folder / "big.txt"
    empty.write_bytes("2024年政府信息公开工作年度报告\n".encode())
    small.write_bytes(seed * tenth)
    large.write_bytes(big)
    base = _isolated_peak(empty)
    extra_small = max(_isolated_peak(small) - base, 1)
    extra_large = _isolated_peak(large) - base
    ratio = extra_large / extra_small / (factor / tenth)
    what = f"memory above start-up for {factor}× the seed / ({factor // tenth} × that for {tenth}×)"
    _report("memory", what, ratio, 1.2, f"  ({len(big) // 1024} KB file: +{extra_large // 1024} MB)")


def _isolated_peak(path: Path) -> int:
    """Peak RSS (KB) of one reportlint process on *path*, in a fresh interpreter each time.

    Read from VmHWM, which belongs to the new address space; ``ru_maxrss`` would carry
    over the parent's peak across fork and exec.
    """
    probe = (
        "import sys; from reportlint.cli import main; main(['--isolated', '-j', '1', sys.argv[1]]); "
        "status = open('/proc/self/status').read().split('VmHWM:')[1]; sys.stderr.write(status.split()[0])"
    )
    command = [sys.executable, "-c", probe, str(path)]
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, check=False)
    return int(result.stderr.decode().strip().splitlines()[-1])


def _in_process(lint: Callable[[str, bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    lint("bench.txt", data)
    return time.perf_counter() - start


def suite(yardstick: Yardstick) -> None:
    """The whole test suite as .ci/run runs it, against flake8's cold start sampled around it."""
    yardstick.sample()
    start = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto"]  # as .ci/run does
    subprocess.run(command, cwd=ROOT, env=ENV, check=False, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    unit = statistics.median([yardstick.sample() for _ in range(5)])
    _report("suite", "test suite wall time / flake8 cold start", elapsed / unit, 250)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="cold-start runs of each command")
    parser.add_argument("--copies", type=int, default=1000, help="reports in the throughput run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--suite", action="store_true", help="also time the test suite (issue 8's target)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        yardstick = Yardstick(folder)
        print(f"machine      {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        cold_start(yardstick, args.rounds, folder)
        throughput(yardstick, args.copies, args.jobs, folder)
        scale(args.factor, folder)
        if args.suite:
            suite(yardstick)
        loop = pure_python_loop()
        print(
            f"yardsticks   flake8 cold start {yardstick.median * 1000:.0f} ms (median of {len(yardstick.samples)}); "
            f"a fixed Python loop {loop * 1000:.0f} ms = {loop / yardstick.median:.2f} × flake8"
        )


if __name__ == "__main__":
    main()
