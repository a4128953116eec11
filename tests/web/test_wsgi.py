"""The production entry point: gunicorn imports wsgi.py in each worker."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, json
import wsgi
frozen = gc.get_freeze_count()
answer = wsgi.app.test_client().get("/healthz")
print(json.dumps({"frozen": frozen, "status": answer.status_code}))
"""


def test_the_worker_freezes_what_the_app_loaded_at_start(tmp_path):
    env = {**os.environ, "INTRANET_INSTANCE": str(tmp_path), "INTRANET_CONFIG": "development",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'wsgi.sqlite3'}", "INTRANET_PDF_HELPER": "0"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Modules, mappers and routes: far more than the few thousand objects of a bare interpreter.
    assert result["frozen"] > 50_000
    assert result["status"] == 200
