"""Rule documentation for ``--explain`` and the generated rule reference.

The text comes from the rule itself: its docstring (What it does / Why it matters /
Example / Fix / Options) and its options model's fields, types and defaults.
"""

from __future__ import annotations

from typing import Any

from reportlint.rulebase import Rule


def _type_name(annotation: Any) -> str:
    name = getattr(annotation, "__name__", None)
    return name if name and not getattr(annotation, "__args__", None) else str(annotation).replace("typing.", "")


def options_lines(rule: type[Rule]) -> list[str]:
    """One line per option: name, type, default and description."""
    lines = []
    for name, field in rule.Options.model_fields.items():
        key = field.alias or name.replace("_", "-")
        description = f": {field.description}" if field.description else ""
        lines.append(f"- `{key}` ({_type_name(field.annotation)}, default `{field.default!r}`){description}")
    return lines


def explain(rule: type[Rule]) -> str:
    """The full documentation of *rule*, with its options filled in from its model."""
    doc = rule.documentation()
    header = f"{rule.code} {rule.name} ({rule.severity.value})\n"
    options = options_lines(rule)
    if options:
        head, _, _ = doc.partition("Options:")
        doc = head + "Options:\n" + "\n".join(f"    {line}" for line in options)
    return header + doc.rstrip() + "\n"
