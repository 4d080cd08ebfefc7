"""Why a document reader could not give text: the exception readers raise for it.

A missing reader library, a PDF without a text layer or a corrupt file must become a
finding of its own kind for that file, never a traceback, and the other files still
run; the engine turns this exception into that finding.
"""

from __future__ import annotations

from reportlint.model.problems import ProblemKind
from reportlint.readers.text import UndecodableError


class DocumentProblem(UndecodableError):
    """A document its reader recognised but cannot turn into text, and why.

    Raised from ``reportlint_read_source``; the file then gets the finding of
    ``kind`` with this message (which should say what to do about it).
    """

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def missing_library(document: str, library: str, extra: str) -> DocumentProblem:
    """The problem for a document whose reader library is not installed: names the extra."""
    return DocumentProblem(
        ProblemKind.READER_UNAVAILABLE,
        f"读取 {document} 文件需要 {library}，但未安装：请运行 pip install 'reportlint[{extra}]'",
    )
