"""What the HTML and PDF readers cost, against the plain-text path in the same run.

Run from the repository root (the .[html,pdf] extras and ../shared are needed):

    .venv/bin/python benchmarks/readers_html_pdf.py

Prints, per reader: the library's import cost (a fresh interpreter, best of five),
and the time to lint each document against the time to lint its hand-made .txt in
the same process, as a ratio. Also the cold start of ``reportlint`` on one .txt,
with the reader plugins registered, to show it does not import their libraries.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"


def import_cost(statement: str, runs: int = 5, before: str = "pass") -> float:
    """Seconds *statement* takes in a fresh interpreter, after *before* (best of *runs*)."""
    code = f"{before}; import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    )


def cold_start(path: Path, runs: int = 5) -> float:
    """Seconds for ``reportlint PATH`` in a fresh process (median of *runs*)."""
    command = [sys.executable, "-m", "reportlint", "--exit-zero", str(path)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def hand_made(stem: str) -> Path:
    """The hand-made .txt of a shared report."""
    for folder in (SHARED / "corpus" / "real", SHARED / "seeds"):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    raise SystemExit(f"no text for {stem}")


def main() -> int:
    """Print the figures."""
    from reportlint.engine import Linter
    from reportlint.plugins import collect_rules, create_manager

    print("import cost (fresh interpreter, best of 5)")
    base = import_cost("import reportlint.cli")
    print(f"  reportlint.cli                 {base * 1000:7.1f} ms")
    for name, statement in (("lxml.html", "import lxml.html"), ("pdfplumber", "import pdfplumber")):
        cost = import_cost(statement)
        print(f"  {name:<30} {cost * 1000:7.1f} ms  ({cost / base:.2f} × reportlint.cli)")
    modules = import_cost("import reportlint.readers.html, reportlint.readers.pdf", before="import reportlint.cli")
    print(f"  reader plugin modules          {modules * 1000:7.1f} ms (what every run adds: after reportlint.cli)")
    txt = hand_made("2024_huaian-city")
    print(f"cold start, reportlint on one .txt: {cold_start(txt) * 1000:.0f} ms (median of 5)")

    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    groups = {
        "html (real page)": sorted((SHARED / "corpus" / "html").glob("*.html")),
        "pdf (real, WPS)": sorted((SHARED / "corpus" / "pdf").glob("*.pdf")),
        "html (LibreOffice)": sorted(DOCUMENTS.glob("*.html")),
        "pdf (LibreOffice)": sorted(DOCUMENTS.glob("*.pdf")),
    }
    print("time per document, against its .txt in the same process (3 rounds, best)")
    for label, paths in groups.items():
        document_times, text_times = [], []
        for path in paths:
            text = hand_made(path.stem)
            document_times.append(_best(linter, path))
            text_times.append(_best(linter, text))
        document, text = statistics.mean(document_times), statistics.mean(text_times)
        print(
            f"  {label:<20} {len(paths):2} files: {document * 1000:8.1f} ms vs .txt {text * 1000:6.1f} ms"
            f"  = {document / text:6.1f} ×"
        )
    _alternatives(groups["html (LibreOffice)"], groups["pdf (real, WPS)"])
    return 0


def _alternatives(pages: list[Path], pdfs: list[Path]) -> None:
    """Parse time of the libraries considered instead, on the same files."""
    from html.parser import HTMLParser

    from lxml import html as lxml_html

    def stdlib(data: str) -> None:
        parser = HTMLParser()
        parser.feed(data)
        parser.close()

    texts = [path.read_text("utf-8") for path in pages]
    print("alternatives (parse only, mean per file, best of 3)")
    for label, parse in (("lxml.html (a tree)", lxml_html.document_fromstring), ("html.parser (events)", stdlib)):
        seconds = min(_timed(lambda parse=parse: [parse(text) for text in texts]) for _ in range(3)) / len(texts)
        print(f"  {label:<28} {seconds * 1000:7.2f} ms per LibreOffice page")
    import pdfplumber
    import pypdfium2

    def plumber(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.chars, page.edges  # noqa: B018 - characters and ruling lines, what the reader uses

    def pdfium(path: Path) -> None:
        document = pypdfium2.PdfDocument(path)
        for page in document:
            page.get_textpage().get_text_range()

    for label, read in (("pdfplumber chars + lines", plumber), ("pypdfium2 text only", pdfium)):
        seconds = min(_timed(lambda read=read: [read(path) for path in pdfs]) for _ in range(3)) / len(pdfs)
        print(f"  {label:<28} {seconds * 1000:7.1f} ms per real PDF")


def _timed(work: object) -> float:
    assert callable(work)
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _best(linter: object, path: Path, rounds: int = 3) -> float:
    from reportlint.engine import Linter

    assert isinstance(linter, Linter)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        linter.lint_file(str(path))
        times.append(time.perf_counter() - start)
    return min(times)


if __name__ == "__main__":
    raise SystemExit(main())
