"""P008 damaged-document: 文档已损坏或格式不符，无法读取"""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class DamagedDocument(ProblemRule):
    """文档已损坏或格式不符，无法读取

    What it does:
        Reports a file that claims to be a document — by its suffix (`.docx`) or by its
        signature — but cannot be opened as one: a truncated download, a zip without
        `word/document.xml`, an old binary `.doc` renamed to `.docx`. The message says
        which. The other files of the run are still checked.

    Why it matters:
        Nothing in the file can be checked; a published attachment in this state cannot
        be opened by readers either.

    Example:
        A `.docx` cut short by an interrupted download.

    Fix:
        Export the document again from Word or WPS (save as `.docx`) and check the new file.

    Options:
        None.
    """

    code = "P008"
    name = "damaged-document"
    summary = "文档已损坏或格式不符，无法读取"
    needs_content = False
    problem_kind = "damaged-document"
