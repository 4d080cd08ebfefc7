"""Configuration files: discovery, precedence, validation errors, and their effect on a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.config import ConfigError, find_config, load_config, resolve
from tests.conftest import EXAMPLES, run

TOWN = str(EXAMPLES / "2020-qinghe-town.txt")


def test_nearest_folder_wins_and_reportlint_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.reportlint]\nselect = ["A"]\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "reportlint.toml").write_text('select = ["S"]\n', encoding="utf-8")
    assert find_config(nested) == tmp_path / "a" / "reportlint.toml"
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.reportlint]\nselect = ["D"]\n', encoding="utf-8")
    assert find_config(nested) == tmp_path / "a" / "reportlint.toml"


def test_a_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_isolated_ignores_files(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('select = ["S"]\n', encoding="utf-8")
    assert resolve(None, isolated=True, start=tmp_path).settings.select is None
    assert resolve(None, isolated=False, start=tmp_path).settings.select == ("S",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("bogus = 1\n", "bogus: 未知的配置项"),
        ('select = "S"\n', "select: 应为列表"),
        ("select = [\n", "TOML 语法错误"),
        ('[per-file-ignores]\n"a[b" = ["S"]\n', "无效的 glob"),
        ('[severity]\nS001 = "fatal"\n', "severity.S001"),
    ],
)
def test_bad_files_name_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "reportlint.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        load_config(path)
    assert str(path) in str(raised.value)
    assert len(str(raised.value).splitlines()) <= 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('select = ["Q9"]\n', "select: 未知的规则代码 Q9"),
        ("[rules.S001]\nfoo = 1\n", "rules.S001.foo: 未知的选项"),
        ('[severity]\nZZ999 = "warning"\n', "severity.ZZ999"),
    ],
)
def test_cli_exits_2_on_bad_configuration_without_traceback(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "reportlint.toml").write_text(content, encoding="utf-8")
    result = run(TOWN, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_file_settings_apply_and_flags_override_them(tmp_path: Path) -> None:
    everything = run("--isolated", TOWN).stdout.splitlines()
    assert any(": A" in line for line in everything) and any(": T" in line for line in everything)
    (tmp_path / "reportlint.toml").write_text('ignore = ["T"]\n[severity]\nA001 = "warning"\n', encoding="utf-8")
    from_file = run(TOWN, cwd=tmp_path).stdout.splitlines()
    assert not any(": T" in line for line in from_file) and any(": A" in line for line in from_file)
    flag = run(TOWN, "--ignore", "A", cwd=tmp_path).stdout.splitlines()
    assert not any(": A" in line for line in flag)


def test_per_file_ignores_match_globs(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('[per-file-ignores]\n"*town*" = ["ALL"]\n', encoding="utf-8")
    result = run(str(EXAMPLES), cwd=tmp_path)
    assert "qinghe-town" not in result.stdout
    assert "water-bureau" in result.stdout


@pytest.mark.parametrize("content", ["tool = 5\n", "[tool]\nreportlint = 5\n"])
def test_a_pyproject_whose_tool_is_not_a_table_exits_2(tmp_path: Path, content: str) -> None:
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    result = run(TOWN, cwd=tmp_path)
    assert result.returncode == 2 and "应为表" in result.stderr and "Traceback" not in result.stderr


def test_per_file_ignores_are_relative_to_the_configuration_file(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "town.txt").write_bytes(Path(TOWN).read_bytes())
    (tmp_path / "reportlint.toml").write_text('[per-file-ignores]\n"reports/*.txt" = ["T001"]\n', encoding="utf-8")
    for cwd, path in ((tmp_path, "reports/town.txt"), (reports, "town.txt"), (tmp_path, str(reports / "town.txt"))):
        result = run(path, cwd=cwd).stdout
        assert " X004 " in result and " T001 " not in result, (cwd, path)


def test_an_empty_select_selects_nothing(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text("select = []\n", encoding="utf-8")
    assert run(TOWN, cwd=tmp_path).stdout == ""
