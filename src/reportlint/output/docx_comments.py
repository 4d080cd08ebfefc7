"""A run's findings as Word comments in a copy of the checked .docx: the report stage for Word.

A clerk who wrote the report in Word or WPS reads the findings best where they are:
as review comments in the margin, beside the paragraph or table cell at fault, with
Word's own tools to step through them and delete each once fixed. Each finding becomes
one comment by 「reportlint」 (initials 「RL」), anchored as
:mod:`reportlint.output.docx_anchors` decides, reading::

    [A001] 表三「自然人」列：（七）总计为20，但各项办理结果之和为26（…）
    规则 A001：表三勾稽关系不成立（错误；详见 reportlint --explain A001）

The comments are added with python-docx (``Document.add_comment``, 1.2 or later), which
keeps a document's existing comments and numbers the new ones after them. Report text
quoted in a message is stored as text, never as markup (lxml escapes ``<`` and ``&``);
the characters XML 1.0 cannot hold at all (most C0 controls, U+FFFE/U+FFFF, lone
surrogates) are written as their escape (``\\x0b``), so no report can break the file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.lazyre import lazy_compile
from reportlint.output.docx_anchors import BodyMap

if TYPE_CHECKING:
    from reportlint.rulebase import Rule

AUTHOR = "reportlint"
INITIALS = "RL"
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告"}
_XML_FORBIDDEN_RE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class AnnotateError(Exception):
    """A document that cannot be annotated (python-docx cannot open it): one line in Chinese."""


def xml_safe(text: str) -> str:
    """*text* with only the characters XML 1.0 forbids written as their escape; everything else as it is."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _XML_FORBIDDEN_RE.sub(escape, text)


def comment_text(diagnostic: Diagnostic, rule: type[Rule[Any]] | None) -> str:
    """The comment of one finding: 「[CODE] message」, then the rule's summary and severity.

    Paragraphs are separated by newlines (python-docx makes each a comment paragraph).
    """
    message = diagnostic.message.replace("\r\n", "\n").replace("\r", "\n")
    lines = [f"[{diagnostic.code}] {message}"]
    severity = SEVERITY_NAMES.get(diagnostic.severity, str(diagnostic.severity))
    summary = rule.summary if rule is not None else diagnostic.name
    lines.append(f"规则 {diagnostic.code}：{summary}（{severity}；详见 reportlint --explain {diagnostic.code}）")
    return xml_safe("\n".join(lines))


def open_document(data: bytes) -> Any:
    """The python-docx ``Document`` of *data*, or :class:`AnnotateError` saying why not."""
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # zip, XML and content-type errors all end here
        reason = f"{type(error).__name__}：{error}"[:160]
        raise AnnotateError(f"无法打开这个 Word 文档，文件可能已损坏（{reason}）") from None


MAX_COMMENTS = 500
"""Comments per document at most: python-docx finds each new comment's id by searching all the
earlier ones, so thousands of comments would take minutes, and no clerk reads that many in Word;
past the limit one comment on the title says how many were left out."""


def annotate(
    document: Any,
    diagnostics: Sequence[Diagnostic],
    lines: Sequence[str] | None,
    rules: Mapping[str, type[Rule[Any]]],
) -> int:
    """Add one comment per diagnostic to *document* (a python-docx ``Document``); return how many.

    *lines* are the file's extracted lines (``RunResult.sources``), used to place a
    finding's column span on the runs that hold it.
    """
    from docx.text.run import Run

    body_map = BodyMap.of(document.element.body)
    added = 0
    shown = diagnostics if len(diagnostics) <= MAX_COMMENTS else diagnostics[: MAX_COMMENTS - 1]
    for diagnostic in shown:
        line = lines[diagnostic.line - 1] if lines is not None and 0 < diagnostic.line <= len(lines) else None
        anchor = body_map.anchor(diagnostic, line)
        if anchor is None:  # a document without any paragraph: give it one
            body_map.paragraphs.append(document.element.body.add_p())
            anchor = body_map.file_anchor()
            assert anchor is not None
        runs = [Run(anchor.first, document), Run(anchor.last, document)]  # the parent gives the part
        document.add_comment(runs, comment_text(diagnostic, rules.get(diagnostic.code)), AUTHOR, INITIALS)
        added += 1
    left = len(diagnostics) - len(shown)
    if left:
        anchor = body_map.file_anchor()
        if anchor is not None:
            runs = [Run(anchor.first, document), Run(anchor.last, document)]
            note = (
                f"另有 {left} 个问题未加批注（每份文档至多 {MAX_COMMENTS} 条批注），"
                "请查看 reportlint 的输出或 HTML 报告。"
            )
            document.add_comment(runs, note, AUTHOR, INITIALS)
            added += 1
    return added


def annotated_bytes(
    data: bytes,
    diagnostics: Sequence[Diagnostic],
    lines: Sequence[str] | None,
    rules: Mapping[str, type[Rule[Any]]],
) -> tuple[bytes, int]:
    """A copy of the .docx *data* with the findings as comments, and the number of comments added."""
    document = open_document(data)
    out = io.BytesIO()
    try:
        count = annotate(document, diagnostics, lines, rules)
        document.save(out)
    except Exception as error:  # a part python-docx opened but cannot extend (a broken comments part …)
        reason = f"{type(error).__name__}：{error}"[:160]
        raise AnnotateError(f"无法在这个 Word 文档中添加批注（{reason}）") from None
    return out.getvalue(), count
