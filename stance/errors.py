"""Exceptions that carry the place of a problem, so the CLI can print one clear line.

Every error a user can cause with their input (a file, a profile, a model, an annotation
file) is an :class:`InputError`: it names the source and, where known, the line and column.
The CLI turns it into ``path:line: message`` on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations


class StanceError(Exception):
    """Base class of all errors raised on purpose by the ``stance`` library."""


class InputError(StanceError):
    """Bad input: a file, record, profile or model that cannot be used as given.

    Parameters
    ----------
    source
        The file (or other source) at fault, as the user named it.
    message
        What is wrong, in one line, and if possible what would be right.
    line, column
        1-based position inside ``source`` when known.
    """

    def __init__(self, source: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.source = str(source)
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class WorkerDied(StanceError):
    """A ``--jobs`` worker process ended in the middle of a run (killed, e.g. out of memory).

    Its chunk of articles is lost, so the run stops instead of waiting for it forever.
    """
