"""P008 no-text-layer: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class NoTextLayer(ProblemRule):
    """检查内容：
        PDF 的页面只有图像、没有文字时报告：这是纸质报告的扫描件。

    为何重要：
        其中的内容无法读取和检查，公开文件的读者也无法检索或复制。

    示例：
        打印、盖章后扫描成 PDF，作为附件上传的报告。

    修改方法：
        发布由文字处理软件导出的 PDF（或者进行 OCR 文字识别并核对结果），或者改为检查报告的 .docx 文件。
    """

    code = "P008"
    name = "no-text-layer"
    summary = "PDF 没有文字层（扫描件），无法检查"
    needs_content = False
    always_reported = True
    problem_kind = "no-text-layer"
