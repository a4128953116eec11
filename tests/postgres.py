"""A throwaway PostgreSQL 15 cluster for the test run, started and stopped by the tests."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayCluster:
    """initdb + pg_ctl in a temp dir; as root the server runs as the `postgres` user."""

    def __init__(self):
        if not (PG_BIN / "initdb").exists():
            raise RuntimeError("PostgreSQL 15 is missing: run `make test`, which installs it.")
        self.root = Path(tempfile.mkdtemp(prefix="intranet-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> str:
        """Create and start the cluster; return a SQLAlchemy URL to its `postgres` database."""
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                  str(self.root / "server.log"), "start")
        return self.url("postgres")

    def url(self, database: str) -> str:
        """SQLAlchemy URL of one database of the cluster."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create a database (a copy of `template` when given) and return its URL."""
        copy = f' TEMPLATE "{template}"' if template else ""
        self._admin(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing what still uses it."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server and remove its files."""
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            time.sleep(0.2)
            shutil.rmtree(self.root, ignore_errors=True)
