"""The layering of the code: which module may import which.

Imports are read from the source with :mod:`ast`, so a test fails on the import
statement itself, whether or not it runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
