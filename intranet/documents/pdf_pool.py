"""A warm helper process that renders one part of a PDF while the calling process renders another.

Started after the first split document a process prints (a gunicorn worker, a test), so a one-off
CLI run never waits for it, and reused. It is
a plain `python -m intranet.documents.pdf_helper` talking pickles over pipes: not a fork (other
threads may hold locks), and not multiprocessing's spawn, which re-runs the caller's main script.
Until the helper is warm, while another thread is using it, and when it cannot start, the caller
prints the whole document itself; a helper that dies mid-render only means its part is rendered
here. It ends with the process that started it (its stdin closes).
"""
from __future__ import annotations

import atexit
import logging
import os
import pickle
import select
import subprocess
import sys
import threading
from typing import Callable

log = logging.getLogger(__name__)

HELPER_ENV = "INTRANET_PDF_HELPER"  # "0" turns the helper off, "1" on; default: on with two CPUs or more
MAX_FAILURES = 3  # then this process prints without a helper for good

_guard = threading.Lock()
_helper: _Helper | None = None
_failures = 0


class HelperFailed(RuntimeError):
    """The helper process died or answered nonsense."""


class _Helper:
    """One helper process and the pipes to it; one job at a time."""

    def __init__(self, warm_up: Callable):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "intranet.documents.pdf_helper", _name(warm_up)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.owner = os.getpid()
        self.warm = False
        self.busy = threading.Lock()

    def is_warm(self) -> bool:
        """Whether the warm-up has answered; never blocks."""
        if self.warm or not self.busy.acquire(blocking=False):
            return self.warm
        try:
            if select.select([self.process.stdout], [], [], 0)[0]:
                self.receive()
                self.warm = True
        finally:
            self.busy.release()
        return self.warm

    def send(self, function: Callable, args: tuple) -> None:
        try:
            pickle.dump((_name(function), args), self.process.stdin)
            self.process.stdin.flush()
        except OSError as exc:
            raise HelperFailed(exc) from exc

    def receive(self):
        try:
            ok, value = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise HelperFailed(f"no answer (exit status {self.process.poll()})") from exc
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """End the helper: at once while it warms up (a one-off CLI run), else after its job."""
        try:
            if not self.warm:
                self.process.kill()
            self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def helper_wanted() -> bool:
    """INTRANET_PDF_HELPER when set, else whether this process may use two CPUs or more."""
    configured = os.environ.get(HELPER_ENV, "").strip()
    if configured:
        return configured not in ("0", "false", "no", "off")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cpus >= 2


def start_helper(warm_up: Callable) -> None:
    """Start this process's helper if it has none, with `warm_up` (a module-level function) to run first."""
    ready_helper(warm_up, start=True)


def ready_helper(warm_up: Callable, *, start: bool = True) -> _Helper | None:
    """This process's helper when warm; None while it starts or when there is none (started if `start`)."""
    global _helper
    with _guard:
        if _helper is not None and _helper.owner != os.getpid():
            _helper = None  # inherited through fork: its pipes are the parent's
        if _helper is None:
            if not start:
                return None
            if _failures >= MAX_FAILURES or not helper_wanted():
                return None
            try:
                _helper = _Helper(warm_up)
            except OSError as exc:
                log.warning("No PDF helper process (%s); rendering in this process", exc)
                _give_up()
                return None
        helper = _helper
    try:
        return helper if helper.is_warm() else None
    except Exception as exc:  # the warm-up failed or the helper died while starting
        _drop(helper, exc)
        return None


def run_parts(render: Callable, jobs: list, helper: _Helper, *, while_waiting: Callable | None = None) -> list:
    """`render(*jobs[0])` here while the helper runs `render(*jobs[1])`; both results, in order.

    `render` must be a module-level function (the helper imports it by name). `jobs[0]` may be a
    callable that returns its arguments: it is called after the helper's job is sent, so the helper
    starts at once. `while_waiting(our result)` runs here when ours is done before the helper's. An
    exception raised by `render` reaches the caller as in-process; a helper that is busy or breaks
    means rendering here.
    """
    first, second = jobs

    def here() -> tuple:
        return first() if callable(first) else first

    if not helper.busy.acquire(blocking=False):
        return [render(*here()), render(*second)]
    try:
        try:
            helper.send(render, second)
        except HelperFailed as exc:
            _drop(helper, exc)
            return [render(*here()), render(*second)]
        try:
            mine = render(*here())
            if while_waiting is not None and not _has_answer(helper):
                while_waiting(mine)
        finally:
            theirs, error = _answer(helper)  # read it even when ours failed: keep the pipe in step
    finally:
        helper.busy.release()
    if isinstance(error, HelperFailed):
        _drop(helper, error)
        theirs = render(*second)
    elif error is not None:
        raise error
    return [mine, theirs]


def _has_answer(helper: _Helper) -> bool:
    """Whether the helper's answer is there to read; never blocks."""
    try:
        return bool(select.select([helper.process.stdout], [], [], 0)[0])
    except (OSError, ValueError):
        return True  # let receive() find out what went wrong


def _answer(helper: _Helper) -> tuple:
    """(result, None) or (None, the exception the helper raised or HelperFailed)."""
    try:
        return helper.receive(), None
    except Exception as exc:
        return None, exc


def shutdown() -> None:
    """Stop this process's helper and forget its failures; the next split render starts a new one."""
    global _helper, _failures
    with _guard:
        helper, _helper, _failures = _helper, None, 0
    if helper is not None and helper.owner == os.getpid():
        helper.stop()


def _drop(helper: _Helper, exc: BaseException) -> None:
    """Forget a broken helper; the next render starts a new one, up to MAX_FAILURES times."""
    global _helper
    log.warning("PDF helper process failed (%s); rendering in this process", exc)
    with _guard:
        if _helper is helper:
            _helper = None
            _give_up(count=1)
    helper.process.kill()
    helper.process.wait()


def _give_up(count: int = MAX_FAILURES) -> None:
    global _failures
    _failures += count


def _name(function: Callable) -> str:
    return f"{function.__module__}:{function.__qualname__}"


atexit.register(shutdown)
