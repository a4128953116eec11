"""A warm helper process that renders one part of a PDF while the calling process renders another.

Created lazily in each process that prints (a gunicorn worker, the CLI, a test), reused afterwards.
The helper is spawned, not forked: forking a process whose other threads may hold locks (Pango,
logging, a threaded server) is unsafe. Until the helper has warmed up, and when it cannot be
started, the caller prints the whole document itself; a helper that breaks mid-render only means
its part is rendered in the calling process.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

log = logging.getLogger(__name__)

HELPER_ENV = "INTRANET_PDF_HELPER"  # "0" turns the helper off, "1" on; default: on with two CPUs or more

_guard = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_pid: int | None = None
_warm: Future | None = None
_unavailable = False
_failures = 0
MAX_FAILURES = 3  # then this process prints without a helper for good


def helper_wanted() -> bool:
    """INTRANET_PDF_HELPER when set, else whether this process may use two CPUs or more."""
    configured = os.environ.get(HELPER_ENV, "").strip()
    if configured:
        return configured not in ("0", "false", "no", "off")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cpus >= 2


def ready_helper(warm_up: Callable) -> ProcessPoolExecutor | None:
    """This process's helper once it is warm; None while it starts or when there can be none.

    The first call starts it and runs `warm_up` (a module-level function) in it.
    """
    global _pool, _pool_pid, _warm, _unavailable
    with _guard:
        if _pool is not None and _pool_pid != os.getpid():
            _pool, _pool_pid, _warm = None, None, None  # inherited through fork: not ours to use
        if _pool is None:
            if _unavailable or not helper_wanted():
                return None
            try:
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_exit_with_parent)
                _pool_pid = os.getpid()
                _warm = _pool.submit(warm_up)
            except (OSError, RuntimeError, NotImplementedError, ImportError) as exc:
                log.warning("No PDF helper process (%s); rendering in this process", exc)
                _pool, _pool_pid, _warm, _unavailable = None, None, None, True
                return None
        pool, warm = _pool, _warm
    if not warm.done():
        return None  # never make a caller wait for a cold helper
    if warm.exception() is not None:
        _drop(pool, warm.exception())
        return None
    return pool


def run_parts(render: Callable, jobs: list[tuple], pool: ProcessPoolExecutor) -> list:
    """`render(*job)` for every job, the first here and the others in the helper meanwhile, in turn.

    `render` must be a module-level function (the helper imports it by name). An exception raised
    by `render` reaches the caller as in-process; a broken helper only means rendering here.
    """
    try:
        futures = [pool.submit(render, *job) for job in jobs[1:]]
    except (BrokenProcessPool, RuntimeError, OSError) as exc:
        _drop(pool, exc)
        return [render(*job) for job in jobs]
    results = [render(*jobs[0])]
    for future, job in zip(futures, jobs[1:]):
        try:
            results.append(future.result())
        except BrokenProcessPool as exc:
            _drop(pool, exc)
            results.append(render(*job))
    return results


def shutdown() -> None:
    """Stop this process's helper and forget its failures; the next split render starts a new one."""
    global _pool, _pool_pid, _warm, _failures, _unavailable
    with _guard:
        pool, _pool, _pool_pid, _warm = _pool, None, None, None
        _failures, _unavailable = 0, False
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _drop(pool: ProcessPoolExecutor, exc: BaseException) -> None:
    """Forget a broken helper; the next render starts a new one, up to MAX_FAILURES times."""
    global _pool, _pool_pid, _warm, _failures, _unavailable
    log.warning("PDF helper process failed (%s); rendering in this process", exc)
    with _guard:
        if _pool is pool:
            _pool, _pool_pid, _warm = None, None, None
            _failures += 1
            _unavailable = _failures >= MAX_FAILURES
    pool.shutdown(wait=False, cancel_futures=True)


def _exit_with_parent() -> None:
    """In the helper: end as soon as the process that started it ends, even killed (no orphans)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), daemon=True).start()


def _exit_when_ready(sentinel) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)
