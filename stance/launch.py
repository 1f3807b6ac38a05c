"""The ``stance`` command's entry point.

It imports the command line inside a ``try``: loading the libraries takes about a second, and a
Ctrl-C in that second would otherwise print a traceback instead of ending like a Ctrl-C during a
run (exit code 130, one line on stderr).
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from stance.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    cli_main()
