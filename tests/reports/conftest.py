"""The demo app with evidence files and the demo PKI kept under the test's own temp dir."""
from __future__ import annotations

import pytest


@pytest.fixture
def app(app, tmp_path):
    """The shared demo app, with FILES_DIR and PKI_DIR inside tmp_path."""
    app.config.update(FILES_DIR=tmp_path / "files", PKI_DIR=tmp_path / "pki")
    return app
