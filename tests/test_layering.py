"""The pipeline flows one way: no module imports a later stage of read → parse → model → rules → report.

Imports are read with :mod:`ast`, lazy ones inside functions included (a lazy import
of a later stage is still a dependency on it); imports under ``if TYPE_CHECKING:`` are
annotations only and are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "reportlint"

STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("reportlint", "reportlint.text", "reportlint.hookspecs")),
    ("read", ("reportlint.readers",)),
    ("parse", ("reportlint.parsing", "reportlint.syntax")),
    ("model", ("reportlint.model",)),
    (
        "rules",
        (
            "reportlint.diagnostics",
            "reportlint.rulebase",
            "reportlint.plugins",
            "reportlint.local_plugins",
            "reportlint.explain",
            "reportlint.engine",
            "reportlint.policy",
            "reportlint.baseline",
        ),
    ),
    (
        "report",
        (
            "reportlint.config",
            "reportlint.discovery",
            "reportlint.runner",
            "reportlint.crossyear",
            "reportlint.app",
            "reportlint.output",
            "reportlint.testing",
            "reportlint.cli",
            "reportlint.__main__",
        ),
    ),
)


TOP_LEVEL = frozenset({"reportlint", "reportlint.hookimpl", "reportlint.hookspec", "reportlint.PROJECT_NAME"})
"""The package itself and the names its ``__init__`` defines: the base every stage may use."""


def stage_of(module: str) -> int:
    """The index of the stage *module* belongs to (the longest matching name wins; -1: none)."""
    if module in TOP_LEVEL or module == "reportlint.__version__":
        return 0
    best, best_length = -1, -1
    for index, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            inside = module == prefix or module.startswith(prefix + ".")
            if prefix != "reportlint" and inside and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(tree: ast.Module) -> list[str]:
    """Every ``reportlint`` name imported outside ``if TYPE_CHECKING:`` blocks, dotted in full.

    ``from reportlint import syntax`` gives ``reportlint.syntax``; :func:`stage_of` then
    places a name like ``reportlint.model.Report`` by its longest known prefix.
    """
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(child) for inner in node.body for child in ast.walk(inner))
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return [name for name in found if name.startswith("reportlint.")]


def test_every_module_has_a_stage() -> None:
    unplaced = [module_name(path) for path in SRC.rglob("*.py") if stage_of(module_name(path)) < 0]
    assert not unplaced, f"place these modules in a stage of STAGES: {unplaced}"


def test_no_module_imports_a_later_stage() -> None:
    offences = []
    for path in sorted(SRC.rglob("*.py")):
        module = module_name(path)
        own = stage_of(module)
        for imported in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if stage_of(imported) > own:
                offences.append(f"{module} ({STAGES[own][0]}) imports {imported} ({STAGES[stage_of(imported)][0]})")
    assert not offences, "\n".join(offences)


def test_the_check_sees_a_real_offence() -> None:
    tree = ast.parse("if TYPE_CHECKING:\n    import reportlint.app\ndef f():\n    from reportlint.cli import main\n")
    (imported,) = runtime_imports(tree)
    assert stage_of(imported) > stage_of("reportlint.model.report")
