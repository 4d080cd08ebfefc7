"""Write the test document that already has a reviewer's comments, for ``reportlint annotate``.

.venv/bin/python tools/make_commented_document.py

A draft handed to reportlint has often been through a colleague first. This takes the
committed fixture tests/fixtures/documents/2021_pingtan-zone.docx, adds two comments by
「办公室审核」 (one on the title, one on a table cell) and a tracked insertion, and has
LibreOffice open and save the result (``soffice --headless --convert-to docx``), so that
tests/fixtures/annotate/2021_pingtan-zone.reviewed.docx holds the comments as an office
suite writes them, not as python-docx does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "fixtures" / "documents" / "2021_pingtan-zone.docx"
TARGET = ROOT / "tests" / "fixtures" / "annotate" / "2021_pingtan-zone.reviewed.docx"
REVIEWER = "办公室审核"


def reviewed(source: Path, target: Path) -> None:
    """Save *source* with the reviewer's comments and an inserted sentence as *target* (python-docx)."""
    document = docx.Document(str(source))
    title = document.paragraphs[0]
    document.add_comment(title.runs, text="标题请与发文稿核对", author=REVIEWER, initials="审")
    cell = document.tables[0].cell(3, 3)
    document.add_comment(cell.paragraphs[0].runs, text="这个数请再核实", author=REVIEWER, initials="审")
    # a sentence added with track changes on, at the end of the second paragraph
    paragraph = document.paragraphs[1]._p
    insertion = OxmlElement(
        "w:ins", {qn("w:id"): "900", qn("w:author"): REVIEWER, qn("w:date"): "2022-01-10T09:00:00Z"}
    )
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "本报告经办公室审核。"
    run.append(text)
    insertion.append(run)
    paragraph.append(insertion)
    document.save(str(target))


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) not found")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        draft = Path(work) / TARGET.name
        reviewed(SOURCE, draft)
        out = Path(work) / "out"
        subprocess.run(
            [soffice, f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}", "--headless",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(draft)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.move(str(out / TARGET.name), TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
