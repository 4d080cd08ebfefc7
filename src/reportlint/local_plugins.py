"""Local plugins: rule modules loaded from paths in the configuration, unpackaged.

Like flake8's ``local-plugins``: ``local-plugins = ["checks/our_rules.py", "checks/pack"]``
loads a Python file, or a folder that is a package (has ``__init__.py``), as a
plugin; it implements ``reportlint_rule_pack`` exactly as an installed pack does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reportlint.plugins import PluginError


def load_local_plugin(path: Path) -> tuple[str, ModuleType]:
    """Import the module or package at *path* and return (plugin name, module)."""
    target = path / "__init__.py" if path.is_dir() else path
    if not target.is_file():
        raise PluginError(f"本地插件 {path} 不存在（需要 .py 文件或含 __init__.py 的目录）")
    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
    module_name = f"reportlint_local_{path.stem}_{digest}"  # two files may share a name
    locations = [str(path)] if path.is_dir() else None
    spec = importlib.util.spec_from_file_location(module_name, target, submodule_search_locations=locations)
    if spec is None or spec.loader is None:
        raise PluginError(f"本地插件 {path} 无法加载")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        del sys.modules[module_name]
        raise PluginError(f"本地插件 {path} 无法加载：{type(error).__name__}: {error}") from error
    return f"local:{path.as_posix()}", module


def load_local_plugins(paths: tuple[str, ...], folder: Path) -> list[tuple[str, ModuleType]]:
    """Every local plugin named in the configuration, paths relative to its file."""
    unique = dict.fromkeys((folder / path).resolve() for path in paths)  # listed twice, loaded once
    return [load_local_plugin(path) for path in unique]
