"""The layering of the code: which module may import which.

The pipeline flows one way: no module imports a later stage of read → parse → model →
rules → report; and no rule pack imports another pack's rule files.

Imports are read with :mod:`ast`, lazy ones inside functions included (a lazy import
of a later stage is still a dependency on it); imports under ``if TYPE_CHECKING:`` are
annotations only and are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(__file__).resolve().parents[1] / "src" / "reportlint"

STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "reportlint",
            "reportlint.text",
            "reportlint.hookspecs",
            "reportlint.escaping",
            "reportlint.atomic",
            "reportlint.options",
            "reportlint.entrypoints",
            "reportlint.lazyre",
            "reportlint.pattern_cache",
            "reportlint.code_cache",
            "reportlint.collector",
            "reportlint.records",
            "reportlint.cache",
        ),
    ),
    # The kinds of problem (model/problems.py) are named by readers and model alike: the
    # vocabulary sits with the earlier stage, which is why it imports nothing of ours.
    ("read", ("reportlint.readers", "reportlint.model.problems")),
    (
        "parse",
        (
            "reportlint.parsing",
            "reportlint.line_lexer",
            "reportlint.sheet_copy",
            "reportlint.syntax",
            "reportlint.report_parser",
        ),
    ),
    ("model", ("reportlint.model",)),
    (
        "rules",
        (
            "reportlint.diagnostics",
            "reportlint.rulebase",
            "reportlint.plugins",
            "reportlint.local_plugins",
            "reportlint.explain",
            "reportlint.rule_guard",
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
            "reportlint.fixing",
            "reportlint.output",
            "reportlint.testing",
            "reportlint.server",
            "reportlint.cli",
            "reportlint.annotate",
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


# -- rule packs ------------------------------------------------------------------------------
PACKS_DIR = ROOT / "rules" / "reportlint_rules"
PACKAGE = "reportlint_rules"


def _is_rule_code(name: str) -> bool:
    """Whether a module name is a rule's code (S001, ME001): rule files are named after their rule."""
    letters = name.rstrip("0123456789")
    return 1 <= len(letters) <= 4 and letters.isupper() and letters.isalpha() and len(name) - len(letters) == 3


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKS_DIR.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, dotted name) of every module *path* (or *source*, as if at *path*) imports.

    Relative imports are resolved; ``from package import name`` counts as importing
    ``package.name`` as well, since *name* may be a module.
    """
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    own = _module_name(path).split(".")
    package = own if path.name == "__init__.py" else own[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*package[: len(package) - node.level + 1], node.module or ""]) if node.level else ""
            module = (base.rstrip(".") if node.level else node.module) or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _pack_modules() -> list[Path]:
    return sorted(path for path in PACKS_DIR.glob("*/*.py"))


def _problem(path: Path, module: str) -> str | None:
    """Why importing *module* from *path* breaks the layering, or ``None``."""
    parts = module.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    pack = path.parent.name
    other_pack, rest = parts[1], parts[2:]
    if other_pack != pack and (PACKS_DIR / other_pack).is_dir():
        if not rest:
            return f"imports the pack {other_pack} (its __init__ imports its rule files)"
        if _is_rule_code(rest[0]):
            return f"imports rule file {other_pack}/{rest[0]}.py of another pack"
    if other_pack == pack and rest and _is_rule_code(rest[0]) and path.name != "__init__.py":
        return f"imports rule file {rest[0]}.py: shared code belongs in a helper module of the pack"
    return None


def _problems(path: Path, source: str | None = None) -> list[str]:
    """Every layering problem of one module, once per import statement."""
    found: dict[str, None] = {}
    for line, module in imported_modules(path, source):
        problem = _problem(path, module)
        if problem is not None:
            found[f"{path.relative_to(ROOT)}:{line}: {problem}"] = None
    return list(found)


def test_the_layering_check_reads_imports_from_the_source() -> None:
    """The checker finds absolute, relative and from-imports of rule files (it can fail)."""
    source = (
        "from reportlint_rules.text.X001 import x\n"
        "from . import C003\n"
        "import reportlint_rules.dates\n"
        "from reportlint_rules.contact._phones import checked_phones\n"
        "from reportlint.model import templates\n"
    )
    problems = _problems(PACKS_DIR / "contact" / "C007.py", source)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "imports rule file text/X001.py of another pack",
        "imports rule file C003.py: shared code belongs in a helper module of the pack",
        "imports the pack dates (its __init__ imports its rule files)",
    ]


@pytest.mark.parametrize("path", _pack_modules(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_rule_pack_imports_another_packs_rule_files(path: Path) -> None:
    """A pack imports reportlint.*, its own helper modules and shared modules, never another pack's rules.

    Only a pack's ``__init__`` imports its rule files; a rule file never imports a rule
    file, so that every rule can be removed or moved without touching another.
    """
    problems = _problems(path)
    assert not problems, "\n".join(problems)
