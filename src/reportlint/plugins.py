"""Finding and loading plugins: entry points → pluggy → a checked registry of rules.

Plugins are loaded one by one so that a broken one is named in the error; rule
packs are collected one by one for the same reason. The built-in packs come through
the same entry-point group as a third party's; only their entry-point names
(``reportlint.*``) and their code families (P S A D C X T Y) are reserved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field
from types import FunctionType, MethodType, ModuleType

import pluggy

from reportlint import PROJECT_NAME, hookspecs
from reportlint.entrypoints import EntryPoint, entry_points, normalised
from reportlint.records import record
from reportlint.rulebase import Rule, RulePack

BUILTIN_PREFIX = "reportlint."
BUILTIN_FAMILIES = ("P", "S", "A", "D", "C", "X", "T", "Y")


class PluginError(Exception):
    """A plugin could not be loaded or its rules conflict; the message names it."""


@record(slots=True)
class Registry:
    """Every rule of every pack, by code, with the pack each came from."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    pack_of: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)

    def add_pack(self, plugin_name: str, pack: RulePack) -> None:
        """Add one pack, refusing reserved families, shared prefixes and duplicate codes."""
        builtin = plugin_name.startswith(BUILTIN_PREFIX)
        for prefix in pack.prefixes:
            if not builtin and prefix.startswith(BUILTIN_FAMILIES):
                raise PluginError(f"插件 {plugin_name}：代码前缀 {prefix} 保留给内置规则")
            for claimed, owner in self.prefixes.items():
                if claimed.startswith(prefix) or prefix.startswith(claimed):
                    raise PluginError(f"插件 {plugin_name}：代码前缀 {prefix} 与插件 {owner} 的前缀 {claimed} 冲突")
        for prefix in pack.prefixes:
            self.prefixes[prefix] = plugin_name
        for rule in pack.rules:
            if not any(rule.code.startswith(p) and rule.code[len(p) :].isdigit() for p in pack.prefixes):
                raise PluginError(
                    f"插件 {plugin_name}：规则 {rule.code} 不在该插件声明的前缀 {'/'.join(pack.prefixes)} 内"
                )
            if rule.code in self.rules:
                raise PluginError(f"插件 {plugin_name}：规则代码 {rule.code} 已被插件 {self.pack_of[rule.code]} 使用")
            self.rules[rule.code] = rule
            self.pack_of[rule.code] = plugin_name

    def sorted_rules(self) -> list[type[Rule]]:
        """Rules in code order."""
        return [self.rules[code] for code in sorted(self.rules)]


def _load_entry_point(entry_point: EntryPoint) -> object:
    try:
        return entry_point.load()
    except Exception as error:  # any import-time failure is the plugin's, and is named
        raise PluginError(
            f"插件 {entry_point.name}（{entry_point.value}）无法加载：{type(error).__name__}: {error}"
        ) from error


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, reading a module's own names from its ``__dict__``.

    Every pack and reader is a module. pluggy looks at each name a plugin has through
    :func:`inspect.getattr_static`, made for objects of any kind: about 9 µs a name,
    3 ms of every start over the built-in plugins' four hundred names. For a name in a
    module's ``__dict__``, ``getattr_static`` gives that entry, so it is read directly;
    pluggy decides everything else (other plugins, methods, a module's ``__getattr__``)
    as before. ``tests/test_wiring.py`` holds the two to the same hook implementations.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if isinstance(plugin, ModuleType):
            value = plugin.__dict__.get(name, _ABSENT)
            if isinstance(value, FunctionType):
                options = getattr(value, f"{self.project_name}_impl", None)
                return options if isinstance(options, dict) else None  # type: ignore[return-value]
            if value is not _ABSENT and not isinstance(value, MethodType | staticmethod | classmethod):
                return None  # a class, a constant, a submodule: never a hook implementation
        return super().parse_hookimpl_opts(plugin, name)


_ABSENT = object()


def create_manager(extra_plugins: Sequence[tuple[str, object]] = ()) -> pluggy.PluginManager:
    """A plugin manager with every installed plugin, plus *extra_plugins* (name, module)."""
    manager = _PluginManager(PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for entry_point in sorted(entry_points(group=PROJECT_NAME), key=lambda ep: ep.name):
        if manager.has_plugin(entry_point.name):
            continue
        if entry_point.name.startswith(BUILTIN_PREFIX) and not _is_own_distribution(entry_point):
            raise PluginError(f"插件 {entry_point.name}：以 {BUILTIN_PREFIX} 开头的名称保留给内置规则包")
        manager.register(_load_entry_point(entry_point), name=entry_point.name)
    for name, plugin in extra_plugins:
        manager.register(plugin, name=name)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise PluginError(f"插件 {error.plugin} 实现了未定义的钩子：{error}") from error
    return manager


def _is_own_distribution(entry_point: EntryPoint) -> bool:
    return not entry_point.distribution or normalised(entry_point.distribution) == PROJECT_NAME


def collect_rules(manager: pluggy.PluginManager) -> Registry:
    """Call each plugin's ``reportlint_rule_pack`` on its own and build the registry."""
    registry = Registry()
    for impl in manager.hook.reportlint_rule_pack.get_hookimpls():
        try:
            pack = impl.function()
        except Exception as error:
            raise PluginError(f"插件 {impl.plugin_name} 的规则包无法加载：{type(error).__name__}: {error}") from error
        if not isinstance(pack, RulePack):
            raise PluginError(f"插件 {impl.plugin_name}：reportlint_rule_pack 应返回 RulePack")
        registry.add_pack(impl.plugin_name, pack)
    if not registry.rules:
        raise PluginError("没有加载到任何规则：reportlint 是否已正确安装（pip install .）？")
    return registry


def source_suffixes(manager: pluggy.PluginManager) -> tuple[str, ...]:
    """Suffixes of files to read when walking directories, from every reader plugin."""
    suffixes: Iterable[list[str]] = manager.hook.reportlint_source_suffixes()
    return tuple(sorted({suffix.lower() for group in suffixes for suffix in group}))
