"""reportlint's benchmark: cold start, throughput, memory and scaling, printed as figures.

Run from the repository root (see docs/benchmarks.md):

    python3 -m venv .venv && .venv/bin/pip install -q -e '.[bench]' && .venv/bin/python benchmarks/bench.py

Targets (issue 5, on the 2-core machines used here):
  cold start   reportlint on one report ≤ 1.25 × flake8 on a one-line Python file
  throughput   ≥ 300 reports/s with -j 2 over 1,000 copies of the shared reports
  memory       peak resident memory < 150 MB for that run
  scale        a report 100 × the seed's size takes ≤ 120 × as long as the seed
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


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start


def _rss_kb(pid: int) -> int:
    """Resident memory of *pid* and all its descendants, in KB (0 if gone)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _run_with_peak(command: list[str]) -> tuple[float, int]:
    """Wall time and the peak of the summed RSS of the process tree (sampled every 50 ms).

    Sampling walks /proc, which costs CPU on a 2-core machine; every 50 ms it stays
    out of the figure it measures.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _rss_kb(process.pid))
        time.sleep(0.05)
    return time.perf_counter() - start, peak


def cold_start(rounds: int) -> None:
    """reportlint on one report against flake8 on a one-line file, interleaved."""
    flake8 = shutil.which("flake8", path=str(BIN)) or shutil.which("flake8")
    seed = str(_reports()[0])
    with tempfile.TemporaryDirectory() as folder:
        one_line = Path(folder) / "one.py"
        one_line.write_text("x = 1\n")
        ours: list[float] = []
        theirs: list[float] = []
        _timed([str(BIN / "reportlint"), "--isolated", seed])  # warm-up: writes bytecode caches
        for _ in range(rounds):
            ours.append(_timed([str(BIN / "reportlint"), "--isolated", seed]))
            if flake8:
                theirs.append(_timed([flake8, "--isolated", str(one_line)]))
    ours_median = statistics.median(ours)
    print(f"cold start   reportlint {ours_median * 1000:7.1f} ms (median of {rounds})")
    if theirs:
        theirs_median = statistics.median(theirs)
        ratio = ours_median / theirs_median
        verdict = "ok" if ratio <= 1.25 else "ABOVE TARGET 1.25"
        print(f"             flake8     {theirs_median * 1000:7.1f} ms   ratio {ratio:.2f}  [{verdict}]")
    else:
        print("             flake8 not installed: pip install flake8 (the 'bench' extra) to compare")
    _startup_breakdown()


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
print(f"{(t1-t0)*1000:.1f} {(t2-t1)*1000:.1f} {(t3-t2)*1000:.1f} {len(registry.rules)}")
"""


def _startup_breakdown() -> None:
    samples = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _BREAKDOWN], capture_output=True, text=True, check=True, env=ENV)
        samples.append([float(x) for x in out.stdout.split()])
    imports, plugins, grammar, rules = (statistics.median(column) for column in zip(*samples, strict=True))
    interpreter = statistics.median(_timed([sys.executable, "-c", "pass"]) for _ in range(5)) * 1000
    print(
        f"             where it goes: interpreter {interpreter:.1f} ms, imports {imports:.1f} ms, "
        f"entry points + {rules:.0f} rules {plugins:.1f} ms, grammar {grammar:.1f} ms"
    )


def throughput(copies: int, jobs: int) -> None:
    """-j N over *copies* copies of the shared reports: reports per second and peak memory."""
    reports = _reports()
    with tempfile.TemporaryDirectory() as folder:
        for index in range(copies):
            source = reports[index % len(reports)]
            shutil.copyfile(source, Path(folder) / f"{index:05d}_{source.name}")
        elapsed, peak_kb = _run_with_peak([str(BIN / "reportlint"), "--isolated", "-j", str(jobs), folder])
    rate = copies / elapsed
    verdict = "ok" if rate >= 300 else "BELOW TARGET 300"
    print(f"throughput   {copies} reports with -j {jobs}: {elapsed:.2f} s = {rate:.0f} reports/s  [{verdict}]")
    verdict = "ok" if peak_kb / 1024 < 150 else "ABOVE TARGET 150 MB"
    print(f"memory       peak RSS of the process tree {peak_kb / 1024:.0f} MB  [{verdict}]")


def scale(factor: int) -> None:
    """The seed against a file *factor* times its size (in-process, without start-up)."""
    from reportlint.engine import Linter
    from reportlint.plugins import collect_rules, create_manager

    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    seed = _reports()[0].read_bytes()
    big = seed * factor
    linter.lint_bytes("warm.txt", seed)
    small_time = min(_in_process(linter, seed) for _ in range(5))
    big_time = min(_in_process(linter, big) for _ in range(2))
    ratio = big_time / small_time
    verdict = "ok" if ratio <= factor * 1.2 else f"ABOVE TARGET {factor * 1.2:.0f}"
    print(
        f"scale        seed {small_time * 1000:.1f} ms, {factor}× seed ({len(big) // 1024} KB) "
        f"{big_time * 1000:.0f} ms: ratio {ratio:.0f}  [{verdict}]"
    )


def _in_process(linter: object, data: bytes) -> float:
    start = time.perf_counter()
    linter.lint_bytes("bench.txt", data)  # type: ignore[attr-defined]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="cold-start runs of each command")
    parser.add_argument("--copies", type=int, default=1000, help="reports in the throughput run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args()
    print(f"machine      {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    cold_start(args.rounds)
    throughput(args.copies, args.jobs)
    scale(args.factor)


if __name__ == "__main__":
    main()
