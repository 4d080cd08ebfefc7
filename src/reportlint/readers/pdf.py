"""The PDF reader plugin: claims PDF files and hands them to the PDF reading code.

This module is loaded on every run (it is a plugin), so it holds only the hooks;
the reading code (:mod:`reportlint.readers.pdf_document`) and pdfplumber are
imported when a PDF is actually read, and a .txt run does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint import hookimpl

if TYPE_CHECKING:
    from reportlint.readers.extracted import ExtractedText

PDF_SUFFIXES = (".pdf",)
PDF_MAGIC = b"%PDF-"


def is_pdf(path: str, data: bytes) -> bool:
    """True for a file this reader claims: a .pdf suffix, or PDF's magic bytes at the start."""
    return path.lower().endswith(PDF_SUFFIXES) or data[:1024].lstrip()[:5] == PDF_MAGIC


@hookimpl
def reportlint_read_source(path: str, data: bytes) -> ExtractedText | None:
    """Read PDF files; pass on every other file."""
    if not is_pdf(path, data):
        return None
    from reportlint.readers.pdf_document import extract

    return extract(data)


@hookimpl
def reportlint_source_suffixes() -> list[str]:
    """Claim .pdf in directory walks when pdfplumber is installed."""
    from importlib.util import find_spec

    return list(PDF_SUFFIXES) if find_spec("pdfplumber") is not None else []
