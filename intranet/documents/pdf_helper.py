"""The PDF helper process: `python -m intranet.documents.pdf_helper MODULE:WARM_UP` (see pdf_pool).

It runs the warm-up, answers "ready", then runs one job at a time: it reads (module, function,
args) as a pickle on stdin and writes (ok, result or exception) on its own copy of stdout. It ends
when stdin closes, which is also what happens when the process that started it dies.
"""
from __future__ import annotations

import gc
import importlib
import os
import pickle
import signal
import sys


def _function(name: str):
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def main() -> None:
    """Serve jobs until the parent closes stdin."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal: the parent decides
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the replies
    jobs = sys.stdin.buffer

    def reply(ok: bool, value) -> None:
        try:
            pickle.dump((ok, value), replies)
        except Exception as exc:  # an unpicklable result or exception
            pickle.dump((False, RuntimeError(f"PDF helper: {value!r} ({exc})")), replies)
        replies.flush()

    try:
        _function(sys.argv[1])()
    except Exception as exc:
        reply(False, exc)
        return
    # What the warm-up loaded (WeasyPrint, fonts, stylesheets) lives as long as the process: keep
    # it out of every later collection, which then walks one job's garbage only (~10 ms, not ~150).
    gc.collect()
    gc.freeze()
    reply(True, "ready")
    while True:
        try:
            name, args = pickle.load(jobs)
        except EOFError:
            return
        try:
            reply(True, _function(name)(*args))
        except Exception as exc:
            reply(False, exc)
        gc.collect()  # between jobs, while nobody waits


if __name__ == "__main__":
    main()
