"""P008 no-text-layer: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class NoTextLayer(ProblemRule):
    """What it does:
        Reports a PDF whose pages hold no text, only images: a scanned paper report.

    Why it matters:
        Nothing in it can be read or checked, and readers of the published file
        cannot search or copy it either.

    Example:
        A printed, stamped report scanned to PDF and uploaded as the attachment.

    Fix:
        Publish the PDF exported from the word processor (or run OCR and check the
        result), or lint the report's .docx instead.
    """

    code = "P008"
    name = "no-text-layer"
    summary = "PDF 没有文字层（扫描件），无法检查"
    needs_content = False
    always_reported = True
    problem_kind = "no-text-layer"
