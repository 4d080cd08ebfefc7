"""Local plugins: rule modules loaded from paths in the configuration, unpackaged.

Like flake8's ``local-plugins``: ``local-plugins = ["checks/our_rules.py", "checks/pack"]``
loads a Python file, or a folder that is a package (has ``__init__.py``), as a
plugin; it implements ``reportlint_rule_pack`` exactly as an installed pack does.

Trust model, as pytest's ``conftest.py``: a local plugin is code, and running
reportlint in a folder runs the plugins its configuration (or a parent folder's)
names. So the paths are confined to the configuration file's own folder (an
absolute path, or one that leaves it through ``..`` or a symlink, is refused), and
``--no-local-plugins`` or ``REPORTLINT_NO_LOCAL_PLUGINS=1`` refuses them all, for
checking reports in a folder one does not trust.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from reportlint.plugins import PluginError


def load_local_plugin(path: Path) -> tuple[str, ModuleType]:
    """Import the module or package at *path* and return (plugin name, module)."""
    target = path / "__init__.py" if path.is_dir() else path
    if not target.is_file():
        raise PluginError(f"本地插件 {path} 不存在（需要 .py 文件或含 __init__.py 的目录）")
    import hashlib  # only when there is a local plugin: it loads OpenSSL

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
    except (Exception, SystemExit) as error:  # sys.exit() at import time is a broken plugin, not an exit status
        del sys.modules[module_name]
        raise PluginError(f"本地插件 {path} 无法加载：{type(error).__name__}: {error}") from error
    return f"local:{path.as_posix()}", module


REFUSE_VARIABLE = "REPORTLINT_NO_LOCAL_PLUGINS"
"""Set to 1 (or true, yes) to refuse every local plugin, as ``--no-local-plugins`` does."""


def refused_by_environment() -> bool:
    """Whether :data:`REFUSE_VARIABLE` asks to refuse local plugins."""
    return os.environ.get(REFUSE_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}


def confined_path(path: str, folder: Path) -> Path:
    """*path* resolved against *folder*, refused unless it stays inside *folder*."""
    if Path(path).is_absolute() or Path(path).drive:
        raise PluginError(f"本地插件路径必须是相对于配置文件所在目录的路径，而不是绝对路径：{path}")
    base = folder.resolve()
    resolved = (base / path).resolve()
    if not resolved.is_relative_to(base):
        raise PluginError(f"本地插件路径 {path} 指向配置文件所在目录 {base} 之外，已拒绝")
    return resolved


def load_local_plugins(paths: tuple[str, ...], folder: Path) -> list[tuple[str, ModuleType]]:
    """Every local plugin named in the configuration, paths relative to its file and inside its folder."""
    unique = dict.fromkeys(confined_path(path, folder) for path in paths)  # listed twice, loaded once
    return [load_local_plugin(path) for path in unique]
