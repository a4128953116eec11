"""Gunicorn under test: start it on a free port, log in over HTTP, read its workers' memory."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
INSTANCE = OUT / "instance"
SECRET = "bench-secret-key-not-for-production"
LOAD = Path(__file__).resolve().parent / "load.py"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HTMX_CSRF = re.compile(r'"X-CSRFToken": "([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """`gunicorn -w N 'wsgi:app'` on the bench database, started and stopped by the bench."""

    def __init__(self, database_url: str, instance: Path, secret: str, log: Path, workers: int = 2,
                 app: str = "wsgi:app", pythonpath: Path | None = None):
        self.port, self.workers, self.log, self.app = free_port(), workers, log, app
        self.options = ["--pythonpath", str(pythonpath)] if pythonpath else []
        self.env = dict(os.environ, DATABASE_URL=database_url, INTRANET_INSTANCE=str(instance),
                        INTRANET_CONFIG="development", SECRET_KEY=secret)
        self.proc = None

    def start(self, timeout: float = 60) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [str(gunicorn), "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}", *self.options, self.app],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log}")
            try:
                self.get("/static/css/app.css")
                if len(self.worker_pids()) == self.workers:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer in time")

    def get(self, path: str, cookie: str = "") -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def login(self, username: str, password: str = "demo123") -> str:
        """Log in through the login form over HTTP; return the session cookie."""
        status, headers, html = self.get("/dang-nhap")
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        body = urllib.parse.urlencode({"username": username, "password": password,
                                       "csrf_token": CSRF.search(html).group(1)})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("POST", "/dang-nhap", body=body, headers={
                "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            response = conn.getresponse()
            response.read()
            if response.status != 302:
                raise RuntimeError(f"login as {username} over HTTP failed: {response.status}")
            return response.getheader("Set-Cookie").split(";", 1)[0]
        finally:
            conn.close()

    def htmx_token(self, cookie: str) -> str:
        """The CSRF token the pages give htmx (hx-headers) in this session."""
        return HTMX_CSRF.search(self.get("/", cookie)[2]).group(1)

    def load(self, paths: list[str], cookie: str, seconds: float, clients: int,
             cycle: dict | None = None) -> dict:
        """Run the load generator in a second process against this server (GETs, or a POST cycle)."""
        extra = list(paths)
        if cycle is not None:
            cycle_file = self.log.with_name("load-cycle.json")
            cycle_file.write_text(json.dumps(cycle), encoding="utf-8")
            extra = ["--cycle", str(cycle_file)]
        done = subprocess.run(
            [sys.executable, str(LOAD), "--port", str(self.port), "--cookie", cookie,
             "--seconds", str(seconds), "--clients", str(clients), *extra],
            capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    def worker_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    pids.append(int(entry.name))
        return sorted(pids)

    def memory(self) -> dict[int, dict[str, int]]:
        """VmHWM (peak) and VmRSS in kB of each worker."""
        result = {}
        for pid in self.worker_pids():
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                          if ":" in line)
            result[pid] = {k: int(fields[k].split()[0]) for k in ("VmHWM", "VmRSS")}
        return result

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
