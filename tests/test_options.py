"""Option classes: the quick path accepts exactly what pydantic accepts unchanged, and runs skip pydantic.

The quick path in reportlint.options exists only for start-up time; if it ever accepted a
value pydantic would refuse, or produced a different value, a configuration would mean two
things. So every built-in rule's options and every configuration key are validated both
ways on real values, and a run that needs no validation is checked not to import pydantic.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reportlint.config import ConfigError, Settings, load_config, rule_options
from reportlint.options import OptionsError, _quick, _with_pydantic, option_fields
from reportlint.plugins import Registry, collect_rules, create_manager

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_a487699205d89632.txt"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return collect_rules(create_manager())


def _both_ways(model: Any, table: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | str]:
    quick = _quick(model, table)
    try:
        slow: dict[str, Any] | str = _with_pydantic(model, table)
    except OptionsError as error:
        slow = f"refused: {error.problems[0]['type']}"
    return quick, slow


def _samples(default: Any) -> list[Any]:
    """The default and values around it, of the default's type and of others."""
    samples: list[Any] = [default, None, "3", True, 0, -1, 2.5, [], ["x"], {"a": 1}]
    if isinstance(default, bool):
        samples += [not default]
    elif isinstance(default, (int, float)):
        samples += [default + 1, float(default), int(default), 10**6]
    elif isinstance(default, list):
        samples += [[*default, default[0] if default else "x"], [1, 2], ("a",)]
    elif isinstance(default, str):
        samples += [default + "x", ""]
    return samples


def test_every_rule_option_is_read_the_same_quickly_and_by_pydantic(registry: Registry) -> None:
    checked = 0
    for code, rule in registry.rules.items():
        for field in option_fields(rule.Options):
            for value in _samples(field.default):
                quick, slow = _both_ways(rule.Options, {field.key: value})
                if quick is not None:
                    assert isinstance(slow, dict), f"{code}.{field.key} = {value!r}: quick accepts, pydantic {slow}"
                    assert rule.Options(**quick) == rule.Options(**slow), f"{code}.{field.key} = {value!r}"
                    checked += 1
    assert checked > 30


@pytest.mark.parametrize(
    "table",
    [
        {"select": ["A", "s001"], "ignore": ["T004"], "extend-select": []},
        {"per-file-ignores": {"drafts/*.txt": ["S"]}, "severity": {"T001": "error"}},
        {"fail-on": "warning", "rule-timeout": 0, "exclude": ["old/"], "extend-exclude": ["x/*"]},
        {"rule-timeout": 2.5, "local-plugins": ["rules/"], "rules": {"A008": {"last-digit-tolerance": 0.5}}},
    ],
)
def test_plain_configuration_values_are_read_quickly_as_pydantic_reads_them(table: dict[str, Any]) -> None:
    quick, slow = _both_ways(Settings, table)
    assert quick is not None and isinstance(slow, dict)
    assert Settings(**quick) == Settings(**slow)


@pytest.mark.parametrize(
    "table",
    [
        {"select": "A"},
        {"severity": {"T001": "fatal"}},
        {"rule-timeout": -1},
        {"fail-on": 1},
        {"unknown-key": 1},
        {"per-file-ignores": {"x": "S"}},
    ],
)
def test_values_the_quick_path_leaves_alone_are_refused_by_pydantic(table: dict[str, Any]) -> None:
    quick, slow = _both_ways(Settings, table)
    assert quick is None
    assert isinstance(slow, str) and slow.startswith("refused")


def test_errors_name_the_key_as_before(tmp_path: Path, registry: Registry) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text('select = "A"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"select: 应为列表"):
        load_config(config)
    config.write_text('ignore = [" "]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ignore: 规则代码不能为空"):
        load_config(config)
    with pytest.raises(ConfigError, match=r"rules.S016.min-length: "):
        rule_options({"S016": {"min-length": 0}}, registry.rules)
    with pytest.raises(ConfigError, match=r"rules.S016.max: 未知的选项"):
        rule_options({"S016": {"max": 3}}, registry.rules)
    assert rule_options({"S016": {"min-length": 5}}, registry.rules)["S016"].min_length == 5


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"S016": {"min-length": 0}}, "rules.S016.min-length: 应不小于 1，而不是 0"),
        ({"S016": {"min-length": 2.5}}, "rules.S016.min-length: 应为整数，而不是 2.5"),
        ({"Y003": {"threshold": 2}}, "rules.Y003.threshold: 应不大于 1.0，而不是 2"),
        ({"T004": {"group": "x"}}, "rules.T004.group: 应为 'report'、'mark'、'paragraph' 之一，而不是 'x'"),
    ],
)
def test_refused_option_values_are_explained_in_chinese(
    registry: Registry, table: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        rule_options(table, registry.rules)
    assert str(raised.value) == message


@pytest.mark.parametrize("configured", [False, True])
def test_a_run_that_validates_plain_values_does_not_import_pydantic(tmp_path: Path, configured: bool) -> None:
    if configured:
        (tmp_path / "pyproject.toml").write_text(
            '[tool.reportlint]\nselect = ["A", "S", "X"]\nignore = ["S016"]\n[tool.reportlint.rules.A008]\n'
            "last-digit-tolerance = 0.5\n",
            encoding="utf-8",
        )
    probe = (
        "import sys; from reportlint.cli import main\n"
        "try: main([sys.argv[1]] + ([] if sys.argv[2] == '1' else ['--isolated']))\n"
        "except SystemExit: pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(SEED), "1" if configured else "0"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert "A006" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "False"
