"""A small LSP client for the server tests: JSON-RPC with Content-Length framing over a subprocess's pipes.

It speaks the protocol itself (no client library), as an editor does: requests wait for
their response, notifications from the server are kept in order, and requests from the
server (``workspace/applyEdit``, ``client/registerCapability`` …) are recorded and
answered, so the server never waits on the test.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

TIMEOUT = 120.0


class LspClient:
    """``python -m reportlint server`` in a subprocess, and the client end of its stdio."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportlint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            cwd=cwd,
            env=env,
        )
        self.next_id = 0
        self.responses: dict[int, Any] = {}
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.server_requests: list[dict[str, Any]] = []
        self.lock = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- framing --------------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            assert length is not None, "a message without Content-Length"
            message = json.loads(stream.read(length).decode("utf-8"))
            if "method" in message and "id" in message:
                self.server_requests.append(message)
                self._send(
                    {
                        "id": message["id"],
                        "result": {"applied": True} if message["method"] == "workspace/applyEdit" else None,
                    }
                )
            elif "method" in message:
                self.notifications.put(message)
            else:
                with self.lock:
                    self.responses[message["id"]] = message
                    self.lock.notify_all()

    # -- messages ---------------------------------------------------------------------------
    def request(self, method: str, params: Any = None) -> Any:
        """Send a request and return its result (fail on an error response)."""
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        with self.lock:
            while ident not in self.responses:
                left = deadline - time.monotonic()
                assert left > 0, f"no response to {method}"
                self.lock.wait(left)
            response = self.responses.pop(ident)
        assert "error" not in response, response["error"]
        return response.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next notification named *method* (others are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no {method} notification"
            message = self.notifications.get(timeout=left)
            if message["method"] == method:
                return message["params"]

    def none_for(self, method: str, seconds: float) -> bool:
        """Whether no *method* notification arrives within *seconds*."""
        try:
            self.wait_for(method, timeout=seconds)
        except (AssertionError, queue.Empty):
            return True
        return False

    def initialize(self, folder: Path, pull: bool = True, options: Any = None, watch: bool = False) -> Any:
        document: dict[str, Any] = {"publishDiagnostics": {"relatedInformation": True}, "hover": {}, "codeAction": {}}
        if pull:
            document["diagnostic"] = {"dynamicRegistration": False}
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": folder.as_uri(),
                "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}],
                "capabilities": {
                    "textDocument": document,
                    "general": {"positionEncodings": ["utf-16"]},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}},
                },
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        """shutdown, exit, and the server's exit status."""
        assert self.request("shutdown") is None
        self.notify("exit")
        try:
            return self.process.wait(timeout=30)
        finally:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()

    def stderr(self) -> str:
        """What the server wrote to stderr so far (its log, for a failing test's message)."""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")
