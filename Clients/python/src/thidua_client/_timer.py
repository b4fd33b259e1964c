"""One background thread that fires callbacks at deadlines (the client's local call timers)."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from typing import Callable

_log = logging.getLogger("thidua_client")


class DeadlineTimer:
    """Runs callbacks at ``time.monotonic()`` deadlines on a single daemon thread.

    The thread starts with the first :meth:`schedule` and ends with :meth:`stop`. Callbacks run on
    the timer thread, one at a time, and must not block for long.
    """

    def __init__(self, name: str = "thidua-deadlines") -> None:
        self._name = name
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def schedule(self, deadline: float, callback: Callable[[], None]) -> None:
        """Runs ``callback()`` once ``time.monotonic()`` reaches ``deadline`` (unless stopped)."""
        with self._cond:
            if self._stopped:
                return
            heapq.heappush(self._heap, (deadline, next(self._seq), callback))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify()

    def stop(self) -> None:
        """Drops every pending callback and ends the thread."""
        with self._cond:
            self._stopped = True
            self._heap.clear()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped:
                    if not self._heap:
                        self._cond.wait()
                        continue
                    delay = self._heap[0][0] - time.monotonic()
                    if delay <= 0:
                        break
                    self._cond.wait(delay)
                if self._stopped:
                    return
                _, _, callback = heapq.heappop(self._heap)
            try:
                callback()
            except Exception:  # pragma: no cover - a bug in a callback must not stop the timers
                _log.exception("a deadline callback failed")
