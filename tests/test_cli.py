"""The command line as a user meets it: output lines, exit codes, stdin, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, SHARED, findings, run, run_process, shared_run

FINDING_RE = re.compile(r"^[^:]+:\d+:\d+: [A-Z]+\d{3} .+$")


def test_a_clean_report_exits_0_and_prints_nothing() -> None:
    result = run_process(str(FIXTURES / "clean-2021.txt"), str(FIXTURES / "clean-2019.txt"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_findings_are_flake8_lines_sorted_and_exit_1() -> None:
    result = shared_run(str(EXAMPLES))
    lines = findings(result.stdout)
    assert result.returncode == 1
    assert lines and all(FINDING_RE.match(line) for line in lines)
    keys = [(line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])) for line in lines]
    assert keys == sorted(keys)


def test_a_missing_file_exits_2_with_one_line_and_the_others_are_checked() -> None:
    result = run("no-such-report.txt", str(EXAMPLES / "2023-water-bureau.txt"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["reportlint: no-such-report.txt: 文件不存在"]
    assert "2023-water-bureau.txt:" in result.stdout


def test_directories_are_searched_for_txt_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_bytes(b"")
    result = run(str(tmp_path))
    assert findings(result.stdout) == [f"{tmp_path / 'sub' / 'empty.txt'}:1:1: P001 文件为空"]
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "P001"), (b"\x00\x01\x02binary", "P002"), (b"  \n\t\n", "P001"), (b"\x81\x20gbk?", "P002")],
)
def test_unreadable_input_is_a_p_finding_not_a_traceback(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    result = run(str(path), str(FIXTURES / "clean-2021.txt"))
    assert result.stdout.startswith(f"{path}:1:1: {code} ")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_stdin_gives_the_same_findings_under_its_given_name() -> None:
    path = EXAMPLES / "2023-water-bureau.txt"
    from_file = run(str(path)).stdout
    from_stdin = run("-", "--stdin-filename", str(path), stdin=path.read_bytes()).stdout
    assert from_stdin == from_file != ""


def test_select_and_ignore_by_prefix() -> None:
    path = str(EXAMPLES / "2020-qinghe-town.txt")
    everything = findings(run(path).stdout)
    only_a = findings(run(path, "--select", "A").stdout)
    no_a = findings(run(path, "--ignore", "A").stdout)
    assert only_a and all(": A" in line for line in only_a)
    assert no_a and not any(": A" in line for line in no_a)
    assert sorted(only_a + no_a) == sorted(everything)
    assert findings(run(path, "--select", "A", "--ignore", "A007").stdout) == [
        line for line in only_a if ": A007 " not in line
    ]


def test_unknown_codes_and_missing_paths_are_usage_errors() -> None:
    assert run("--select", "Q999", str(FIXTURES)).returncode == 2
    result = run()
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_list_rules_and_version() -> None:
    listing = run("--list-rules").stdout.splitlines()
    assert any(line.startswith("S001  missing-section") for line in listing)
    assert {line.split()[2] for line in listing} == {"错误", "警告"}  # severities in Chinese, as in --explain
    assert next(line for line in listing if line.startswith("T001 ")).split()[2] == "警告"
    assert run("--version").stdout.startswith("reportlint ")


EVERYTHING = (str(SHARED / "seeds"), str(SHARED / "corpus"), str(EXAMPLES))
"""Every shared report and example, in every format reportlint reads."""


@pytest.mark.usefixtures("shared_dir")
def test_every_line_printed_over_shared_is_a_well_formed_finding() -> None:
    result = shared_run(*EVERYTHING, "-j", "1")
    assert result.returncode in (0, 1)
    assert result.stderr == ""
    assert all(FINDING_RE.match(line) for line in findings(result.stdout))
    assert not re.search(r": P\d{3} ", result.stdout)


@pytest.mark.usefixtures("shared_dir")
def test_a_parallel_run_prints_exactly_what_a_serial_run_prints() -> None:
    serial = shared_run(*EVERYTHING, "-j", "1")
    parallel = run(*EVERYTHING, "-j", "2")  # forks workers of this process, as the command does of its own
    assert (parallel.stdout, parallel.returncode) == (serial.stdout, serial.returncode)


def test_bad_jobs_value_is_a_usage_error() -> None:
    result = run("-j", "many", str(FIXTURES))
    assert result.returncode == 2 and "-j" in result.stderr


def test_unreadable_files_are_reported_even_when_other_rules_are_selected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(str(empty), "--select", "A")
    assert findings(result.stdout) == [f"{empty}:1:1: P001 文件为空"] and result.returncode == 1
    assert run(str(empty), "--select", "A", "--ignore", "P001").stdout == ""


def test_a_file_named_twice_is_checked_once() -> None:
    path = EXAMPLES / "2023-water-bureau.txt"
    once = run(str(path)).stdout
    assert run(str(path), str(path), str(EXAMPLES)).stdout.count(" D001 ") == once.count(" D001 ") == 1


@pytest.mark.parametrize("jobs", ["0", "-1", "many"])
def test_bad_jobs_values_are_usage_errors(jobs: str) -> None:
    result = run("-j", jobs, str(FIXTURES))
    assert result.returncode == 2 and "-j" in result.stderr


def test_an_oversized_file_reports_its_real_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (20 * 1024 * 1024))
    result = run(str(big))
    assert "P006" in result.stdout and "20.0 MB" in result.stdout


def test_show_source_is_the_same_in_a_parallel_run() -> None:
    paths = [str(EXAMPLES), str(FIXTURES / "clean-2021.txt"), str(FIXTURES / "clean-2019.txt")]
    serial = run(*paths, "--show-source", "-j", "1").stdout
    findings = [line for line in serial.splitlines() if FINDING_RE.match(line)]
    assert findings and serial.count("^\n") == len(findings)
    assert run(*paths, "--show-source", "-j", "2").stdout == serial  # -j 2 forks workers of this process


def test_a_worker_built_from_the_recipe_keeps_source_lines() -> None:
    from reportlint.policy import Policy, Selection
    from reportlint.runner import LinterRecipe, build_linter

    linter = build_linter(LinterRecipe(Policy(Selection.of(select=("X",))), keep_lines=True))
    result = linter.lint_file(str(EXAMPLES / "2020-qinghe-town.txt"))
    assert result.lines is not None and result.lines[8].startswith("2020年，我镇未收到")


def test_a_symlink_loop_is_an_io_error_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = run(str(tmp_path / "a.txt"), str(EXAMPLES / "2023-water-bureau.txt"))
    assert result.returncode == 2
    assert "无法读取" in result.stderr and "Traceback" not in result.stderr
    assert "2023-water-bureau.txt:" in result.stdout


@pytest.mark.parametrize("columns", [None, "60", "200", "0", "wide"])
def test_help_is_laid_out_for_the_width_shutil_measures(columns: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI measures the terminal itself (to spare a start ``shutil``): the help must not change."""
    import argparse
    import shutil

    from reportlint.cli import build_parser, terminal_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == shutil.get_terminal_size().columns
    ours = build_parser()
    standard = build_parser()
    standard.formatter_class = argparse.HelpFormatter
    assert ours.format_help() == standard.format_help()
