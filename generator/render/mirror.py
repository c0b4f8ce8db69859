"""A chart for a language written right to left: the same figure, mirrored.

Time (or the order of entries) runs from right to left, lane names and their swatches sit at the
right edge, the undated band at the left, and a marker's number on its left. The figure stays one
figure: the picture (picture.py) and Plotly both draw it as it is, so they agree as they do left to
right. Only positions change; every word, colour and point is the same.

The axes' ranges are written high to low (Plotly draws a reversed axis); the site script keeps its
views low to high and writes them to Plotly in the figure's direction.
"""

from __future__ import annotations

import copy
from typing import Any

_SWAP = {"left": "right", "right": "left"}


def _side(position: str) -> str:
    """A text position (``middle right``) on the other side."""
    return " ".join(_SWAP.get(word, word) for word in position.split())


def _axis(axis: dict[str, Any]) -> None:
    if "range" in axis:
        axis["range"] = list(reversed(axis["range"]))
    else:
        axis["autorange"] = "reversed"
    low, high = axis.get("domain", [0.0, 1.0])
    axis["domain"] = [round(1 - high, 6), round(1 - low, 6)]


def _shape(shape: dict[str, Any]) -> None:
    if shape.get("xref") != "paper":
        return  # in data units: the reversed axis moves it
    if shape.get("xsizemode") == "pixel":  # x0, x1 are pixels from the anchor
        shape["xanchor"] = round(1 - float(shape.get("xanchor", 0)), 6)
        shape["x0"], shape["x1"] = -shape["x1"], -shape["x0"]
        return
    shape["x0"], shape["x1"] = round(1 - shape["x1"], 6), round(1 - shape["x0"], 6)


def _annotation(note: dict[str, Any]) -> None:
    if note.get("xref") == "paper":
        note["x"] = round(1 - float(note["x"]), 6)
    if "xanchor" in note:
        note["xanchor"] = _SWAP.get(note["xanchor"], note["xanchor"])
    if note.get("xshift"):
        note["xshift"] = -note["xshift"]


def mirrored(figure: dict[str, Any]) -> dict[str, Any]:
    """``figure`` (plain data, see charts.plain) drawn from right to left."""
    drawn = copy.deepcopy(figure)
    layout = drawn["layout"]
    for key in ("xaxis", "xaxis2"):
        if key in layout:
            _axis(layout[key])
    for shape in layout.get("shapes", []):
        _shape(shape)
    for note in layout.get("annotations", []):
        _annotation(note)
    for trace in drawn["data"]:
        position = trace.get("textposition")
        if isinstance(position, str):
            trace["textposition"] = _side(position)
        elif isinstance(position, list):
            trace["textposition"] = [_side(p) for p in position]
    layout.setdefault("meta", {})["direction"] = "rtl"
    return drawn
