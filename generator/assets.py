"""Files the generated pages need that do not come from the content: the explainer's theme
additions (templates, styles, the chart script) and plotly.js."""

from __future__ import annotations

from pathlib import Path

import plotly

THEME_DIR = Path(__file__).parent / "theme"
"""Templates and assets added on top of Material for MkDocs (after the site's own custom_dir)."""

EXTRA_CSS = "assets/stylesheets/explainer.css"
EXTRA_JAVASCRIPT = "assets/javascripts/explainer.js"

PLOTLY_JS = "assets/javascripts/vendor/plotly.min.js"
"""Site-relative path where plotly.js is served (the site script loads it from there)."""


def plotly_js_file() -> Path:
    """The full plotly.js bundle shipped inside the ``plotly`` Python package."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():  # pragma: no cover - a broken plotly install
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package at {path}")
    return path
