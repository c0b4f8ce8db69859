"""What each page shows, as plain data computed from the site (pure, no I/O).

A view decides *what* a page holds: which records, in which order, linking where (every address
from :class:`generator.site.Site`). It holds no wording and no markup; the page's template
(``generator/templates/<name>.md.j2``) decides how it reads, in the explainer's language.
"""

from __future__ import annotations

from ..site import Site
from .embeds import EMBED_WIDTH, Embed, EmbedCode, EmbedItem, embed_code, embeds
from .listings import SourceItem, Sources, StatementItem, Statements, Timeline, sources, statements, timeline
from .pages import (
    HOME_QUESTIONS,
    About,
    Actor,
    Actors,
    ChangeItem,
    Changes,
    DataFile,
    DataPage,
    Home,
    Involvement,
    QuestionItem,
    Questions,
    Side,
    about,
    actor,
    actors,
    changes,
    data_page,
    home,
    problems,
    questions,
)
from .parts import Entry, Listing, Notice, Page, Pager, in_order, mentioned, notices, pager

__all__ = [
    "EMBED_WIDTH", "HOME_QUESTIONS", "About", "Actor", "Actors", "ChangeItem", "Changes", "DataFile", "DataPage",
    "Embed", "EmbedCode", "EmbedItem", "Entry", "Home", "Involvement", "Listing", "Notice", "Page", "Pager",
    "QuestionItem", "Questions", "Side", "SourceItem", "Sources", "StatementItem", "Statements", "Timeline",
    "about", "actor", "actors", "all_pages", "changes", "data_page", "embed_code", "embeds",
    "home", "in_order", "mentioned", "notices", "pager", "problems", "questions", "sources", "statements",
    "timeline",
]  # fmt: skip


def all_pages(site: Site) -> list[Page]:
    """The view of every page of the explainer."""
    explainer = site.explainer
    views: list[Page] = [home(site), actors(site), questions(site), changes(site), data_page(site), about(site)]
    for number, chunk in enumerate(chunks := site.split(explainer.timeline), start=1):
        views.append(timeline(site, chunk, number, len(chunks)))
    for number, part in enumerate(parts := site.split(list(explainer.statements.values())), start=1):
        views.append(statements(site, part, number, len(parts)))
    for number, batch in enumerate(batches := site.split(list(explainer.sources.values())), start=1):
        views.append(sources(site, batch, number, len(batches)))
    views += [actor(site, actor_id) for actor_id in explainer.actors]
    views += embeds(site)
    return views
