"""Directory runs: which files a folder contributes, excludes with ruff's semantics,
non-report .txt skipped and counted, and paths that must not block or hide a failure."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint.discovery import Exclusion, discover, exclusion, looks_like_report
from tests.conftest import FIXTURES, run

CLEAN = FIXTURES / "clean-2021.txt"
SUFFIXES = (".txt",)
NOBODY = 65534


FIFO_PATIENCE = 10.0
"""Seconds a run may be blocked opening or reading a FIFO before :func:`unblocking` frees it."""


@contextlib.contextmanager
def unblocking(fifo: Path) -> Iterator[list[float]]:
    """A watchdog for an in-process run that must not block on *fifo*: the time limit a process would give.

    After :data:`FIFO_PATIENCE` seconds it opens the FIFO's write end, which succeeds only
    while something holds the read end (blocked in ``open`` or ``read``), and closes it
    again: the blocked reader gets an empty file and returns, and the yielded list records
    when that happened (empty: nothing ever waited on the FIFO).
    """
    done = threading.Event()
    freed: list[float] = []

    def watch() -> None:
        if done.wait(FIFO_PATIENCE):
            return
        while not done.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # ENXIO while no one reads
                freed.append(time.monotonic())
            except OSError:
                time.sleep(0.05)

    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    try:
        yield freed
    finally:
        done.set()
        watchdog.join()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder as people have them: reports, a virtualenv, node_modules, .git, non-reports."""
    for relative in ("reports/2021.txt", "reports/old/2020.txt", ".git/x.txt", "node_modules/x.txt", "venv/x.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CLEAN, target)
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    shutil.copy(CLEAN, tmp_path / "env" / "x.txt")
    (tmp_path / "requirements.txt").write_text("lark>=1.1\npydantic>=2\n")
    (tmp_path / "notes.txt").write_text("meeting on Monday\n")
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


def names(files: list[str], root: Path) -> list[str]:
    return sorted(Path(name).relative_to(root).as_posix() for name in files)


def test_defaults_skip_hidden_build_and_environment_folders(tree: Path) -> None:
    found = discover([str(tree)], SUFFIXES)
    assert names(found.files, tree) == ["empty.txt", "reports/2021.txt", "reports/old/2020.txt"]
    assert found.errors == []


def test_non_reports_found_in_a_folder_are_skipped_and_counted_on_one_line(tree: Path) -> None:
    result = run("--isolated", str(tree), cwd=tree)
    note = [line for line in result.stderr.splitlines() if "不像年度报告" in line]
    expected = "reportlint: 已跳过目录中 2 个不像年度报告的 .txt 文件（如 notes.txt）；在命令行上直接列出文件即可检查"
    assert note == [expected]
    assert "requirements.txt" not in result.stdout and "notes.txt" not in result.stdout
    assert "empty.txt:1:1: P001" in result.stdout  # an empty file is a report that is empty


def test_a_non_report_named_on_the_command_line_is_checked(tree: Path) -> None:
    result = run("--isolated", "requirements.txt", cwd=tree)
    assert result.returncode == 1 and "requirements.txt:1:1: S001" in result.stdout
    assert result.stderr == ""


def test_looks_like_report_by_name_and_by_words(tree: Path) -> None:
    assert looks_like_report(str(CLEAN))
    assert not looks_like_report(str(tree / "requirements.txt"))
    assert not looks_like_report(str(tree / "notes.txt"))
    gbk = tree / "gbk.txt"
    gbk.write_bytes("某某局2023年政府信息公开工作年度报告\n".encode("gb18030"))
    assert looks_like_report(str(gbk))


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tree: Path) -> None:
    replaced = exclusion(["reports"], [], tree)
    assert "node_modules/x.txt" in names(discover([str(tree)], SUFFIXES, replaced).files, tree)
    assert not any(name.startswith("reports/") for name in names(discover([str(tree)], SUFFIXES, replaced).files, tree))
    extended = exclusion(None, ["old"], tree)
    assert names(discover([str(tree)], SUFFIXES, extended).files, tree) == ["empty.txt", "reports/2021.txt"]


def test_patterns_with_a_slash_match_paths_relative_to_the_configuration(tree: Path) -> None:
    relative = exclusion(None, ["reports/old/*.txt"], tree)
    assert names(discover([str(tree)], SUFFIXES, relative).files, tree) == ["empty.txt", "reports/2021.txt"]
    folder = exclusion(None, ["reports/old"], tree)
    assert names(discover([str(tree)], SUFFIXES, folder).files, tree) == ["empty.txt", "reports/2021.txt"]
    elsewhere = exclusion(None, ["reports/old"], tree / "reports")  # relative to another folder: no match
    assert "reports/old/2020.txt" in names(discover([str(tree)], SUFFIXES, elsewhere).files, tree)


def test_a_named_file_is_checked_unless_force_exclude(tree: Path) -> None:
    target = str(tree / "reports" / "old" / "2020.txt")
    assert discover([target], SUFFIXES, exclusion(None, ["old"], tree)).files == [target]
    assert discover([target], SUFFIXES, exclusion(None, ["old"], tree, force=True)).files == []


def test_configuration_and_command_line_excludes(tree: Path) -> None:
    (tree / "reportlint.toml").write_text('extend-exclude = ["old"]\n', encoding="utf-8")
    process = run("--statistics", "reports", cwd=tree)
    assert "2020.txt" not in process.stdout and process.returncode == 0
    result = run("--isolated", "--extend-exclude", "2021.txt,old", "reports", cwd=tree)
    assert (result.returncode, result.stdout) == (0, "")
    forced = run("--isolated", "--extend-exclude", "old", "--force-exclude", "reports/old/2020.txt", cwd=tree)
    assert (forced.returncode, forced.stdout, forced.stderr) == (0, "", "")


def test_a_bad_exclude_glob_in_the_configuration_is_a_clear_error(tree: Path) -> None:
    (tree / "reportlint.toml").write_text('exclude = ["reports/[old"]\n', encoding="utf-8")
    process = run("reports", cwd=tree)
    assert process.returncode == 2
    assert "exclude" in process.stderr and "无效的 glob 模式" in process.stderr


def test_a_fifo_named_or_found_does_not_block_and_is_reported(tree: Path) -> None:
    fifo = tree / "reports" / "pipe.txt"
    os.mkfifo(fifo)
    with unblocking(fifo) as freed:
        named = run("--isolated", "reports/pipe.txt", "reports/2021.txt", cwd=tree)
        parsed = run("parse", "reports/pipe.txt", cwd=tree)
        found = run("--isolated", "reports", cwd=tree)
    assert len(freed) == 0, "a run blocked on the FIFO until the watchdog opened its other end"
    assert named.returncode == 2
    assert "reportlint: reports/pipe.txt: 不是普通文件（命名管道），未检查" in named.stderr.splitlines()
    assert parsed.returncode == 2
    assert parsed.stderr == "reportlint: reports/pipe.txt: 不是普通文件（命名管道），未检查\n"
    assert found.returncode == 2
    assert f"reportlint: {Path('reports') / 'pipe.txt'}: 不是普通文件（命名管道），已跳过" in found.stderr.splitlines()


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder user nobody can enter (pytest's own tmp_path is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="reportlint-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder)


def test_an_unreadable_sub_folder_is_reported_not_skipped_silently(shared_tmp: Path) -> None:
    reports = shared_tmp / "reports"
    (reports / "locked").mkdir(parents=True)
    shutil.copy(CLEAN, reports / "2021.txt")
    shutil.copy(CLEAN, reports / "locked" / "hidden.txt")
    (reports / "locked").chmod(0)
    expected = f"{reports / 'locked'}: 无法读取目录：Permission denied（其中的文件未检查）"
    if os.geteuid() != 0:
        result = run("--isolated", str(reports), cwd=shared_tmp)
        assert result.returncode == 2 and f"reportlint: {expected}" in result.stderr.splitlines()
        return
    # root reads a mode-000 folder anyway: walk it in a child process that has given up root.
    assert _errors_as_nobody(str(reports)) == [expected]


def _errors_as_nobody(folder: str) -> list[str]:
    """discover()'s errors for *folder*, computed by a forked child running as user nobody."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, walk, report, exit without running pytest's teardown
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            errors = discover([folder], SUFFIXES).errors
            os.write(write_end, "\n".join(errors).encode("utf-8"))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return output.splitlines()


def test_default_exclusion_matches_components_not_substrings() -> None:
    default = Exclusion()
    assert default.match("a/.git/b.txt") == ".*"
    assert default.match("a/node_modules/b.txt") == "node_modules"
    assert default.match("a/my_node_modules/b.txt") is None
    assert default.match("reports/2021.txt") is None
