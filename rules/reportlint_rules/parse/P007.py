"""P007 reader-missing: 缺少读取该类文件所需的库"""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class ReaderMissing(ProblemRule):
    """缺少读取该类文件所需的库

    What it does:
        Reports a document (such as a Word `.docx`) that a reportlint reader recognises
        but cannot read because the library it needs is not installed. The message
        names the extra to install. The other files of the run are still checked.

    Why it matters:
        Skipping the file silently would pass a report nobody checked.

    Example:
        `report.docx` checked where python-docx is not installed:
        「读取 Word 文档需要 python-docx，请安装：pip install 'reportlint[docx]'」.

    Fix:
        Install the extra the message names (`pip install 'reportlint[documents]'`
        installs every document reader) and run again.

    Options:
        None.
    """

    code = "P007"
    name = "reader-missing"
    summary = "缺少读取该类文件所需的库"
    needs_content = False
    problem_kind = "reader-missing"
