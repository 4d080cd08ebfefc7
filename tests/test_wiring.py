"""The plugin wiring: entry points, hook specs, rule metadata, and refusal of conflicts."""

from __future__ import annotations

import inspect
import types
from importlib.metadata import entry_points

import pluggy
import pytest

from reportlint import hookimpl, hookspecs
from reportlint.diagnostics import Finding
from reportlint.engine import Linter
from reportlint.model import Report
from reportlint.plugins import BUILTIN_FAMILIES, PluginError, Registry, collect_rules, create_manager
from reportlint.policy import Policy, Selection
from reportlint.rulebase import Rule, RuleDefinitionError, RulePack

BUILTIN_PACKS = {"parse", "structure", "arithmetic", "dates", "contact", "text", "typography"}


def test_builtin_packs_come_through_installed_entry_points() -> None:
    names = {ep.name for ep in entry_points(group="reportlint")}
    assert {f"reportlint.{pack}" for pack in BUILTIN_PACKS} <= names
    assert "reportlint.readers.text" in names


def test_every_hook_implementation_matches_a_spec() -> None:
    manager = create_manager()
    manager.check_pending()
    assert {"reportlint.parse", "reportlint.readers.text"} <= {name for name, _ in manager.list_name_plugin()}


def test_every_builtin_family_claims_its_letter() -> None:
    registry = collect_rules(create_manager())
    assert set(registry.prefixes) == set(BUILTIN_FAMILIES)
    assert {code[0] for code in registry.rules} <= set(BUILTIN_FAMILIES)


def test_every_hook_is_documented() -> None:
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("reportlint_"):
            doc = inspect.getdoc(function) or ""
            assert ":returns:" in doc and len(doc.splitlines()) >= 4, name


def test_every_rule_has_pass_and_fail_cases() -> None:
    """Each rule outside the engine-made P codes has a case file with a passing and a failing case."""
    from pathlib import Path

    import yaml

    cases = Path(__file__).parent / "rule_cases"
    for code in collect_rules(create_manager()).rules:
        if code.startswith("P"):
            continue
        data = yaml.safe_load((cases / f"{code}.yaml").read_text(encoding="utf-8"))
        assert data["rule"] == code
        kinds = {bool(case.get("expect")) for case in data["cases"]}
        assert kinds == {True, False}, f"{code} needs at least one passing and one failing case"


def test_every_problem_kind_is_reported_by_exactly_one_rule() -> None:
    from reportlint.model.problems import ProblemKind
    from reportlint.rulebase import ProblemRule

    rules = collect_rules(create_manager()).rules.values()
    reported = [rule.problem_kind for rule in rules if issubclass(rule, ProblemRule)]
    assert sorted(reported) == sorted(kind.value for kind in ProblemKind)


_DOC = """What it does:
    x
Why it matters:
    x
Example:
    x
Fix:
    x
"""


def _crash(self: Rule, report: Report) -> list[Finding]:
    raise RuntimeError("boom")


def _rule(code: str) -> type[Rule]:
    """A documented rule with *code* whose check always raises."""
    namespace = {"__doc__": _DOC, "code": code, "name": "example-fault", "summary": "示例", "check": _crash}
    return type("Example", (Rule,), namespace)


def test_rule_metadata_is_checked_when_the_class_is_defined() -> None:
    with pytest.raises(RuleDefinitionError, match="kebab-case"):

        class Bad(Rule):
            """What it does: Why it matters: Example: Fix:"""

            code = "Z001"
            name = "Not_Kebab"
            summary = "x"


def test_duplicate_codes_are_refused() -> None:
    registry = Registry()
    with pytest.raises(PluginError, match=r"ZA001.*acme\.one"):
        registry.add_pack("acme.one", RulePack("one", ("ZA",), (_rule("ZA001"), _rule("ZA001"))))


def test_a_code_outside_the_claimed_prefixes_is_refused() -> None:
    with pytest.raises(PluginError, match="ZA001"):
        Registry().add_pack("acme.two", RulePack("two", ("ZB",), (_rule("ZA001"),)))


@pytest.mark.parametrize(("prefix", "message"), [("A", "保留"), ("Z", "冲突")])
def test_reserved_and_overlapping_prefixes_are_refused(prefix: str, message: str) -> None:
    registry = Registry()
    registry.add_pack("acme.one", RulePack("one", ("ZA",), ()))
    with pytest.raises(PluginError, match=message):
        registry.add_pack("acme.two", RulePack("two", (prefix,), ()))


def test_a_rule_that_raises_becomes_one_finding_and_the_others_still_run() -> None:
    plugin = types.SimpleNamespace(reportlint_rule_pack=hookimpl(lambda: RulePack("acme", ("ZZ",), (_rule("ZZ001"),))))
    manager = create_manager([("acme", plugin)])
    linter = Linter(manager, collect_rules(manager), Policy(Selection.of(select=("ZZ", "P901", "S001"))))
    diagnostics = linter.lint_bytes("r.txt", "一、总体情况\n".encode())
    codes = [d.code for d in diagnostics]
    assert codes.count("P901") == 1 and "S001" in codes
    assert "ZZ001" in next(d.message for d in diagnostics if d.code == "P901")


def test_a_plugin_that_fails_to_import_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint.entrypoints import EntryPoint

    broken = EntryPoint(name="acme.broken", value="acme_missing_module", group="reportlint", distribution="acme")
    import reportlint.plugins as plugins

    monkeypatch.setattr(plugins, "entry_points", lambda group: [broken])
    with pytest.raises(PluginError, match=r"acme\.broken.*acme_missing_module"):
        create_manager()


def test_pluggy_project_name_is_reportlint() -> None:
    assert isinstance(create_manager(), pluggy.PluginManager)
    assert create_manager().project_name == "reportlint"


def _odd_module() -> types.ModuleType:
    """A module holding every kind of thing a name can be, marked or not, as hook implementations go."""
    module = types.ModuleType("odd_plugin")

    @hookimpl
    def reportlint_rule_pack() -> None: ...

    class Holder:
        @hookimpl
        def reportlint_source_suffixes(self) -> list[str]:
            return []

    def unmarked() -> None: ...

    def wrongly_marked() -> None: ...

    wrongly_marked.reportlint_impl = "not a dict"  # type: ignore[attr-defined]
    module.__dict__.update(
        reportlint_rule_pack=reportlint_rule_pack,
        bound=Holder().reportlint_source_suffixes,
        static=staticmethod(reportlint_rule_pack),
        klass=Holder,
        unmarked=unmarked,
        wrongly_marked=wrongly_marked,
        number=3,
        submodule=types,
    )
    module.__getattr__ = lambda name: reportlint_rule_pack  # type: ignore[method-assign]
    return module


def test_hook_implementations_are_found_on_modules_as_pluggy_finds_them() -> None:
    """reportlint's manager reads a module's names from its __dict__ (start-up time); pluggy's answer rules."""
    ours = create_manager()
    plain = pluggy.PluginManager("reportlint")
    plugins = [plugin for _, plugin in ours.list_name_plugin()] + [_odd_module()]
    assert len(plugins) > 10
    names = 0
    for plugin in plugins:
        for name in [*dir(plugin), "not_there"]:
            assert ours.parse_hookimpl_opts(plugin, name) == plain.parse_hookimpl_opts(plugin, name), name
            names += 1
    assert names > 300
    found = [name for name in dir(_odd_module()) if ours.parse_hookimpl_opts(_odd_module(), name) is not None]
    assert found == ["bound", "reportlint_rule_pack", "static"]  # the control: kinds pluggy accepts are still found
