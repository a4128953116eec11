"""Print with or without the PDF helper process, for tests that compare both ways."""
from __future__ import annotations

import contextlib
import time

import pytest

from intranet.documents import pdf, pdf_pool


@contextlib.contextmanager
def printing(helper: bool, timeout: float = 90):
    """Within the block, split documents print apart in a warm helper (helper=True) or in one piece here."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(pdf_pool.HELPER_ENV, "1" if helper else "0")
        pdf_pool.shutdown()
        if helper:
            deadline = time.monotonic() + timeout
            while not pdf.helper_ready():
                assert time.monotonic() < deadline, "the PDF helper process did not start"
                time.sleep(0.05)
        try:
            yield
        finally:
            pdf_pool.shutdown()
