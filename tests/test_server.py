"""The language server, driven over stdio as an editor drives it, on real reports.

The done-when test of issue 15: a subprocess ``python -m reportlint server`` and a
client that frames JSON-RPC itself (``tests/lsp_client.py``). Its diagnostics must be
the CLI's findings for the same file, with ranges converted to UTF-16 here
independently of the server's own conversion.

A server start costs about a second (Python, reportlint and pygls), so the tests that
need only the usual initialisation (pull diagnostics, no options) share one server, as
an editor keeps one for every folder it opens: each test adds its own folder to the
workspace (``workspace/didChangeWorkspaceFolders``) and removes it at the end. A test
that needs another initialisation (push diagnostics, options) starts its own.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.conftest import SHARED, run

pytest.importorskip("pygls", reason="the server needs pygls: pip install 'reportlint[server]' (the test extra has it)")

from tests.lsp_client import LspClient

REAL = SHARED / "corpus" / "real"
NESTED = "𠀋𠀋转发了《关于印发《名录》的通知》。"
"""A nested 《》 (T001) after two astral characters, so UTF-16 columns and code points differ."""


def utf16(line: str, column: int) -> int:
    """The 0-based UTF-16 offset of a 1-based code-point column (counted from the encoded bytes)."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def expected(cli: list[dict[str, Any]], text: str) -> list[tuple[str, str, tuple[int, int, int, int]]]:
    """The CLI's findings as (code, message, UTF-16 range) — the server's documented mapping:
    a finding's extent, else the one character at its position."""
    lines = text.split("\n")
    out = []
    for finding in cli:
        line, column = finding["line"], finding["column"]
        end_line, end_column = finding["end_line"], finding["end_column"]
        if end_line is None:
            end_line, end_column = line, min(column + 1, len(lines[line - 1]) + 1)
        start = (line - 1, utf16(lines[line - 1], column))
        end = (end_line - 1, utf16(lines[end_line - 1], end_column))
        out.append((finding["code"], finding["message"], (*start, *end)))
    return sorted(out)


def shown(items: list[dict[str, Any]]) -> list[tuple[str, str, tuple[int, int, int, int]]]:
    """The server's diagnostics in the same shape as :func:`expected`."""
    out = []
    for item in items:
        r = item["range"]
        out.append(
            (
                item["code"],
                item["message"],
                (r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]),
            )
        )
    return sorted(out)


def cli_json(folder: Path, relative: str) -> list[dict[str, Any]]:
    """``reportlint --format json FILE`` run in *folder*, as a user would in that workspace."""
    result = run("--format", "json", relative, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def pull(client: LspClient, uri: str) -> list[dict[str, Any]]:
    report = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    assert report["kind"] == "full"
    items: list[dict[str, Any]] = report["items"]
    return items


class Server(NamedTuple):
    """The shared server: its client end and what it answered to ``initialize``."""

    client: LspClient
    capabilities: dict[str, Any]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One pull-mode server for this module's tests that need no other initialisation; it must exit with 0."""
    root = tmp_path_factory.mktemp("editor")  # the folder the editor opened first; no test writes there
    client = LspClient(root)
    try:
        capabilities = client.initialize(root)["capabilities"]
    except BaseException:
        print(client.stderr())
        client.close()
        raise
    yield Server(client, capabilities)
    status = client.close()
    assert status == 0, client.stderr()


@pytest.fixture
def client(server: Server, tmp_path: Path) -> Iterator[LspClient]:
    """The shared server with this test's *tmp_path* added as a workspace folder (removed afterwards)."""
    folder = {"uri": tmp_path.as_uri(), "name": tmp_path.name}
    server.client.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [folder], "removed": []}})
    yield server.client
    server.client.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [], "removed": [folder]}})


def close(client: LspClient, *uris: str) -> None:
    """``didClose`` for the documents a test opened on the shared server."""
    for uri in uris:
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace folder holding a copy of a real report, and no configuration file."""
    (tmp_path / "reports").mkdir()
    shutil.copy(REAL / "2024_huaian-hongze-district.txt", tmp_path / "reports")
    return tmp_path


def test_a_client_session_on_a_real_report(workspace: Path, server: Server, client: LspClient) -> None:
    relative = "reports/2024_huaian-hongze-district.txt"
    report = workspace / relative
    uri = report.as_uri()
    text = report.read_text(encoding="utf-8")
    try:
        capabilities = server.capabilities
        assert capabilities["diagnosticProvider"]["identifier"] == "reportlint"
        assert capabilities.get("positionEncoding", "utf-16") == "utf-16"
        assert "reportlint.ignoreForFile" in capabilities["executeCommandProvider"]["commands"]
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )

        # The diagnostics equal the CLI's findings, ranges in UTF-16.
        items = pull(client, uri)
        cli = cli_json(workspace, relative)
        assert cli, "the real report has findings"
        assert shown(items) == expected(cli, text)
        for item in items:
            assert item["source"] == "reportlint"
            assert item["severity"] in (1, 2)
            assert item["codeDescription"]["href"].endswith(f"/reference/rules/#{item['code']}")

        # An edit that adds a nested 《》 after astral characters: a new finding, placed in UTF-16 units.
        lines = text.split("\n")
        row = next(i for i, line in enumerate(lines) if line.startswith("（一）"))
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [
                    {
                        "range": {"start": {"line": row, "character": 0}, "end": {"line": row, "character": 0}},
                        "text": NESTED,
                    }
                ],
            },
        )
        edited = "\n".join([*lines[:row], NESTED + lines[row], *lines[row + 1 :]])
        items = pull(client, uri)
        (workspace / "edited.txt").write_text(edited, encoding="utf-8")
        cli_edited = cli_json(workspace, "edited.txt")
        assert shown(items) == expected(cli_edited, edited)
        nested = [item for item in items if item["code"] == "T001"]
        assert nested and nested[0]["range"]["start"]["line"] == row
        inner = NESTED.index("《", NESTED.index("《") + 1)  # in code points; two astral characters before it
        assert nested[0]["range"]["start"]["character"] == inner + 2

        # Code actions at the new finding: its quick fix, "fix all" (T001 is safe), ignore, baseline.
        actions = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": nested[0]["range"], "context": {"diagnostics": [nested[0]]}},
        )
        titles = [action["title"] for action in actions]
        assert "修复：内层书名号改为单书名号〈〉" in titles
        assert "在本文件中忽略 T001" in titles
        assert any("加入基线" in title for title in titles)
        assert any(action["kind"].startswith("source.fixAll") for action in actions)

        # Hover on a finding shows the rule's explanation.
        other = next(item for item in items if item["code"] != "T001")
        hover = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": other["range"]["start"]}
        )
        assert hover["contents"]["value"].startswith(other["code"] + " ")
        assert any(f"\n{section}" in hover["contents"]["value"] for section in ("修改方法：", "Fix:"))

        # Ignore T001 for this file: the server writes reportlint.toml, and T001 is gone.
        ignore = next(action for action in actions if action["title"] == "在本文件中忽略 T001")
        result = client.request("workspace/executeCommand", ignore["command"])
        config = workspace / "reportlint.toml"
        assert result == {"config": str(config), "changed": True}
        assert tomllib.loads(config.read_text(encoding="utf-8")) == {"per-file-ignores": {relative: ["T001"]}}
        after = pull(client, uri)
        assert [item for item in after if item["code"] == "T001"] == []
        assert shown(after) == [entry for entry in shown(items) if entry[0] != "T001"]
        assert run("--format", "json", relative, cwd=workspace).stdout.count('"T001"') == 0

        # Accept one finding into the baseline: it is recorded and no longer shown.
        accept = client.request(
            "workspace/executeCommand",
            {"command": "reportlint.acceptIntoBaseline", "arguments": [uri, other["data"]]},
        )
        assert accept["added"] == 1
        baseline = json.loads((workspace / "reportlint-baseline.json").read_text(encoding="utf-8"))
        assert [entry["code"] for entry in baseline["findings"]] == [other["code"]]
        accepted = shown([other])[0]
        assert shown(pull(client, uri)) == [entry for entry in shown(after) if entry != accepted]
    except BaseException:
        print(client.stderr())
        raise
    finally:
        close(client, uri)


def test_push_diagnostics_for_a_client_without_pull(tmp_path: Path) -> None:
    """Without pull support the server publishes: on open, once after a burst of changes, after an action.

    Also: the baseline path from initializationOptions, and an untitled buffer."""
    shutil.copy(REAL / "2021_pingtan-police.txt", tmp_path)
    report = tmp_path / "2021_pingtan-police.txt"
    uri, text = report.as_uri(), report.read_text(encoding="utf-8")
    client = LspClient(tmp_path)
    try:
        options = {"baseline": "accepted/baseline.json"}
        assert (
            "diagnosticProvider" in client.initialize(tmp_path, pull=False, options=options, watch=True)["capabilities"]
        )
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )
        published = client.wait_for("textDocument/publishDiagnostics")
        assert published["uri"] == uri
        assert shown(published["diagnostics"]) == expected(cli_json(tmp_path, report.name), text)
        # The arithmetic findings point at the cells they rest on.
        related = [item for item in published["diagnostics"] if item.get("relatedInformation")]
        assert related
        lines = text.split("\n")
        for item in related:
            for info in item["relatedInformation"]:
                assert info["location"]["uri"] == uri
                start = info["location"]["range"]["start"]
                cell = info["message"].rsplit("：", 1)[1]
                assert lines[start["line"]][start["character"] :].startswith(cell)
        # Three quick changes: one lint, of the last version.
        for version in (2, 3, 4):
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": NESTED + "\n" + text}]},
            )
        published = client.wait_for("textDocument/publishDiagnostics")
        assert published["version"] == 4
        assert any(item["code"] == "T001" and item["range"]["start"]["line"] == 0 for item in published["diagnostics"])
        assert client.none_for("textDocument/publishDiagnostics", 0.5)  # the debounce is 0.3 s

        # The configuration changes behind the server's back; the client's file watcher tells it.
        registrations = [r for r in client.server_requests if r["method"] == "client/registerCapability"]
        watched = registrations[0]["params"]["registrations"][0]
        assert watched["method"] == "workspace/didChangeWatchedFiles"
        (tmp_path / "reportlint.toml").write_text('ignore = ["T001"]\n', encoding="utf-8")
        changes = [{"uri": (tmp_path / "reportlint.toml").as_uri(), "type": 1}]
        client.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        published = client.wait_for("textDocument/publishDiagnostics")
        assert published["diagnostics"] and not [item for item in published["diagnostics"] if item["code"] == "T001"]

        # Accept every finding of the file into the baseline the client named: the next push is empty.
        findings = published["diagnostics"]
        accepted = client.request(
            "workspace/executeCommand", {"command": "reportlint.acceptIntoBaseline", "arguments": [uri, None]}
        )
        assert accepted == {"baseline": str(tmp_path / "accepted" / "baseline.json"), "added": len(findings)}
        assert client.wait_for("textDocument/publishDiagnostics")["diagnostics"] == []
        assert not (tmp_path / "reportlint-baseline.json").exists()

        # A pasted, unsaved buffer is linted too; the actions that write files are not offered for it.
        untitled = "untitled:Untitled-1"
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": untitled, "languageId": "plaintext", "version": 1, "text": NESTED + "\n" + text}},
        )
        pasted = client.wait_for("textDocument/publishDiagnostics")
        assert pasted["uri"] == untitled
        assert shown(pasted["diagnostics"]) == shown(findings)  # the same text, T001 still ignored
        first = pasted["diagnostics"][0]
        actions = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": untitled}, "range": first["range"], "context": {"diagnostics": [first]}},
        )
        assert actions == []
    except BaseException:
        print(client.stderr())
        raise
    finally:
        status = client.close()
    assert status == 0


def test_change_to_diagnostics_against_a_cli_run(tmp_path: Path, client: LspClient) -> None:
    """On the largest shared report, a lint after a change costs less than starting the CLI for it."""
    largest = max(REAL.glob("*.txt"), key=lambda path: path.stat().st_size)
    shutil.copy(largest, tmp_path)
    report = tmp_path / largest.name
    uri, text = report.as_uri(), report.read_text(encoding="utf-8")
    cli_times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reportlint", report.name], cwd=tmp_path, capture_output=True, check=False
        )
        cli_times.append(time.perf_counter() - start)
    try:
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )
        pull(client, uri)
        server_times = []
        for version in range(2, 5):
            start = time.perf_counter()
            change = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "。"}
            client.notify(
                "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}
            )
            pull(client, uri)
            server_times.append(time.perf_counter() - start)
    finally:
        close(client, uri)
    ratio = statistics.median(server_times) / statistics.median(cli_times)
    server, cli = statistics.median(server_times), statistics.median(cli_times)
    print(f"{largest.name}: didChange→diagnostics {server:.3f} s, CLI {cli:.3f} s, ratio {ratio:.2f}")
    assert ratio < 1.0


def applied(text: str, edits: list[dict[str, Any]]) -> str:
    """*text* with LSP text edits (UTF-16 ranges) applied, as an editor applies a workspace edit."""
    lines = text.split("\n")

    def offset(position: dict[str, int]) -> int:
        line = lines[position["line"]]
        units, index = 0, 0
        while units < position["character"]:
            units += len(line[index].encode("utf-16-le")) // 2
            index += 1
        return sum(len(before) + 1 for before in lines[: position["line"]]) + index

    for edit in sorted(
        edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True
    ):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_quick_fix_and_fix_all_as_the_cli_fixes(tmp_path: Path, shared_dir: Path, client: LspClient) -> None:
    """A T001 quick fix sent as a workspace edit, then "fix all": the buffer ends as ``--fix`` leaves the file."""
    seed = next((shared_dir / "seeds").glob("*.txt"))
    report = tmp_path / seed.name
    # The seed's nested 《》 behind astral characters, so UTF-16 positions differ from code points.
    text = NESTED + "\n" + seed.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    uri = report.as_uri()
    earlier = len(client.server_requests)  # the shared server's requests from other tests
    try:
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )
        nested = [item for item in pull(client, uri) if item["code"] == "T001"]
        assert [item["range"]["start"]["line"] for item in nested] == [0, 3]
        actions = client.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": nested[0]["range"], "context": {"diagnostics": [nested[0]]}},
        )
        quick = next(action for action in actions if action["title"] == "修复：内层书名号改为单书名号〈〉")
        assert client.request("workspace/executeCommand", quick["command"]) == {"edits": 2, "fixed": 1}
        (request,) = [r for r in client.server_requests[earlier:] if r["method"] == "workspace/applyEdit"]
        (change,) = request["params"]["edit"]["documentChanges"]
        assert change["textDocument"] == {"uri": uri, "version": 1}
        edits = change["edits"]
        assert [(e["range"]["start"]["character"], e["newText"]) for e in edits] == [
            (NESTED.index("《", NESTED.index("《") + 1) + 2, "〈"),  # two astral characters before it
            (NESTED.index("》") + 2, "〉"),
        ]
        text = applied(text, edits)
        assert text.startswith("𠀋𠀋转发了《关于印发〈名录〉的通知》。\n")
        client.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}
        )
        assert [item["range"]["start"]["line"] for item in pull(client, uri) if item["code"] == "T001"] == [3]

        # "Fix all" fixes the seed's own nested title, as `reportlint --fix` does to the file.
        assert client.request("workspace/executeCommand", {"command": "reportlint.fixAll", "arguments": [uri]}) == {
            "edits": 1,
            "fixed": 1,
        }
        request = [r for r in client.server_requests if r["method"] == "workspace/applyEdit"][-1]
        (change,) = request["params"]["edit"]["documentChanges"]
        text = applied(text, change["edits"])
        client.notify(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}
        )
        assert not [item for item in pull(client, uri) if item["code"] == "T001"]
        assert run("--fix", "--isolated", report.name, cwd=tmp_path).returncode in (0, 1)
        assert report.read_text(encoding="utf-8") == text
    except BaseException:
        print(client.stderr())
        raise
    finally:
        close(client, uri)
