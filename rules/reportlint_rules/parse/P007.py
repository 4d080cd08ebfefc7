"""P007 reader-unavailable: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class ReaderUnavailable(ProblemRule):
    """检查内容：
        文档（.html、.pdf 等）的读取器所需的库未安装时报告，并写明安装该库的 extra（可选依赖组）。

    为何重要：
        这个文件完全没有得到检查；没有这条提示，对一个 PDF 文件夹的检查看起来会毫无问题。

    示例：
        未安装 pdfplumber 时运行 `reportlint report.pdf`。

    修改方法：
        安装消息中写明的 extra，如 `pip install 'reportlint[pdf]'`。
    """

    code = "P007"
    name = "reader-unavailable"
    summary = "读取这类文件所需的库未安装"
    needs_content = False
    always_reported = True
    problem_kind = "reader-unavailable"
