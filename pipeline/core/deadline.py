"""The per-paper deadline: a block that runs past its seconds raises DocumentTimeout.

The extract stage runs each paper under it, so a runaway paper costs that paper's claims only. It
works on the main thread (SIGALRM) and off it (a Dask worker's task thread, by a watchdog thread),
and compiled extraction code lets it through at `extract.fast.interrupts.checkpoint`.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time
from contextlib import contextmanager


class DocumentTimeout(Exception):
    """One paper's extraction ran past the time limit."""


@contextmanager
def deadline(seconds: float | None):
    """Raise DocumentTimeout in the block once `seconds` have passed.

    On the main thread: SIGALRM (no thread is started; regex matching and Python loops are both
    interrupted). Off the main thread (a Dask worker runs its tasks in a thread, where no signal
    arrives) a watchdog thread raises the exception in the working thread (PyThreadState_SetAsyncExc),
    which interrupts Python code at its next bytecode, as a signal handler would. Either way a block
    that ends late is judged by its duration too.
    """
    if not seconds:
        yield
        return
    started = time.monotonic()
    on_main = threading.current_thread() is threading.main_thread()
    if not on_main or not hasattr(signal, "setitimer"):
        watchdog = _Watchdog.of_this_thread()
        watchdog.arm(seconds)
        try:
            yield
        finally:
            watchdog.disarm()
        if time.monotonic() - started > seconds:
            raise DocumentTimeout(seconds)
        return
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            armed[0] = False
            raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # a caller's own timer goes on with what was left of it
            left = outer[0] - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer[1])
    if time.monotonic() - started > seconds:
        raise DocumentTimeout(seconds)


class _Watchdog:
    """One daemon thread per working thread that raises DocumentTimeout in it at a deadline.

    arm/disarm cost a lock each (no thread is started per paper); the watchdog sleeps until the
    deadline it knows of and, woken, looks again, so a deadline moved on by the next paper costs
    nothing. The exception is raised at most once per arm, and disarm withdraws one that was raised
    but not yet delivered, under the same lock, so it never reaches code after the block.
    """

    _local = threading.local()

    def __init__(self):
        self._target = threading.get_ident()
        self._lock = threading.Condition()
        self._deadline: float | None = None
        self._seconds = 0.0
        self._fired = False
        threading.Thread(target=self._run, name=f"claimscope-deadline-{self._target}", daemon=True).start()

    @classmethod
    def of_this_thread(cls) -> _Watchdog:
        watchdog = getattr(cls._local, "watchdog", None)
        if watchdog is None:
            watchdog = cls._local.watchdog = cls()
        return watchdog

    def arm(self, seconds: float) -> None:
        with self._lock:
            idle = self._deadline is None
            self._deadline, self._seconds, self._fired = time.monotonic() + seconds, seconds, False
            if idle:
                self._lock.notify()

    def disarm(self) -> None:
        with self._lock:
            self._deadline = None
            if self._fired:  # raised; if not yet delivered, withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), None)
                self._fired = False

    def _run(self) -> None:
        with self._lock:
            while True:
                if self._deadline is None:
                    self._lock.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._lock.wait(left)
                    continue
                self._deadline, self._fired = None, True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target),
                                                           ctypes.py_object(DocumentTimeout))
