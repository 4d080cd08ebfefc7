"""Reporting policy as a user meets it: ruff's selection layers, usage errors, settings shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.policy import DEFAULT_LAYER, Selection, SelectionLayer
from tests.conftest import EXAMPLES, findings, run

TOWN = str(EXAMPLES / "2020-qinghe-town.txt")


def codes(output: str) -> set[str]:
    """The codes of the findings printed in the default format."""
    return {line.split(": ", 1)[1].split(" ", 1)[0] for line in findings(output)}


def test_a_later_select_starts_afresh_and_ignore_wins_a_tie() -> None:
    config = SelectionLayer(select=("A", "T"), ignore=("A003",))
    command_line = SelectionLayer(select=("A003",))
    assert not Selection((DEFAULT_LAYER, config)).enabled("A003")
    assert Selection((DEFAULT_LAYER, config)).enabled("A001")
    assert Selection((DEFAULT_LAYER, config, command_line)).enabled("A003")
    assert not Selection((DEFAULT_LAYER, config, command_line)).enabled("T001")
    assert not Selection.of(select=("A001",), ignore=("A001",)).enabled("A001")
    assert Selection((DEFAULT_LAYER, config, SelectionLayer(extend_select=("A003",)))).enabled("A003")


def test_command_line_select_beats_an_ignore_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('ignore = ["X004"]\n', encoding="utf-8")
    assert "X004" not in codes(run(TOWN, cwd=tmp_path).stdout)
    selected = run(TOWN, "--select", "X004", cwd=tmp_path)
    assert codes(selected.stdout) == {"X004"} and selected.returncode == 1
    assert "X004" in codes(run(TOWN, "--extend-select", "X004", cwd=tmp_path).stdout)


def test_ignore_and_extend_ignore_add_to_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('ignore = ["T"]\n', encoding="utf-8")
    everything = codes(run(TOWN, "--isolated").stdout)
    assert {"A007", "T001"} <= everything
    for flag in ("--ignore", "--extend-ignore"):
        left = codes(run(TOWN, flag, "A007", cwd=tmp_path).stdout)
        assert left == {code for code in everything if code != "A007" and not code.startswith("T")}, flag


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--select", "", TOWN), "--select"),
        (("--ignore", " , ", TOWN), "--ignore"),
        (("--format", "pdf", TOWN), "--format"),
        (("--no-such-flag", TOWN), "--no-such-flag"),
        (("--select", "Q999", TOWN), "Q999"),
    ],
)
def test_usage_errors_are_one_line_on_stderr(args: tuple[str, ...], says: str) -> None:
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr, result.stderr
    assert result.stderr.startswith("reportlint: ")


def test_list_rules_as_json_names_each_rules_pack_and_options() -> None:
    records = json.loads(run("--list-rules", "--format", "json").stdout)
    by_code = {record["code"]: record for record in records}
    assert by_code["A001"]["pack"] == "reportlint.arithmetic"
    assert "single-cell-diagnosis" in by_code["A001"]["options"]
    assert by_code["S001"]["name"] == "missing-section" and by_code["S001"]["severity"] in ("error", "warning")
    assert len(records) == len(run("--list-rules").stdout.splitlines())


def test_show_settings_names_the_configuration_file_in_force(tmp_path: Path) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text('ignore = ["T"]\n[rules.A008]\nlast-digit-tolerance = 0.5\n', encoding="utf-8")
    shown = run("--show-settings", "--select", "A,T001", cwd=tmp_path)
    assert shown.returncode == 0
    first, _, body = shown.stdout.partition("\n")
    assert first == f"配置文件：{config.resolve()}"
    settings = json.loads(body)
    assert settings["selection"]["configuration"]["ignore"] == ["T"]
    assert settings["selection"]["command-line"]["select"] == ["A", "T001"]
    assert settings["rules"] == {"A008": {"last-digit-tolerance": 0.5}}
    assert "T001" in settings["running"] and "T002" not in settings["running"] and "S001" not in settings["running"]
    assert run("--show-settings", "--isolated").stdout.startswith("配置文件：（无")


def test_version_answers_without_loading_the_engine() -> None:
    probe = (
        "import sys; from reportlint.cli import main; main(['--version']); "
        "print(sorted(m for m in ('reportlint.engine', 'pydantic', 'lark', 'reportlint.model') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["reportlint 0.1.0", "[]"]


def test_a_run_on_a_text_report_imports_only_what_checking_it_needs() -> None:
    """Start-up cost is modules: none of these is needed to check a .txt report (issue 13).

    lark (the parser is generated), pickle, hashlib and tempfile (no parser cache, no
    local plugin, nothing written), logging, shutil (argparse is given the terminal width),
    pydantic (no configuration to validate).
    """
    unneeded = ("lark", "pickle", "hashlib", "tempfile", "logging", "shutil", "pydantic")
    probe = (
        "import sys; from reportlint.cli import main; status = main(['--isolated', sys.argv[1]]); "
        f"print(status, [m for m in {unneeded!r} if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", probe, TOWN], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "1 []", result.stdout + result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_failed_write_to_stdout_is_a_clear_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reportlint", "--isolated", TOWN], stdout=full, stderr=subprocess.PIPE, check=False
        )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "无法写入标准输出" in stderr and "Traceback" not in stderr


def test_standard_input_is_read_with_a_limit() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            [sys.executable, "-m", "reportlint", "--isolated", "-"], stdin=zeros, capture_output=True, timeout=60
        )
    assert result.returncode == 1 and b" P006 " in result.stdout and b"Traceback" not in result.stderr


def test_file_names_on_stderr_forge_no_line_and_drive_no_terminal(tmp_path: Path) -> None:
    missing = tmp_path / "a\n::error file=x::forged\x1b]0;pwned\x07.txt"
    result = run(str(missing), TOWN)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("reportlint: ") and line.endswith(": 文件不存在")
    assert "\x1b" not in line and "\x07" not in line and "\\n::error" in line


def test_a_file_name_that_is_not_utf8_breaks_no_output(tmp_path: Path) -> None:
    import os

    report = tmp_path / os.fsdecode(b"water\xff.txt")
    report.write_bytes(Path(TOWN).read_bytes())
    for args in (
        ("--write-baseline", str(tmp_path / "baseline.json")),
        ("--format", "csv", "--output-file", str(tmp_path / "overview.csv")),
        ("--format", "html", "--output-file", str(tmp_path / "report.html")),
    ):
        result = run("--isolated", *args, str(report))
        assert result.returncode in (0, 1), (args, result.stderr)
    assert "\\udcff" in (tmp_path / "overview.csv").read_text(encoding="utf-8-sig")
    applied = run("--isolated", "--baseline", str(tmp_path / "baseline.json"), str(report))
    assert (applied.returncode, findings(applied.stdout)) == (0, [])


def test_parse_never_writes_a_reports_control_characters(tmp_path: Path) -> None:
    report = tmp_path / "esc.txt"
    text = Path(TOWN).read_text(encoding="utf-8").replace("清河镇", "清河\x1b]0;pwned\x07镇", 1)
    report.write_text(text, encoding="utf-8")
    for args in ((), ("--text",)):
        shown = run("parse", *args, str(report)).stdout
        assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]0;pwned" in shown, args
