"""What several views and figures need from the linked explainer, computed once per build.

Linking (:mod:`generator.link`) answers questions about records; this module answers questions about
the story as the site shows it: which sides have a lane on the timeline, whether any entry has a
calendar date, who is in which entries (the Who's who chart and its list). Views, figures and
outputs read a :class:`Derived`; none of them recomputes it.
"""

from __future__ import annotations

import functools

from . import dates
from .link import Explainer, TimelineEntry

MAX_ROWS = 40
"""The Who's who chart and its list show the most involved actors; every actor's own page lists all of theirs."""

Involvements = dict[str, list[tuple[TimelineEntry, str]]]
"""Actor id -> (entry, ``said`` or ``took part``) for each timeline entry they are in."""


class Derived:
    """Facts about the story as the site shows it, each computed on first use and kept."""

    def __init__(self, explainer: Explainer) -> None:
        self.explainer = explainer

    @functools.cached_property
    def undated(self) -> int:
        """How many timeline entries have no calendar date."""
        return sum(1 for entry in self.explainer.timeline if dates.bounds(entry.record.when) is None)

    @property
    def dated(self) -> bool:
        """Whether any entry has a calendar date (the timeline then has a date axis)."""
        return self.undated < len(self.explainer.timeline)

    @functools.cached_property
    def lanes(self) -> list[str]:
        """The sides that have a lane on the timeline (those with at least one entry), in order."""
        used = {entry.lane for entry in self.explainer.timeline}
        return [side for side in self.explainer.sides if side in used]

    @functools.cached_property
    def involvements(self) -> Involvements:
        """Actor id -> the entries they speak in (``said``) or take part in (``took part``), in
        timeline order: at most :data:`MAX_ROWS` actors, the most involved, grouped by side in the
        order the sides and actors are listed."""
        explainer = self.explainer
        found: Involvements = {}
        for entry in explainer.timeline:
            record = entry.record
            if entry.kind == "statements":
                found.setdefault(record.speaker, []).append((entry, "said"))  # type: ignore[union-attr]
            else:
                for actor_id in record.actors:  # type: ignore[union-attr]
                    found.setdefault(actor_id, []).append((entry, "took part"))
        if len(found) > MAX_ROWS:
            keep = set(sorted(found, key=lambda a: (-len(found[a]), explainer.position[a]))[:MAX_ROWS])
            found = {a: entries for a, entries in found.items() if a in keep}
        side_order = {side: i for i, side in enumerate(explainer.sides)}
        ordered = sorted(found, key=lambda a: (side_order[explainer.side_of[a]], explainer.position[a]))
        return {actor_id: found[actor_id] for actor_id in ordered}

    @functools.cached_property
    def involved(self) -> int:
        """How many actors speak in or take part in at least one entry."""
        explainer = self.explainer
        speakers = {s.speaker for s in explainer.statements.values()}
        return len(speakers | {a for e in explainer.events.values() for a in e.actors})
