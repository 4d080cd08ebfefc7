"""Export the .docx fixtures to PDF and HTML with LibreOffice, as an agency's staff would.

The reader tests need each shared report as a PDF and as an HTML page made by real
office software, not by a converter of ours. This script runs LibreOffice headless
(``soffice --convert-to pdf`` and ``--convert-to html``) on every
``tests/fixtures/documents/*.docx`` and writes the results beside them; the results
are committed, so the tests do not need LibreOffice.

It also makes the bundled example PDF: ``--examples`` opens each
``tools/examples/*.html`` in LibreOffice Writer (as a Word user would open a page)
and exports it to ``examples/NAME.pdf``.

Usage: ``python tools/export_documents.py [--soffice PATH] [--examples] [NAME.docx ...]``
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
EXAMPLE_SOURCES = ROOT / "tools" / "examples"
EXAMPLES = ROOT / "examples"
FORMATS = ("pdf", "html")


def export(sources: list[Path], target: str, soffice: str, into: Path | None = None, infilter: str = "") -> None:
    """Convert *sources* to *target* (``pdf`` or ``html``) into *into* (default: beside them).

    *infilter* names LibreOffice's import filter (an HTML page opened in Writer
    rather than in Writer/Web, whose PDF has no table borders).

    Each run gets its own LibreOffice profile in a temporary folder, so that it
    neither reads the user's settings nor collides with a LibreOffice already open.
    """
    with tempfile.TemporaryDirectory(prefix="reportlint-lo-") as profile, tempfile.TemporaryDirectory() as out:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target,
            "--outdir",
            out,
            *map(str, sources),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=900)
        for source in sources:
            made = Path(out) / f"{source.stem}.{target}"
            if not made.exists():
                raise SystemExit(f"LibreOffice did not write {made.name}")
            shutil.copyfile(made, (into or source.parent) / f"{source.stem}.{target}")


def main(argv: list[str] | None = None) -> int:
    """Export the named fixtures (default: all of them) to PDF and HTML."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    parser.add_argument("--examples", action="store_true", help="make examples/*.pdf from tools/examples/*.html")
    parser.add_argument("names", nargs="*", help="file names under tests/fixtures/documents")
    args = parser.parse_args(argv)
    if args.examples:
        pages = sorted(EXAMPLE_SOURCES.glob("*.html"))
        export(pages, "pdf", args.soffice, into=EXAMPLES, infilter="HTML (StarWriter)")
        print(f"{len(pages)} example pages exported to PDF")
        return 0
    sources = [DOCUMENTS / name for name in args.names] or sorted(DOCUMENTS.glob("*.docx"))
    if not sources:
        print("no .docx fixtures found", file=sys.stderr)
        return 1
    for target in FORMATS:
        export(sources, target, args.soffice)
        print(f"{len(sources)} documents exported to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
