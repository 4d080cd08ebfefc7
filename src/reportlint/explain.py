"""Rule documentation for ``--explain``, SARIF help and the generated rule reference.

Everything comes from the rule itself, each fact from one place: the summary from its
``summary`` attribute, the prose from its docstring (检查内容 / 为何重要 / 示例 / 修改方法,
or What it does / Why it matters / Example / Fix in a third-party pack written in English),
and the options section from its options model — every field's dashed name, type, default
and ``Field(description=...)`` — so the options shown are always the options the
configuration accepts. The options section is written in the docstring's language
(:func:`reportlint.rulebase.doc_style`); the header line is Chinese, like the rest of what
reportlint prints.
"""

from __future__ import annotations

import json
from typing import Any

from reportlint.diagnostics import SEVERITY_NAMES
from reportlint.records import record
from reportlint.rulebase import CHINESE, DocStyle, Rule, doc_style


@record(frozen=True, slots=True)
class OptionDoc:
    """One option of a rule, as its options model declares it."""

    name: str
    """As written in the configuration: dashed (``max-per-paragraph``)."""
    type: str
    default: str
    """The default as the configuration file writes it (``true``, ``3``, ``["…"]``)."""
    description: str


def _type_name(annotation: Any) -> str:
    name = getattr(annotation, "__name__", None)
    return name if name and not getattr(annotation, "__args__", None) else str(annotation).replace("typing.", "")


def _toml_value(value: Any) -> str:
    """A default as it is written in ``pyproject.toml`` (booleans, numbers, strings, lists)."""
    if value is None or not isinstance(value, (bool, int, float, str, list, tuple)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def option_docs(rule: type[Rule[Any]]) -> list[OptionDoc]:
    """The options of *rule*, in the order its model declares them."""
    from reportlint.options import option_fields

    return [
        OptionDoc(
            name=field.key,
            type=_type_name(field.annotation),
            default=_toml_value(field.default),
            description=field.description,
        )
        for field in option_fields(rule.Options)
    ]


def option_line(option: OptionDoc, style: DocStyle) -> str:
    """One option as the options section lists it, in *style*'s language.

    Chinese: ``- `name`（类型 int，默认 `3`）：说明``; English:
    ``- `name` (int, default `3`): description``.
    """
    if style is CHINESE:
        description = f"：{option.description}" if option.description else ""
        return f"- `{option.name}`（类型 {option.type}，默认 `{option.default}`）{description}"
    description = f": {option.description}" if option.description else ""
    return f"- `{option.name}` ({option.type}, default `{option.default}`){description}"


def options_lines(rule: type[Rule[Any]]) -> list[str]:
    """The options section's lines: one per option (name, type, default, description), or "none"."""
    style = doc_style(rule.docstring())
    return [option_line(option, style) for option in option_docs(rule)] or [style.no_options]


def documentation(rule: type[Rule[Any]]) -> str:
    """The full documentation of *rule*: summary, docstring sections, then its options."""
    style = doc_style(rule.docstring())
    options = "\n".join(f"    {line}" for line in options_lines(rule))
    return f"{rule.summary}\n\n{rule.docstring().rstrip()}\n\n{style.heading(style.options)}\n{options}"


def explain(rule: type[Rule[Any]]) -> str:
    """What ``--explain CODE`` prints: a header line (code, name, severity), then :func:`documentation`."""
    header = f"{rule.code} {rule.name}（{SEVERITY_NAMES[rule.severity]}）\n"
    return header + documentation(rule) + "\n"
