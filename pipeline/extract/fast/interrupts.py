"""A point where compiled code lets CPython deliver signals and asynchronous exceptions.

The per-paper time limit (core.deadline) raises its exception from a SIGALRM handler, or off the
main thread through PyThreadState_SetAsyncExc; CPython delivers both only between bytecodes, and a
mypyc-compiled loop runs none. A call to this interpreted function is such a point, so the
compiled extraction calls it once per sentence and per number. This module must stay interpreted:
it is not in pyproject's list of compiled modules, and a test checks that a runaway paper still stops.
"""


def checkpoint() -> None:
    """Nothing: entering an interpreted function is what runs the pending handlers."""
