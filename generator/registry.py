"""The record kinds, said once: each kind's file, model, page, anchor and reader-facing name.

Models, linking, views, scaffolding, the editors' guide and the command line all read this table;
nothing else spells out the list of kinds or the ``kind-id`` anchor format.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import models
from .messages import Plural


@dataclass(frozen=True)
class Kind:
    """One kind of record editors write, in a file of its own."""

    key: str
    """Stem of the record file (``content/<key>.yml``) and name of the table on the explainer."""
    name: str
    """Singular name: what editors type (``explainer new event``) and the prefix of anchors."""
    model: type[models.Record]
    """The model of each record in the file."""
    listing: str
    """Stem of the page that shows every record of the kind (``timeline``, ``sources``...)."""
    paged: bool
    """Whether the listing is split into pages of ``paging.PAGE_SIZE`` records."""
    own_page: bool
    """Whether each record also has a page of its own (``actors/<id>.md``)."""
    label: Plural
    """What readers call one and several of them (translated where shown)."""
    name_field: str
    """The field that names a record of this kind in lists and links."""
    translatable: tuple[str, ...] = ()
    """The fields a translation gives (``content/<language>/<key>.yml``): words only. Ids, dates,
    references and sources are written once, in the original, for every language."""

    @property
    def file(self) -> str:
        return f"{self.key}.yml"

    def anchor(self, record_id: str) -> str:
        """The id of a record's element on its listing page."""
        return f"{self.name}-{record_id}"

    def record_page(self, record_id: str) -> str:
        """The page of its own a record has (only for kinds with ``own_page``)."""
        return f"{self.listing}/{record_id}.md"


KINDS: tuple[Kind, ...] = (
    Kind(
        "sources",
        "source",
        models.Source,
        "sources",
        True,
        False,
        Plural("Source", "Sources"),
        "title",
        ("access_note",),
    ),
    Kind(
        "actors",
        "actor",
        models.Actor,
        "actors",
        False,
        True,
        Plural("Actor", "Actors"),
        "name",
        ("name", "role", "description"),
    ),
    Kind(
        "events",
        "event",
        models.Event,
        "timeline",
        True,
        False,
        Plural("Event", "Events"),
        "title",
        ("title", "summary", "location", "note"),
    ),
    Kind(
        "statements",
        "statement",
        models.Statement,
        "statements",
        True,
        False,
        Plural("Statement", "Statements"),
        "title",
        ("title", "text", "medium", "context", "note"),
    ),
    Kind(
        "questions",
        "question",
        models.Question,
        "questions",
        False,
        False,
        Plural("Question", "Questions"),
        "question",
        ("question", "why_it_matters", "what_would_answer", "answer"),
    ),
    Kind(
        "updates",
        "update",
        models.Update,
        "changes",
        False,
        False,
        Plural("Update or correction", "Updates and corrections"),
        "title",
        ("title", "text", "was"),
    ),
)
"""Every kind, in the order record files are read and reported."""

BY_KEY = {kind.key: kind for kind in KINDS}
BY_NAME = {kind.name: kind for kind in KINDS}
MOMENTS = ("events", "statements")
"""The kinds placed on the timeline."""
