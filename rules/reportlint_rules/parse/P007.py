"""P007 reader-unavailable: 读取这类文件所需的库未安装"""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class ReaderUnavailable(ProblemRule):
    """读取这类文件所需的库未安装

    What it does:
        Reports a document (.html, .pdf, …) whose reader needs a library that is not
        installed, and names the extra that installs it.

    Why it matters:
        The file was not checked at all; without this finding a run over a folder of
        PDFs would look clean.

    Example:
        `reportlint report.pdf` where pdfplumber is not installed.

    Fix:
        Install the extra the message names, e.g. `pip install 'reportlint[pdf]'`.

    Options:
        None.
    """

    code = "P007"
    name = "reader-unavailable"
    summary = "读取这类文件所需的库未安装"
    needs_content = False
    problem_kind = "reader-unavailable"
