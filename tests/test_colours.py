"""Each side's colour: eight colours that readers tell apart, whatever their colour vision, and that
stand out from the page (3:1) in the light and the dark palette."""

from __future__ import annotations

import itertools
import re

import pytest

from generator.assets import THEME_DIR
from generator.render import charts
from tests import colours

STYLESHEET = (THEME_DIR / "assets" / "stylesheets" / "explainer.css").read_text(encoding="utf-8")
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}
"""Material's page background in each palette (the dark one is hsl(225, 15%, 14%))."""


def palette(scheme: str) -> list[str]:
    """The sides' colours the stylesheet gives a palette (the picture and the chart both read them)."""
    selector = r'\[data-md-color-scheme="slate"\]' if scheme == "dark" else r":root"
    blocks = re.findall(selector + r" \{([^}]*--explainer-side-0[^}]*)\}", STYLESHEET)
    return re.findall(r"--explainer-side-\d: (#[0-9a-f]{6});", blocks[0])


@pytest.mark.parametrize("scheme", sorted(BACKGROUNDS))
def test_eight_colours_stand_out_from_the_page(scheme: str) -> None:
    found = palette(scheme)
    assert len(found) == charts.COLOURS == 8
    page = colours.parse(BACKGROUNDS[scheme])
    ratios = {c: round(colours.contrast(colours.parse(c), page), 2) for c in found}
    assert all(ratio >= 3 for ratio in ratios.values()), ratios


@pytest.mark.parametrize("scheme", sorted(BACKGROUNDS))
@pytest.mark.parametrize("vision", colours.VISIONS)
def test_every_pair_of_colours_is_told_apart(scheme: str, vision: str) -> None:
    seen = [colours.seen_by(colours.parse(c), vision) for c in palette(scheme)]
    closest = min(
        (round(colours.delta_e(a, b), 1), palette(scheme)[i], palette(scheme)[j])
        for (i, a), (j, b) in itertools.combinations(enumerate(seen), 2)
    )
    assert closest[0] >= 10, closest


def test_no_two_sides_of_sixty_four_share_a_look() -> None:
    cues = [charts.cue(side) for side in range(64)]
    assert len(set(cues)) == 64
    assert all(pattern == "" for _, pattern in cues[:8]), "the first eight sides need no second cue"
