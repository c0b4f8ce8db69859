"""The exceptions of the generator.

Content errors are the editors' mistakes: they carry a file position and are shown as
``path:line:col: message`` lines, never as a traceback. Anything else that goes wrong is a bug in
the generator and keeps its traceback.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content, at a position in one file."""

    path: Path
    """The file the mistake is in."""
    line: int
    """1-based line of the mistake (0 when the whole file is at fault)."""
    column: int
    """1-based column of the mistake (0 when the whole file is at fault)."""
    message: str
    """What is wrong and, where possible, how to mend it."""

    def format(self, root: Path | None = None) -> str:
        """``path:line:col: message``, with the path shown relative to ``root`` when it lies inside it."""
        shown = self.path
        if root is not None:
            with suppress(ValueError):  # outside root: keep the path as given
                shown = self.path.relative_to(root)
        return f"{shown.as_posix()}:{self.line}:{self.column}: {self.message}"


class GeneratorError(Exception):
    """Base class of the errors the generator raises on purpose."""


class ContentError(GeneratorError):
    """The content has mistakes; ``problems`` lists every one found, sorted by file and position."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def format(self, root: Path | None = None) -> str:
        return "\n".join(problem.format(root) for problem in self.problems)


class UsageError(GeneratorError):
    """The generator was called wrongly (a missing folder, a bad option)."""
