"""Reader-facing words that Python code needs, marked for the message catalogs.

Nothing here is translated: ``N_`` and ``Plural`` only mark a message so that
``explainer catalogs`` extracts it; it is translated where it is shown, through
:class:`generator.i18n.Language`. Sentences belong in the page templates, not here.
"""

from __future__ import annotations

from typing import NamedTuple


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated later, where it is shown."""
    return message


class Plural(NamedTuple):
    """A message with a singular and a plural form (translated with ``ngettext``)."""

    singular: str
    plural: str


QUESTION_STATUS = {
    "open": N_("Open"),
    "partly_answered": N_("Partly answered"),
    "answered": N_("Answered"),
}
SOURCE_KIND = {
    "news_report": N_("News report"),
    "official_statement": N_("Official statement"),
    "social_media_post": N_("Social-media post"),
    "press_briefing": N_("Press briefing"),
    "document": N_("Document"),
    "interview": N_("Interview"),
    "other": N_("Other"),
}
ACTOR_KIND = {
    "person": N_("Person"),
    "organisation": N_("Organisation"),
    "government": N_("Government"),
    "country": N_("Country"),
    "group": N_("Group"),
}
STATEMENT_FORM = {
    "verbatim": N_("Verbatim"),
    "paraphrase": N_("Paraphrase"),
}
STATEMENT_FORM_IN_TEXT = {
    "verbatim": N_("verbatim"),
    "paraphrase": N_("paraphrase"),
}
"""The same forms, as they read inside a sentence or in brackets."""
INVOLVEMENT = {
    "said": N_("said"),
    "took part": N_("took part"),
}
"""How an actor is in a timeline entry: as the speaker of a statement or taking part in an event."""
NAV = {
    "home": N_("Home"),
    "timeline": N_("Timeline"),
    "statements": N_("Statements"),
    "actors": N_("Who's who"),
    "questions": N_("Open questions"),
    "sources": N_("Sources"),
    "changes": N_("What changed"),
    "data": N_("Data"),
    "about": N_("About"),
}
"""The pages the site's navigation lists (by their name in :class:`generator.site.Pages`), in order,
with their titles there."""
PALETTE_TOGGLE = {
    "slate": N_("Switch to dark mode"),
    "default": N_("Switch to light mode"),
}
"""The palette toggle's name, by the colour scheme it switches to."""
PART_OF_DAY = {
    "morning": N_("%(day)s, in the morning"),
    "afternoon": N_("%(day)s, in the afternoon"),
    "evening": N_("%(day)s, in the evening"),
    "night": N_("%(day)s, at night"),
}
"""A day with the part of it the source gives."""
UPDATE_KIND = {
    "update": N_("Update"),
    "correction": N_("Correction"),
    "clarification": N_("Clarification"),
}
MEDIA_KIND = {
    "image": N_("Picture"),
    "video": N_("Video"),
    "audio": N_("Audio"),
    "document": N_("Document"),
    "social_media_post": N_("Social-media post"),
    "map": N_("Map"),
}
LABELS = {
    "status": QUESTION_STATUS,
    "source_kind": SOURCE_KIND,
    "actor_kind": ACTOR_KIND,
    "form": STATEMENT_FORM,
    "form_in_text": STATEMENT_FORM_IN_TEXT,
    "involvement": INVOLVEMENT,
    "update_kind": UPDATE_KIND,
    "media_kind": MEDIA_KIND,
}
"""Label tables by name, for the templates' ``label`` filter."""
