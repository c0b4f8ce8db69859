"""A stop the system asks for ends a command the way Ctrl-C does.

SIGTERM (a service manager stopping a preview, ``kill``) and SIGHUP (the terminal closing) would
end the process where it stands, leaving what it was making: a build's staging folder beside the
site, a preview's temporary site. Raised as :class:`KeyboardInterrupt` instead, every ``with`` and
``finally`` on the way out runs. A signal already ignored (``nohup``) stays ignored.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(KeyboardInterrupt):
    """The system asked the command to stop (``number``: which signal)."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number


def _stop(number: int, frame: FrameType | None) -> None:
    raise Stopped(number)


@contextlib.contextmanager
def as_interrupts() -> Iterator[None]:
    """While inside, ``STOPS`` left to their default raise :class:`Stopped` (in the main thread
    only, where Python delivers signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in STOPS}
    for number, handler in previous.items():
        if handler == signal.SIG_DFL:
            signal.signal(number, _stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler is not None:
                signal.signal(number, handler)


def exit_status(interrupt: KeyboardInterrupt) -> tuple[str, int]:
    """The signal's name and the shell's exit status (128 + its number) for a stopped command."""
    number = interrupt.number if isinstance(interrupt, Stopped) else int(signal.SIGINT)
    return signal.Signals(number).name, 128 + number
