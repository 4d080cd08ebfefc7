"""The hooks a reportlint plugin can implement.

Every hook is prefixed ``reportlint_`` so one grep finds every implementation. A
plugin is a module listed under the ``reportlint`` entry-point group; it writes
``from reportlint import hookimpl`` and implements any of these. The built-in rule
packs are plugins of exactly this kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint import hookspec

if TYPE_CHECKING:
    from reportlint.readers.extracted import ExtractedText
    from reportlint.rulebase import RulePack


@hookspec
def reportlint_rule_pack() -> RulePack:  # type: ignore[empty-body]
    """Return this plugin's rule pack: its name, the code prefixes it claims, its rules.

    Called once per run, when rules are collected. Each pack claims one or more code
    prefixes (the built-in packs own P, S, A, D, C, X, T and Y); a prefix that another
    pack already claims, a rule code outside the pack's prefixes, or a code that is
    already taken makes the run stop with an error naming the plugin.

    :returns: a :class:`reportlint.rulebase.RulePack`.
    """


@hookspec(firstresult=True)
def reportlint_read_source(path: str, data: bytes) -> str | ExtractedText | None:
    """Turn a file's bytes into the report's plain text, or return ``None`` to pass.

    Called once per file; the first reader that returns text wins, and the built-in
    plain-text reader runs last. A reader for HTML or Word files returns the report
    as plain text laid out as the grammar expects (one line per paragraph, table
    cells separated by TABs), so that no grammar change is needed; it returns a
    :class:`reportlint.readers.extracted.ExtractedText` to say where each line came
    from in the original document, which JSON and SARIF output then carry. Raise
    ``reportlint.readers.text.UndecodableError`` for content that cannot be read: the file
    then gets a P002 finding instead of a crash. Raise its subclass
    ``reportlint.readers.problems.DocumentProblem`` to give the finding's kind too, such
    as P007 for a reader whose library is not installed (``missing_library`` names the
    extra) or P008 for a PDF without text.

    :param path: the file's path as given on the command line (``-`` is stdin's name).
    :param data: the file's bytes.
    :returns: the text (or text with its origins), or ``None`` if this reader does not handle the file.
    """


@hookspec
def reportlint_source_suffixes() -> list[str]:  # type: ignore[empty-body]
    """Return the file suffixes (like ``".txt"``) this plugin reads when a directory is searched.

    Called once per run, before directories given on the command line are walked.
    Files named explicitly are always read, whatever their suffix.

    :returns: a list of suffixes, dot included.
    """
