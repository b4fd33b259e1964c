"""Fixtures that run a live thidua-server.

The binary is ``$THIDUA_SERVER_BIN``, by default ``<repo>/.build/debug/thidua-server``. Each
server listens on 127.0.0.1 with ``--port 0``; its port is read from the one line
``listening on HOST:PORT`` it prints on standard output. It is stopped with SIGTERM and must
then exit with status 0.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

import thidua_client
from thidua_client import FrameReader

REPO = Path(__file__).resolve().parents[3]
DEFAULT_SERVER_BIN = REPO / ".build" / "debug" / "thidua-server"
STARTUP_TIMEOUT = 60.0  # seconds allowed for the "listening on" line (debug builds are slow)
BINARY_WAIT = 90.0  # seconds to wait for a binary that is being rebuilt


def server_binary() -> Path:
    path = Path(os.environ.get("THIDUA_SERVER_BIN") or DEFAULT_SERVER_BIN)
    if not path.is_absolute():
        path = REPO / path
    end = time.monotonic() + BINARY_WAIT
    while not (path.is_file() and os.access(path, os.X_OK)):
        if time.monotonic() > end:
            pytest.fail(f"no server binary at {path} (set THIDUA_SERVER_BIN)")
        time.sleep(1.0)  # the binary may be in the middle of a rebuild
    return path


class ServerProcess:
    """One running thidua-server."""

    def __init__(self, data_dir: Path, extra_args: tuple[str, ...] = ()) -> None:
        self.data_dir = data_dir
        self.stderr_path = data_dir.parent / f"{data_dir.name}-stderr.log"
        self._stderr = open(self.stderr_path, "wb")
        self.process = subprocess.Popen(
            [str(server_binary()), "--host", "127.0.0.1", "--port", "0",
             "--data-dir", str(data_dir), *extra_args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self.extra_stdout: list[bytes] = []
        lines: "queue.Queue[bytes]" = queue.Queue()
        assert self.process.stdout is not None
        stdout = self.process.stdout

        def pump() -> None:
            for line in iter(stdout.readline, b""):
                lines.put(line)
            lines.put(b"")

        threading.Thread(target=pump, daemon=True, name="server-stdout").start()
        try:
            first = lines.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty:
            self.process.kill()
            pytest.fail(f"the server printed nothing within {STARTUP_TIMEOUT} s: {self.stderr()}")
        text = first.decode().strip()
        if not text.startswith("listening on "):
            self.process.kill()
            pytest.fail(f"unexpected first line {text!r}; stderr: {self.stderr()}")
        host, _, port = text[len("listening on "):].rpartition(":")
        self.host = host.strip("[]")
        self.port = int(port)
        self._lines = lines

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")[-4000:]

    def signal(self, sig: int = signal.SIGTERM) -> None:
        self.process.send_signal(sig)

    def wait(self, timeout: float = 30.0) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def stop(self) -> int:
        """SIGTERM, then the exit status."""
        if self.process.poll() is None:
            self.signal(signal.SIGTERM)
        code = self.wait()
        self._stderr.close()
        if self.process.stdout is not None:
            self.process.stdout.close()
        while not self._lines.empty():
            line = self._lines.get_nowait()
            if line:
                self.extra_stdout.append(line)
        return code


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server shared by the tests that do not stop it."""
    process = ServerProcess(tmp_path_factory.mktemp("server-data"))
    yield process
    code = process.stop()
    assert code == 0, f"the server exited with {code}: {process.stderr()}"
    assert not process.extra_stdout, f"more than one line on stdout: {process.extra_stdout}"


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    """Starts a dedicated server (for tests that shut it down); stops any left running."""
    started: list[ServerProcess] = []

    def start(*extra_args: str) -> ServerProcess:
        data_dir = tmp_path / f"data{len(started)}"
        data_dir.mkdir()
        process = ServerProcess(data_dir, tuple(extra_args))
        started.append(process)
        return process

    yield start
    for process in started:
        if process.process.poll() is None:
            process.stop()


@pytest.fixture
def client(server: ServerProcess) -> Iterator[thidua_client.Client]:
    with thidua_client.connect(server.address, client_name="pytest") as connection:
        yield connection


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Polls ``predicate`` (for state that has no event to wait on); True once it holds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@contextlib.contextmanager
def raw_connection(server: ServerProcess,
                   timeout: float = 15.0) -> Iterator[tuple[socket.socket, FrameReader]]:
    """A plain TCP connection to ``server`` and a frame reader of what the server sends."""
    with socket.create_connection((server.host, server.port), timeout=timeout) as sock:
        with sock.makefile("rb") as stream:
            yield sock, FrameReader(stream, sender="server")
