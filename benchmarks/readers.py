"""What the .docx reader costs: import time, and time per document against the .txt path.

Run from the repository root with the docx extra installed (see docs/readers.md):

    .venv/bin/python benchmarks/readers.py

Every figure is taken in the same run, on the same machine, so the ratios hold even
where the absolute times do not: the shared reports as .txt and as the .docx fixtures
of tests/fixtures/documents, read and linted alternately.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
REPEATS = 5


def _subprocess_seconds(code: str) -> float:
    """Median wall time of a fresh interpreter running *code*."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


WITHOUT_DOCX = (
    "import sys, types\n"
    "sys.modules['reportlint.readers.docx'] = types.ModuleType('reportlint.readers.docx')  # no DOCX reader\n"
)


def cold_starts(path: Path, rounds: int = 15) -> tuple[float, float]:
    """Median cold start on *path* with the DOCX reader installed and without it, interleaved."""
    lint = f"from reportlint.cli import main; main([{str(path)!r}])"
    with_reader: list[float] = []
    without: list[float] = []
    for _ in range(rounds):
        for code, times in ((lint, with_reader), (WITHOUT_DOCX + lint, without)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(with_reader), statistics.median(without)


def plugin_import_ms() -> float:
    """Median in-process import time of the plugin module every run loads (its dependencies loaded)."""
    code = (
        "import time, reportlint.engine\nstart = time.perf_counter()\nimport reportlint.readers.docx\n"
        "print((time.perf_counter() - start) * 1000)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
        for _ in range(REPEATS)
    ]
    return statistics.median(runs)


def import_costs() -> dict[str, float]:
    """Self+children import time (µs) of the modules that matter, from ``-X importtime``."""
    code = "import reportlint.cli, reportlint.plugins; reportlint.plugins.create_manager(); import docx"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True)
    costs: dict[str, float] = {}
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+(.*)$", line)
        if match and match[2].strip() in ("reportlint.readers.docx", "docx", "lxml.etree", "reportlint.cli"):
            costs[match[2].strip()] = float(match[1])
    return costs


def per_document() -> tuple[float, float, float, float]:
    """Median seconds per report: (read .txt, read .docx, lint .txt, lint .docx)."""
    from reportlint.engine import Linter, read_report
    from reportlint.plugins import collect_rules, create_manager

    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    pairs = [
        (source, DOCUMENTS / f"{source.stem}.docx")
        for source in sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/real/*.txt")])
    ]
    read_report(manager, str(pairs[0][1]), pairs[0][1].read_bytes())  # python-docx imported before timing
    figures: dict[str, list[float]] = {"read-txt": [], "read-docx": [], "lint-txt": [], "lint-docx": []}
    for _ in range(REPEATS):
        for kind, index in (("txt", 0), ("docx", 1)):
            start = time.perf_counter()
            for pair in pairs:
                read_report(manager, str(pair[index]), pair[index].read_bytes())
            figures[f"read-{kind}"].append((time.perf_counter() - start) / len(pairs))
            start = time.perf_counter()
            for pair in pairs:
                linter.lint_file(str(pair[index]))
            figures[f"lint-{kind}"].append((time.perf_counter() - start) / len(pairs))
    medians = {key: statistics.median(values) for key, values in figures.items()}
    return medians["read-txt"], medians["read-docx"], medians["lint-txt"], medians["lint-docx"]


def main() -> None:
    """Print the figures docs/readers.md quotes."""
    txt = SHARED / "corpus" / "real" / "2024_huaian-city.txt"
    docx_file = DOCUMENTS / "2024_huaian-city.docx"
    lint = "from reportlint.cli import main; main([{!r}])"
    cold_txt, cold_txt_without = cold_starts(txt)
    cold_docx = _subprocess_seconds(lint.format(str(docx_file)))
    costs = import_costs()
    plugin_ms = plugin_import_ms()
    read_txt, read_docx, lint_txt, lint_docx = per_document()
    print(f"cold start, one .txt:   {cold_txt * 1000:7.1f} ms")
    without = cold_txt_without * 1000
    print(f"  without the DOCX reader: {without:7.1f} ms   (with it: {cold_txt / cold_txt_without:.3f} x)")
    print(f"cold start, one .docx:  {cold_docx * 1000:7.1f} ms   ({cold_docx / cold_txt:.2f} x the .txt)")
    print(f"import reportlint.readers.docx (the plugin, every run): {plugin_ms:.2f} ms")
    for module, micros in sorted(costs.items()):
        print(f"import {module:<24} {micros / 1000:7.2f} ms   ({micros / 1e6 / cold_txt:.1%} of the .txt cold start)")
    print(f"read+parse+model .txt:  {read_txt * 1000:7.2f} ms per report")
    print(f"read+parse+model .docx: {read_docx * 1000:7.2f} ms per report   ({read_docx / read_txt:.2f} x)")
    print(f"lint .txt:              {lint_txt * 1000:7.2f} ms per report")
    print(f"lint .docx:             {lint_docx * 1000:7.2f} ms per report   ({lint_docx / lint_txt:.2f} x)")


if __name__ == "__main__":
    main()
