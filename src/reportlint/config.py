"""Configuration: ``[tool.reportlint]`` in pyproject.toml, or a reportlint.toml.

Found from the working directory upwards: the first directory that has a
``reportlint.toml``, or a ``pyproject.toml`` with a ``[tool.reportlint]`` table, holds
the configuration; if a directory has both, ``reportlint.toml`` wins (as ruff.toml
does over pyproject.toml). ``--config PATH`` names the file, ``--isolated`` ignores
them all, and command-line flags override the file.

Every mistake — unknown key, wrong type, unknown code, bad glob, TOML syntax error —
becomes a :class:`ConfigError` whose message names the file and the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, ClassVar

from reportlint.diagnostics import Severity
from reportlint.options import Field, OptionsError, OptionsModel, validate
from reportlint.policy import unknown_codes
from reportlint.records import record

CONFIG_FILES = ("reportlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message says where and why."""


def _codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Codes upper-cased and stripped; a blank one is refused, since as a prefix it matches every code
    (``ignore = [" "]`` would switch off everything, P001/P002/P900 included)."""
    cleaned = tuple(code.strip().upper() for code in codes)
    if any(not code for code in cleaned):
        raise ValueError(f"规则代码不能为空或只有空白：{list(codes)!r}")
    return cleaned


def _optional_codes(codes: tuple[str, ...] | None) -> tuple[str, ...] | None:
    return None if codes is None else _codes(codes)


def _globs(patterns: tuple[str, ...] | None) -> tuple[str, ...] | None:
    for pattern in patterns or ():
        if pattern.count("[") != pattern.count("]") or not pattern.strip():
            raise ValueError(f"无效的 glob 模式 {pattern!r}")
    return patterns


def _ignores_by_glob(value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    _globs(tuple(value))
    return {pattern: _codes(codes) for pattern, codes in value.items()}


class Settings(OptionsModel):
    """The keys of ``[tool.reportlint]`` (dashes as in TOML)."""

    select: tuple[str, ...] | None = None
    """Codes or prefixes to enable; all rules by default."""
    ignore: tuple[str, ...] = ()
    """Codes or prefixes to disable."""
    extend_select: tuple[str, ...] = ()
    """Codes or prefixes to enable on top of ``select``."""
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Glob → codes ignored in matching files: a glob matches the path relative to this
    file's folder, the path as given, or the file's name."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Code → "error" or "warning", overriding a rule's default."""
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    """Code → that rule's options, validated by the rule's own options model."""
    local_plugins: tuple[str, ...] = ()
    """Python files or folders of rule modules to load without packaging (paths relative to the file)."""
    fail_on: Severity = Severity.ERROR
    """The least severity that makes the exit status 1."""
    exclude: tuple[str, ...] | None = None
    """Globs of paths not searched in folders, replacing the defaults (see discovery.py)."""
    extend_exclude: tuple[str, ...] = ()
    """Globs of paths not searched in folders, on top of ``exclude`` or the defaults."""
    rule_timeout: float | None = Field(default=None, ge=0, le=86400)
    """Seconds one rule may take on one report before it is stopped (P901); 0 switches the budget
    off; unset: ``reportlint.rule_guard.DEFAULT_RULE_TIMEOUT``."""

    checks: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        "select": _optional_codes,
        "ignore": _codes,
        "extend_select": _codes,
        "exclude": _globs,
        "extend_exclude": _globs,
        "per_file_ignores": _ignores_by_glob,
    }


@record(frozen=True)
class LoadedConfig:
    """Settings with the file they came from (``None`` when there was none)."""

    settings: Settings = field(default_factory=Settings)
    path: Path | None = None

    @property
    def folder(self) -> Path:
        """The folder relative paths in the file are resolved against."""
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The configuration file that applies to *start*, searching upwards."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        tool = _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # let load_config report the syntax error
    return not isinstance(tool, dict) or "reportlint" in tool


MAX_CONFIG_BYTES = 1024 * 1024
"""A configuration file is a few hundred bytes; a larger one is refused, not read."""


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML document at *path*; every way it can be unusable is one :class:`ConfigError`.

    TOML is UTF-8 (a UTF-8 BOM is tolerated); a UTF-16/32 file, bytes that are not
    UTF-8, and nesting deep enough to exhaust the parser's recursion are refused
    with the file named, so a bad file in a parent folder is an error, not a crash.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path}: 无法读取：{error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: 配置文件过大（超过 {MAX_CONFIG_BYTES // 1024} KB）")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(f"{path}: 配置文件是 UTF-16/UTF-32 编码，TOML 文件必须是 UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: 配置文件不是 UTF-8 编码（第 {error.start} 字节），TOML 文件必须是 UTF-8") from None
    import tomllib  # only when there is a file to read: --isolated and folders without one skip it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: TOML 语法错误：{error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML 嵌套过深，无法读取") from None


def load_config(path: Path) -> LoadedConfig:
    """Read and validate one configuration file."""
    data = _read_toml(path)
    where = "[tool.reportlint]" if path.name == "pyproject.toml" else ""
    table: Any = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("reportlint", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where or 'tool'}: 应为表（TOML table）")
    try:
        return LoadedConfig(Settings.validate(table), path)
    except OptionsError as error:
        raise ConfigError(_describe(path, where, error)) from None


_TYPE_MESSAGES = {
    "tuple_type": '应为列表（如 ["A", "S001"]）',
    "list_type": '应为列表（如 ["A", "S001"]）',
    "string_type": "应为字符串",
    "dict_type": "应为表（TOML table）",
    "enum": '应为 "error" 或 "warning"',
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字",
}
_BOUND_MESSAGES = {
    "greater_than_equal": ("ge", "应不小于 {}"),
    "greater_than": ("gt", "应大于 {}"),
    "less_than_equal": ("le", "应不大于 {}"),
    "less_than": ("lt", "应小于 {}"),
}
"""Bounds of numeric options: pydantic's error type → its context key and the Chinese message."""


def describe_error(problem: Any) -> str:
    """A validation problem in the users' language."""
    if problem["type"] == "extra_forbidden":
        return "未知的配置项"
    if problem["type"] in _TYPE_MESSAGES:
        return f"{_TYPE_MESSAGES[problem['type']]}，而不是 {problem.get('input')!r}"
    if problem["type"] in _BOUND_MESSAGES and problem.get("ctx"):
        key, message = _BOUND_MESSAGES[problem["type"]]
        return f"{message.format(problem['ctx'].get(key))}，而不是 {problem.get('input')!r}"
    if problem["type"] == "literal_error" and problem.get("ctx"):
        choices = str(problem["ctx"].get("expected", "")).replace(" or ", "、").replace(", ", "、")
        return f"应为 {choices} 之一，而不是 {problem.get('input')!r}"
    return str(problem["msg"]).removeprefix("Value error, ")


def _describe(path: Path, table: str, error: OptionsError) -> str:
    """One line per problem: file, key, what is wrong (at most two lines)."""
    lines = []
    for problem in error.problems[:2]:
        key = ".".join(str(part) for part in problem["loc"])
        what = describe_error(problem)
        lines.append(f"{path}: {table + ' ' if table else ''}{key}: {what}")
    return "\n".join(lines)


def resolve(
    config_path: str | None, isolated: bool, start: Path | None = None, *, local_plugins: bool = True
) -> LoadedConfig:
    """The configuration in force for this run.

    ``local_plugins=False`` (``--no-local-plugins``), or ``REPORTLINT_NO_LOCAL_PLUGINS=1``
    in the environment, drops the file's ``local-plugins``: none is imported.
    """
    from reportlint.local_plugins import refused_by_environment

    if isolated:
        return LoadedConfig()
    if config_path is not None:
        loaded = load_config(Path(config_path))
    else:
        found = find_config((start or Path.cwd()).resolve())
        loaded = load_config(found) if found else LoadedConfig()
    if loaded.settings.local_plugins and (not local_plugins or refused_by_environment()):
        settings = loaded.settings.replace(local_plugins=())
        return LoadedConfig(settings, loaded.path)
    return loaded


def check_codes(loaded: LoadedConfig, known: Mapping[str, Any]) -> None:
    """Refuse codes in the file that match no installed rule."""
    settings = loaded.settings
    where = f"{loaded.path}: " if loaded.path else ""
    lists = {
        "select": settings.select or (),
        "ignore": settings.ignore,
        "extend-select": settings.extend_select,
        **{f"per-file-ignores.{glob}": codes for glob, codes in settings.per_file_ignores.items()},
    }
    for key, codes in lists.items():
        for code in unknown_codes(codes, known):
            raise ConfigError(f"{where}{key}: 未知的规则代码 {code}")
    keyed: dict[str, list[str]] = {"severity": list(settings.severity), "rules": list(settings.rules)}
    for key, codes_of_key in keyed.items():
        for code in codes_of_key:
            if code not in known:
                raise ConfigError(f"{where}{key}.{code}: 未知的规则代码 {code}")


def rule_options(
    tables: Mapping[str, Mapping[str, Any]], rules: Mapping[str, Any], path: Path | None = None
) -> dict[str, Any]:
    """Each configured rule's options (*tables*, code → table), validated by that rule's own model.

    *path* is the configuration file they came from, named in errors.
    """
    options: dict[str, Any] = {}
    where = f"{path}: " if path else ""
    for code, table in tables.items():
        try:
            options[code] = validate(rules[code].Options, table)
        except OptionsError as error:
            problem = error.problems[0]
            key = ".".join(str(part) for part in problem["loc"])
            what = "未知的选项" if problem["type"] == "extra_forbidden" else describe_error(problem)
            raise ConfigError(f"{where}rules.{code}.{key}: {what}") from None
    return options
