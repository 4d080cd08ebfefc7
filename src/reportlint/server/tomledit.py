"""Add a per-file ignore to a configuration file without rewriting the rest of it.

The file is the user's own (often their ``pyproject.toml``, with comments and their
layout), so it is edited as text, not re-serialised: ``tomli-w`` would drop every
comment and reorder tables, and a style-preserving TOML library would be one more
dependency for one kind of edit. The edit is small — add a ``"glob" = ["CODE"]`` line
under the ``per-file-ignores`` table (creating that table at the end of the file if
there is none), or extend that glob's array — and it is checked before anything is
written: the new text is parsed with :mod:`tomllib` and must equal the old data with
exactly that code added, else :class:`EditError` and the file is left as it was.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

CONFIG_NAME = "reportlint.toml"
"""The file created in the workspace folder when no configuration file is in force."""


class EditError(Exception):
    """The configuration file could not be edited safely; the message says why, in Chinese."""


def glob_for(file: Path, folder: Path) -> str:
    """A ``per-file-ignores`` glob that matches exactly *file*, relative to *folder* when inside it."""
    try:
        name = file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        name = file.name
    return re.sub(r"([][*?])", r"[\1]", name)


def add_per_file_ignore(config: Path | None, folder: Path, file: Path, code: str) -> tuple[Path, bool]:
    """Ignore *code* in *file*: the configuration file written, and whether it changed.

    *config* is the file in force (``None``: create ``reportlint.toml`` in *folder*).
    """
    target = config or folder / CONFIG_NAME
    text = _read(target) if target.exists() else ""
    prefix = ("tool", "reportlint") if target.name == "pyproject.toml" else ()
    data = _parse(text, target)
    table = _table(data, prefix, target)
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise EditError(f"{target}: per-file-ignores 应为表，请手动修改")
    glob = glob_for(file, target.parent)
    codes = list(ignores.get(glob, []))
    if code in codes:
        return target, False
    new_text = _edited(text, prefix, glob, [*codes, code], "per-file-ignores" in table)
    expected = json.loads(json.dumps(data))
    _table(expected, prefix, target).setdefault("per-file-ignores", {})[glob] = [*codes, code]
    if _parse(new_text, target) != expected:
        raise EditError(f"{target}: 无法安全地自动修改 per-file-ignores，请手动添加 {json.dumps(glob)} = [{code!r}]")
    _write(target, new_text)
    return target, True


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EditError(f"{path}: 无法读取：{error}") from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EditError(f"{path}: TOML 语法错误：{error}") from None


def _table(data: dict[str, Any], prefix: tuple[str, ...], path: Path) -> dict[str, Any]:
    table: Any = data
    for key in prefix:
        table = table.setdefault(key, {}) if isinstance(table, dict) else None
    if not isinstance(table, dict):
        raise EditError(f"{path}: [{'.'.join(prefix)}] 应为表，请手动修改")
    return table


def _key(part: str) -> str:
    """A regular expression for one TOML key, bare or quoted."""
    escaped = re.escape(part)
    return rf'(?:{escaped}|"{escaped}"|\'{escaped}\')'


def _array(codes: list[str]) -> str:
    return "[" + ", ".join(json.dumps(code) for code in codes) + "]"


def _edited(text: str, prefix: tuple[str, ...], glob: str, codes: list[str], has_table: bool) -> str:
    """*text* with ``glob = codes`` under the per-file-ignores table (checked by the caller)."""
    path = [*prefix, "per-file-ignores"]
    header = re.compile(r"^[ \t]*\[[ \t]*" + r"[ \t]*\.[ \t]*".join(map(_key, path)) + r"[ \t]*\][ \t]*(#.*)?$", re.M)
    entry = f"{json.dumps(glob, ensure_ascii=False)} = {_array(codes)}\n"
    found = header.search(text)
    if found is None:
        if has_table:  # an inline table or dotted keys: not edited by hand here
            return text
        separator = "" if not text else ("\n" if text.endswith("\n") else "\n\n")
        return f"{text}{separator}[{'.'.join(path)}]\n{entry}"
    body_start = found.end() + 1
    next_header = re.compile(r"^[ \t]*\[", re.M).search(text, body_start)
    body_end = next_header.start() if next_header else len(text)
    key = re.compile(r"^[ \t]*" + _key(glob) + r"[ \t]*=[ \t]*", re.M).search(text, body_start, body_end)
    if key is None:
        return text[:body_start] + entry + text[body_start:]
    close = _array_end(text, key.end())
    if close is None:
        return text
    return text[: key.end()] + _array(codes) + text[close:]


def _array_end(text: str, start: int) -> int | None:
    """The index just after the array that starts at *start*, skipping strings and comments."""
    if start >= len(text) or text[start] != "[":
        return None
    depth, index, quote = 0, start, ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _write(path: Path, text: str) -> None:
    """Replace *path* at once (a half-written configuration would break every run)."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except OSError as error:
        raise EditError(f"{path}: 无法写入：{error.strerror or error}") from None
