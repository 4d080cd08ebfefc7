"""Make the text people actually paste, with the real software they paste from.

.venv/bin/python tools/make_pasted.py [--only KIND]

Writes tests/fixtures/pasted/<kind>/<name>.txt, where <kind> is

- ``browser-page``: the real published page ``../shared/corpus/html/*.html`` as
  Chromium copies it. What Ctrl+A, Ctrl+C in Chrome puts on the clipboard as plain
  text is the page's rendered text, ``document.body.innerText`` (cells of a row
  apart by a TAB, block elements on lines of their own); headless Chromium loads
  the page and a two-line script appended to it replaces the page by a ``<pre>``
  holding that innerText, which ``--dump-dom`` prints. The saved page is a fragment
  without a charset, which the web server gave in its HTTP header; a ``<meta
  charset="utf-8">`` in front plays that part.
- ``browser-docx``: each report's .docx (tests/fixtures/documents, made by
  tools/make_documents.py) exported to HTML by LibreOffice (``soffice --headless
  --convert-to html``) and copied from that page by Chromium, as above;
- ``office-text``: each .docx saved as text by LibreOffice (``--convert-to
  txt:Text``, the office suite's "save as text"), and the real page likewise;
- ``pdftotext``: the three real PDFs of ``../shared/corpus/pdf`` through poppler's
  ``pdftotext -layout``;
- ``pdftotext-documents``: each report's PDF (tests/fixtures/documents, exported from
  its .docx by LibreOffice) through ``pdftotext -layout`` likewise.
- ``office-copy``: each .docx, and the real page (``*.page.txt``), opened in LibreOffice
  Writer, selected whole and copied: the text/plain a paste into a plain-text editor gets;
- ``calc-copy``: each report's HTML export (tests/fixtures/documents/*.html), and the real
  page, opened in LibreOffice Calc and copied likewise: a spreadsheet copy, one
  TAB-separated row of the sheet per line, merged cells flattened into their grid.

The two copies are made by the LibreOffice Basic macro tools/office_copy.bas, which runs
inside headless soffice and reads the controller's transferable (Ctrl+A, Ctrl+C without a
clipboard); LibreOffice's Python bridge is not needed.

tests/test_pasted.py checks that each gives the findings of the hand-made .txt.
Nothing here edits what the software wrote: the files are its output byte for byte.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
OUT = ROOT / "tests" / "fixtures" / "pasted"
KINDS = (
    "browser-page",
    "browser-docx",
    "office-text",
    "pdftotext",
    "pdftotext-documents",
    "office-copy",
    "calc-copy",
)
MACRO = Path(__file__).with_name("office_copy.bas")

_COPY_SCRIPT = (
    "<script>addEventListener('load', () => {"
    "const text = document.body.innerText;"
    "const pre = document.createElement('pre'); pre.id = 'reportlint-innertext'; pre.textContent = text;"
    "document.body.replaceChildren(pre);});</script>"
)
_PRE_RE = re.compile(r'<pre id="reportlint-innertext">(.*?)</pre>', re.DOTALL)
_CHARSET_RE = re.compile(rb"<meta[^>]+charset", re.IGNORECASE)


def chromium_copy(page: Path, work: Path) -> str:
    """The plain text Chromium copies from *page*: its ``document.body.innerText``."""
    data = page.read_bytes()
    if not _CHARSET_RE.search(data[:4096]):
        data = b'<meta charset="utf-8">' + data
    loaded = work / f"{page.stem}.copy.html"
    loaded.write_bytes(data + _COPY_SCRIPT.encode())
    profile = tempfile.mkdtemp(dir=work)
    command = [
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        loaded.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    match = _PRE_RE.search(dom)
    if match is None:
        raise RuntimeError(f"{page}: Chromium gave no innerText")
    return html.unescape(match[1])


def soffice(convert_to: str, sources: list[Path], outdir: Path, work: Path) -> None:
    """Convert *sources* with headless LibreOffice (one run, a private profile)."""
    profile = (work / "lo-profile").as_uri()
    command = [
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        convert_to,
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=1200)


def office_copies(jobs: list[tuple[str, Path, Path]], work: Path) -> None:
    """Copy each (filter, source, target) in LibreOffice as a person would, saving the plain text.

    The macro is put into the Standard library of a private profile, which soffice
    creates on a first start; macros of the profile itself run without a security prompt.
    """
    profile = work / "lo-copy-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
        capture_output=True,
        check=True,
        timeout=300,
    )
    body = xml_escape(MACRO.read_text(encoding="utf-8"), {'"': "&quot;"})
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">{body}</script:module>',
        encoding="utf-8",
    )
    # A trailing TAB ends each job: the macro's last field never carries the line end.
    listing = work / "copy-jobs.txt"
    listing.write_text("".join(f"{f}\t{s}\t{t}\t\n" for f, s, t in jobs), encoding="utf-8")
    command = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "macro:///Standard.Module1.CopyAll",
    ]
    environment = {**os.environ, "REPORTLINT_COPY_JOBS": str(listing)}
    subprocess.run(command, capture_output=True, check=True, timeout=1200, env=environment)
    missing = [target for _, _, target in jobs if not target.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice copied nothing for {missing[0]}")


def write(kind: str, name: str, text: str | bytes) -> None:
    target = OUT / kind / f"{name}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=KINDS, action="append")
    kinds = parser.parse_args().only or KINDS
    pages = sorted((SHARED / "corpus" / "html").glob("*.html"))
    documents = sorted(DOCUMENTS.glob("*.docx"))
    pdfs = sorted((SHARED / "corpus" / "pdf").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if "browser-page" in kinds:
            for page in pages:
                write("browser-page", page.stem, chromium_copy(page, work))
        if "browser-docx" in kinds and documents:
            soffice("html", documents, work / "html", work)
            for document in documents:
                write("browser-docx", document.stem, chromium_copy(work / "html" / f"{document.stem}.html", work))
        if "office-text" in kinds:
            # The page is copied under another name: LibreOffice names its output by the input's stem.
            page_copies = []
            for page in pages:
                page_copies.append(work / f"{page.stem}.page.html")
                shutil.copy(page, page_copies[-1])
            soffice("txt:Text (encoded):UTF8", [*documents, *page_copies], work / "text", work)
            for source in [*documents, *page_copies]:
                name = source.name.removesuffix(".docx").removesuffix(".page.html")
                suffix = ".page" if source.suffix == ".html" else ""
                write("office-text", name + suffix, (work / "text" / f"{source.stem}.txt").read_bytes())
        if "pdftotext" in kinds:
            for pdf in pdfs:
                write("pdftotext", pdf.stem, pdftotext_layout(pdf))
        if "pdftotext-documents" in kinds:
            for pdf in sorted(DOCUMENTS.glob("*.pdf")):
                write("pdftotext-documents", pdf.stem, pdftotext_layout(pdf))
        copies: list[tuple[str, str, Path, Path]] = []
        if "office-copy" in kinds:
            copies += [("office-copy", "MS Word 2007 XML", d, work / "copy" / f"w-{d.stem}.txt") for d in documents]
            copies += [("office-copy", "HTML (StarWriter)", p, work / "copy" / f"w-{p.stem}.page.txt") for p in pages]
        if "calc-copy" in kinds:
            exports = sorted(DOCUMENTS.glob("*.html"))
            copies += [("calc-copy", "HTML (StarCalc)", h, work / "copy" / f"c-{h.stem}.txt") for h in exports]
            copies += [("calc-copy", "HTML (StarCalc)", p, work / "copy" / f"c-{p.stem}.page.txt") for p in pages]
        if copies:
            (work / "copy").mkdir()
            office_copies([(f, s, t) for _, f, s, t in copies], work)
            for kind, _, _, target in copies:
                write(kind, target.name[2:].removesuffix(".txt"), target.read_bytes())
    return 0


def pdftotext_layout(pdf: Path) -> bytes:
    """What poppler's ``pdftotext -layout`` prints for *pdf*, as UTF-8."""
    command = ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"]
    return subprocess.run(command, capture_output=True, check=True).stdout


if __name__ == "__main__":
    sys.exit(main())
