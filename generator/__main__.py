"""``python -m generator``: the ``explainer`` command, without the script on the path."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
