"""The HTML reader plugin: claims .html and .htm files and hands them to the HTML reading code.

This module is loaded on every run (it is a plugin), so it holds only the hooks;
the reading code (:mod:`reportlint.readers.html_document`) and lxml are imported
when an HTML file is actually read, and a .txt run does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint import hookimpl

if TYPE_CHECKING:
    from reportlint.readers.extracted import ExtractedText

HTML_SUFFIXES = (".html", ".htm")


def is_html(path: str) -> bool:
    """True for a path this reader claims by its suffix."""
    return path.lower().endswith(HTML_SUFFIXES)


@hookimpl
def reportlint_read_source(path: str, data: bytes) -> ExtractedText | None:
    """Read .html and .htm files; pass on every other file."""
    if not is_html(path):
        return None
    from reportlint.readers.html_document import extract

    return extract(data)


@hookimpl
def reportlint_source_suffixes() -> list[str]:
    """Claim .html and .htm in directory walks when lxml is installed."""
    from importlib.util import find_spec

    return list(HTML_SUFFIXES) if find_spec("lxml") is not None else []
