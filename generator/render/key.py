"""A chart's key, under it: one button per lane (its side's colour, pattern and name), read from the figure."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

PATTERN_CLASSES = {"/": "slash", "\\": "backslash", "x": "cross", ".": "dots", "-": "dash", "|": "bar", "+": "plus"}
"""A pattern (see lanes.PATTERNS) as the class of a swatch in the key (see explainer.css)."""


def key_lanes(figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's key, one item per lane: its side's colour, pattern (as a class name) and name
    (already escaped in the figure). The page template writes each as a button that shows or hides
    the lane."""
    return [
        {"lane": int(lane["lane"]), "colour": int(lane["colour"]) % 8,
         "pattern": PATTERN_CLASSES.get(lane.get("pattern", ""), ""), "name": Markup(lane["name"])}
        for lane in (figure["layout"].get("meta") or {}).get("lanes") or []
    ]  # fmt: skip


def scale_changes(figure: dict[str, Any]) -> str:
    """``"yes"`` when a chart's time scale changes along its axis (a cut or a change of scale)."""
    return "yes" if any(s.get("name") in ("cut", "scale") for s in figure["layout"].get("shapes", [])) else ""
