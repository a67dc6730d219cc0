"""Test hooks: a build that halts at named points of its writing until the process that started it says go.

Crash and concurrency tests must know where a build is when they kill it or run a reader beside it;
a sleep only makes that likely. A test starts `forumgraph build` with two pipes of its own and
`FORUMGRAPH_SYNC="READ_FD,WRITE_FD"` in the environment; at each point the build writes one line
naming the point to WRITE_FD and waits for one line on READ_FD. Unset (always, outside tests), a
point costs one dictionary look-up.
"""

from __future__ import annotations

import os

__all__ = ["ENV", "reached"]

ENV = "FORUMGRAPH_SYNC"

_pipes: tuple[object, object] | None = None


def reached(point: str) -> None:
    """Announce `point` and wait to be released, when a test asked for it; else nothing."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    global _pipes
    if _pipes is None:
        read_fd, write_fd = (int(fd) for fd in spec.split(","))
        _pipes = (os.fdopen(read_fd, "r", encoding="ascii"), os.fdopen(write_fd, "w", encoding="ascii"))
    release, announce = _pipes
    try:
        announce.write(point + "\n")
        announce.flush()
        gone = release.readline() == ""
    except BrokenPipeError:
        gone = True
    if gone:  # the test stopped listening: go on as if never asked
        os.environ.pop(ENV, None)
