"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards.

Rule metadata (with the rule's documentation as help text) goes in
``tool.driver.rules``; each finding is one result; the cells an arithmetic finding
rests on are its ``relatedLocations``; a suggested fix of a finding in a text file is its
``fixes`` (one replacement per edit, its ``properties.safe`` telling whether ``--fix``
applies it). A fix of a finding read from a document (.docx, .pdf, .html) is not
given here: its positions are those of the extracted text, and a SARIF viewer would
apply them to the document's bytes. Columns count Unicode code points, which the
run declares with ``columnKind``. File names become percent-encoded URI references
(RFC 3986), as the SARIF 2.1.0 schema requires.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reportlint import __version__
from reportlint.diagnostics import Diagnostic, Fix, Severity
from reportlint.escaping import json_document, uri_reference
from reportlint.output.context import RunContext

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _location(
    path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    if end_line is not None:
        region["endLine"] = end_line
    if end_column is not None:
        region["endColumn"] = end_column
    return {"physicalLocation": {"artifactLocation": {"uri": uri_reference(path)}, "region": region}}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fix(path: str, fix: Fix) -> dict[str, Any]:
    """A SARIF ``fix``: one artifact change with a replacement per edit (an empty region inserts)."""
    replacements = [
        {
            "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": uri_reference(path)}, "replacements": replacements}],
        "properties": {"safe": fix.safe},
    }


def _result(d: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _level(d.severity),
        "message": {"text": d.message},
        "locations": [_location(d.path, d.line, d.column, d.end_line, d.end_column)],
    }
    if d.code in rule_index:
        result["ruleIndex"] = rule_index[d.code]
    if d.evidence is not None and d.evidence.cells:
        result["relatedLocations"] = [
            {
                "id": number,
                **_location(d.path, cell.line, cell.column_number),
                "message": {"text": f"表{cell.table}「{cell.row}」「{cell.column}」= {cell.text or '（空）'}"},
            }
            for number, cell in enumerate(d.evidence.cells, start=1)
        ]
    if d.evidence is not None and d.evidence.identity:
        result["properties"] = {"identity": d.evidence.identity}
    if d.fix is not None and d.fix.edits and d.origin is None:
        result["fixes"] = [_fix(d.path, d.fix)]
    if d.anchor:
        result["partialFingerprints"] = {"reportlintAnchor/v1": f"{d.code}|{d.anchor}"}
    return result


def format_sarif(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """One SARIF run with every installed rule's metadata and one result per finding."""
    codes = sorted(context.rules)
    rules = [
        {
            "id": code,
            "name": context.rules[code].name,
            "shortDescription": {"text": context.rules[code].summary},
            "fullDescription": {"text": context.rules[code].summary},
            "help": {"text": context.rules[code].documentation()},
            "defaultConfiguration": {"level": _level(context.rules[code].severity)},
        }
        for code in codes
    ]
    rule_index = {code: index for index, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportlint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, rule_index) for d in diagnostics],
            }
        ],
    }
    return json_document(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"
