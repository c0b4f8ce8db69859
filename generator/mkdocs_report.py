"""How the MkDocs plugin tells ``explainer build`` what happened inside MkDocs.

``explainer build`` runs MkDocs in a child process and sets ``EXPLAINER_REPORT`` to a file name;
the plugin writes there the content problems it found (so the command prints them cleanly, once)
or, on success, the number of records and pages and the time of each stage.
"""

from __future__ import annotations

import json
import os
from typing import Any

REPORT_ENV = "EXPLAINER_REPORT"


def write_report(**values: Any) -> None:
    path = os.environ.get(REPORT_ENV)
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(values, handle)
