"""Compiled ``__init__`` code kept between runs: used for its own text only, and only when private.

That a second start compiles nothing is tested with the pattern store, for both stores
(``tests/test_pattern_cache.py``). These tests read a store of their own in this process:
kept code is what a fresh compile gives; a planted code object runs only from the
verified private folder behind an intact checksum (the control shows it would run), and
never from a folder others can write.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint import code_cache

STORE_NAME = f"code-{sys.implementation.cache_tag}.marshal"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private cache folder of this test's own, and a store read from it afresh; yields the file."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(code_cache, "_store", None)
    yield tmp_path / "cache" / "reportlint" / STORE_NAME
    code_cache._store = None


def _reopen() -> None:
    """Save what this process compiled, and read the file again as the next start would."""
    assert code_cache._store is not None
    code_cache._store.save()
    code_cache._store = None


SOURCE = "def __init__(self, x, y=2):\n    self.x = x\n    self.y = y\n"


def _init_of(code: object) -> object:
    namespace: dict[str, object] = {}
    exec(code, namespace)  # type: ignore[arg-type]
    return namespace["__init__"]


def test_kept_code_is_what_compiling_the_text_gives(store: Path) -> None:
    fresh = code_cache.compiled(SOURCE)
    _reopen()
    kept = code_cache.compiled(SOURCE)
    assert code_cache._store is not None and not code_cache._store.added  # read, not compiled
    assert kept == fresh == compile(SOURCE, "<string>", "exec")

    class Point:
        __init__ = _init_of(kept)

    point = Point(1)  # type: ignore[call-arg]
    assert (point.x, point.y) == (1, 2)  # type: ignore[attr-defined]


def _plant(store: Path, marker: Path, *, intact: bool = True) -> None:
    """A store file mapping SOURCE to code that makes *marker*: proof that kept code ran."""
    planted = compile(f"import os\nos.mkdir({str(marker)!r})\n", "<string>", "exec")
    data = marshal.dumps((("reportlint-code", code_cache._FORMAT, sys.version), {SOURCE: planted}))
    checksum = zlib.crc32(data) ^ (0 if intact else 1)
    store.write_bytes(code_cache._MAGIC + checksum.to_bytes(4, "big") + data)
    store.chmod(0o600)


def test_planted_code_runs_only_from_the_private_folder_behind_an_intact_checksum(store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "planted-code-ran"
    store.parent.mkdir(mode=0o700, parents=True)
    _plant(store, marker)
    exec(code_cache.compiled(SOURCE), {})
    assert marker.exists(), "control: a file in the verified private folder is trusted (only we can write it)"
    marker.rmdir()

    folder, elsewhere = store.parent, tmp_path / "elsewhere"
    damages = ["checksum", "folder open", "file open", "folder a symlink"]
    if os.geteuid() == 0:
        damages.append("file of another user")  # changing a file's owner needs root (CI runs as root)
    for damage in damages:
        code_cache._store = None
        _plant(store, marker, intact=damage != "checksum")
        if damage == "folder open":
            folder.chmod(0o777)  # anyone could have written the file
        elif damage == "file open":
            store.chmod(0o666)
        elif damage == "folder a symlink":
            folder.rename(elsewhere)
            folder.symlink_to(elsewhere)
        elif damage == "file of another user":
            os.chown(store, 65534, 65534)
        code = code_cache.compiled(SOURCE)
        if folder.is_symlink():
            folder.unlink()
            elsewhere.rename(folder)
        folder.chmod(0o700)
        assert code == compile(SOURCE, "<string>", "exec"), damage  # compiled afresh
        exec(code, {})
        assert not marker.exists(), damage


def test_code_of_another_python_build_is_ignored(store: Path) -> None:
    store.parent.mkdir(mode=0o700, parents=True)
    other = compile("x = 1\n", "<string>", "exec")
    data = marshal.dumps((("reportlint-code", code_cache._FORMAT, "2.7.18"), {SOURCE: other}))
    store.write_bytes(code_cache._MAGIC + zlib.crc32(data).to_bytes(4, "big") + data)
    store.chmod(0o600)
    assert code_cache.compiled(SOURCE) == compile(SOURCE, "<string>", "exec")
    assert code_cache._store is not None and code_cache._store.added


def test_a_worker_writes_nothing_and_the_store_is_bounded(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(code_cache, "_LIMIT", 3)
    for number in range(5):
        code_cache.compiled(f"x = {number}\n")
    assert code_cache._store is not None and len(code_cache._store.code) == 3
    code_cache._store.pid = -1  # as in a worker forked after the store was read
    code_cache._store.save()
    assert not store.exists()
