"""Real processes on loopback for the server tests and bench/load.py: `chorus serve`, redis-server."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Tests and benchmarks run extractively: no model is loaded, and none fetched from a network.
EXTRACTIVE_ENV = {"CHORUS_MODEL": "none", "HF_HUB_OFFLINE": "1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (uvicorn workers), from /proc."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{candidate}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return []
    return [int(child) for child in found]


class _Process:
    """A child process with its output in a temp file; stopped with SIGTERM, then SIGKILL."""

    name = "process"

    def __init__(self, command: list[str], env: dict[str, str] | None = None):
        # Read and removed in stop(); `output` keeps what it held.
        self._log = tempfile.NamedTemporaryFile(prefix=f"chorus-{self.name}-", suffix=".log")  # noqa: SIM115
        self._final_output: str | None = None
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    @property
    def output(self) -> str:
        """Everything it printed so far (after it stopped: everything)."""
        if self._final_output is not None:
            return self._final_output
        return Path(self._log.name).read_text(errors="replace")

    def _wait_until(self, ready: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.output[-3000:]}")
            if ready():
                return
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"{self.name} not ready in {timeout} s:\n{self.output[-3000:]}")

    def stop(self) -> None:
        if self._final_output is not None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._final_output = self.output
        self._log.close()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class ChorusServer(_Process):
    """`chorus serve` on a free loopback port, waited on until /ready answers 200."""

    name = "server"

    def __init__(self, env: dict[str, str] | None = None, workers: int = 1, ready_timeout: float = 90):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        chorus = [sys.executable, "-m", "service.cli", "serve"]
        args = ["--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)]
        # Each server its own story-jobs database unless the test shares one on purpose.
        self._jobs_dir = tempfile.TemporaryDirectory()
        jobs = {"CHORUS_STORIES_DB": os.path.join(self._jobs_dir.name, "jobs.sqlite3")}
        super().__init__(chorus + args, {**EXTRACTIVE_ENV, **jobs, **(env or {})})
        self._wait_until(self._is_ready, ready_timeout)

    def _is_ready(self) -> bool:
        try:
            return httpx.get(f"{self.url}/ready", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def __enter__(self) -> ChorusServer:
        return self


class RedisServer(_Process):
    """Debian's redis-server on a free loopback port, in memory only."""

    name = "redis"

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        args = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        super().__init__([binary, *args])
        self._wait_until(self._is_ready, 10)

    def _is_ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def __enter__(self) -> RedisServer:
        return self
