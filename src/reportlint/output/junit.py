"""``--format junit``: one test case per file checked, one failure per finding."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree

from reportlint.diagnostics import Diagnostic
from reportlint.escaping import xml_text
from reportlint.output.context import RunContext
from reportlint.output.default import format_line


def format_junit(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """JUnit XML: a file without findings is a passing test case; text XML 1.0 cannot hold is escaped."""
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in context.files}
    for diagnostic in diagnostics:
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    suites = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="reportlint",
        tests=str(len(by_file)),
        failures=str(sum(1 for found in by_file.values() if found)),
        errors="0",
    )
    for path, found in by_file.items():
        case = ElementTree.SubElement(suite, "testcase", name=xml_text(path), classname="reportlint")
        for d in found:
            failure = ElementTree.SubElement(
                case, "failure", message=xml_text(f"{d.code} {d.message}"), type=xml_text(f"{d.code} {d.name}")
            )
            failure.text = xml_text(format_line(d))
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
