"""The page templates' environment: escaping by default, the message catalogs, the wording filters.

Every ``{{ value }}`` in a template is escaped for Markdown (and so for the HTML around it) unless
it is a :class:`Markdown` value, which only the generator makes: translated messages, links and
paragraphs it has escaped itself. A template cannot forget to escape; to place editors' text as
something other than one line, it uses a filter (``block``, ``quote``) that escapes it.

Templates ship in ``generator/templates/``; a site overrides one by putting a file of the same
name in its own template folder (the theme's ``custom_dir``), which is searched first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from babel.lists import format_list
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import urls
from ..assets import PLOTLY_PATH
from ..i18n import Language
from ..messages import LABELS, Plural
from ..models import ImageMedia, LinkMedia
from ..prose import Reference
from ..site import Pages, Ref, Site, file_href, href, page_href
from ..translate import Foreign
from . import compiled, text

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
"""The generator's own page templates."""


class Markdown(Markup):
    """Text that is already Markdown and is placed in a page as it is.

    Combining it with anything else (``%``, ``+``, ``join``) escapes the other value for Markdown.
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> Markdown:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        if isinstance(s, Foreign):
            return foreign(s)
        return cls(text.inline(str(s)))


def foreign(words: Foreign, markup: str | None = None, element: str = "span") -> Markdown:
    """Words in another language than the page's, in an element that says which (screen readers
    then read them in that language's voice). ``markup``: the words already made Markdown or HTML."""
    body = text.inline(str(words)) if markup is None else markup
    direction = f' dir="{words.direction}"' if words.direction else ""
    return Markdown(f'<{element} lang="{html.escape(words.language, quote=True)}"{direction}>{body}</{element}>')


def _finalize(value: Any) -> Any:
    # Runs on every {{ expression }}: anything the generator did not mark as Markdown is escaped.
    if type(value) is str:  # the common case, first (words in another language: Markdown.escape)
        return Markdown(text.inline(value))
    if value is None:
        raise TypeError("a template printed a missing value (None): test for it with {% if %}")
    return value if hasattr(value, "__html__") else Markdown.escape(value)


_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")


def identifier(value: str) -> Markdown:
    """An element id, anchor or site path the generator made from validated ids, placed as it is.

    Anything else is refused rather than escaped: an escaped id would silently break its links.
    """
    if not _IDENTIFIER.match(value) or ".." in value:
        raise ValueError(f"not an identifier: {value!r}")
    return Markdown(value)


def environment(
    language: Language,
    override_dirs: Sequence[Path] = (),
    pictures: dict[str, str] | None = None,
    large: Collection[str] = (),
    site: Site | None = None,
    keys: dict[str, Any] | None = None,
) -> Environment:
    """The environment every page is rendered in, for one language.

    ``site``: where prose fields' parses and record references are looked up (``prose`` filter).

    ``pictures``: figure path -> the chart's picture (SVG the generator drew and escaped itself).
    ``large``: the paths of the figures of charts of more than ``charts.LARGE`` entries (their page
    has plotly.js fetched with it: the chart is drawn as soon as the browser is idle).
    ``keys``: figure path -> the lanes of the chart's key (see :func:`key.key_lanes`), and
    ``<path>#scale-changes`` -> ``"yes"`` where the chart's time scale changes along its axis.
    """
    loaders = [FileSystemLoader([str(folder) for folder in override_dirs])] if override_dirs else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES_DIR))]),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,
        bytecode_cache=compiled.cache_for("pages"),  # compiled once for all the builds of this process
        # Markdown headings end in {#anchor}: comments are written {## ... ##} instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.policies["ext.i18n.trimmed"] = True  # a message's line breaks in a template are not part of it
    # The i18n extension calls gettext(message, **variables) when this is set; the functions below
    # translate and then escape every variable for Markdown.
    env.newstyle_gettext = True  # type: ignore[attr-defined]

    translated: dict[str, Markdown] = {}

    @pass_context
    def gettext(_context: Context, message: str, **variables: Any) -> Markdown:
        found = translated.get(message)
        if found is None:
            found = translated[message] = Markdown(language.gettext(message))
        return found % variables if variables or "%" in found else found

    @pass_context
    def ngettext(_context: Context, singular: str, plural: str, count: int, **variables: Any) -> Markdown:
        variables.setdefault("num", count)
        return Markdown(language.ngettext(singular, plural, count)) % variables

    def plain(message: str, **variables: Any) -> str:
        """A translated message as plain text (page titles and descriptions); escaped if printed."""
        return language.gettext(message) % {key: str(value) for key, value in variables.items()}

    @pass_context
    def link(context: Context, ref: Ref) -> Markdown:
        target = href(context["page"], ref.page, ref.anchor)
        return Markdown(f"[{Markdown.escape(ref.label)}]({target})")

    @pass_context
    def links(context: Context, refs: Iterable[Ref]) -> Markdown:
        page = context["page"]
        return Markdown(", ".join(f"[{text.inline(ref.label)}]({href(page, ref.page, ref.anchor)})" for ref in refs))

    @pass_context
    def href_filter(context: Context, page: str, anchor: str | None = None) -> Markdown:
        return Markdown(href(context["page"], page, anchor))

    @pass_context
    def page_href_filter(context: Context, page: str, anchor: str | None = None) -> Markdown:
        """A link's address for HTML the generator writes (MkDocs rewrites only Markdown links)."""
        return Markdown(html.escape(page_href(context["page"], page, anchor), quote=True))

    @pass_context
    def prose(context: Context, value: str, lead: Markdown | None = None, inline: bool = False) -> Markdown:
        """A prose field for a page: HTML blocks, or (``inline``) Markdown on one line.

        ``lead``: a label, made bold, before its first paragraph.
        """
        if site is None:
            raise TypeError("the prose filter needs the site")
        page = context["page"]
        parsed = site.explainer.parsed(str(value), not inline)
        if inline:
            made = text.prose_inline(parsed, lambda _kind, record_id: link_to(page, record_id))
            return foreign(value, made) if isinstance(value, Foreign) else Markdown(made)

        def address(reference: Reference) -> str:
            found = site.ref(reference.id)
            return page_href(page, found.page, found.anchor)

        if isinstance(value, Foreign):  # the lead and the note are in the page's language; the words are not
            words = foreign(value, parsed.html(address), "div")
            said = html.escape(language.gettext("Not yet translated."))
            note = f'<p class="explainer-untranslated">{said}</p>'
            return Markdown(f"<p><strong>{lead}</strong></p>\n" if lead else "") + Markdown(f"{words}\n{note}")
        return Markdown(parsed.html(address, str(lead or "")))

    @pass_context
    def media_of(context: Context, record: Any) -> Markdown:
        """An entry's media as HTML: each picture at the sizes made for it (the browser takes the one
        that fits), below the first view (``loading="lazy"``), its size said so nothing shifts; each
        link as a card that leads out (nothing from its host loads here)."""
        items = []
        for item in getattr(record, "media", []):
            if isinstance(item, ImageMedia) and site is not None and item.file in site.pictures:
                items.append(_picture(context["page"], site.pictures[item.file], item))
            elif isinstance(item, LinkMedia):
                items.append(_card(item))
        return Markdown("\n".join(items))

    def _picture(page: str, picture: Any, item: ImageMedia) -> str:
        def src(path: str) -> str:
            return html.escape(file_href(page, path), quote=True)

        srcset = ", ".join(f"{src(size.path)} {size.width}w" for size in picture.webp)
        fallback = picture.fallback
        caption = f"{html.escape(item.caption)} · " if item.caption else ""
        licence = f" ({html.escape(item.licence)})" if item.licence else ""
        return (
            f'<figure class="explainer-media"><picture><source type="image/webp" srcset="{srcset}"'
            ' sizes="(min-width: 61.25em) 40rem, 92vw">'
            f'<img src="{src(fallback.path)}" width="{fallback.width}" height="{fallback.height}"'
            f' alt="{html.escape(item.alt, quote=True)}" loading="lazy" decoding="async"></picture>'
            f'<figcaption>{caption}<span class="explainer-media__credit">{html.escape(item.credit)}</span>'
            f"{licence}</figcaption></figure>"
        )

    def _card(item: LinkMedia) -> str:
        parts = [html.escape(part) for part in (item.publisher, item.credit) if part]
        if item.published is not None:
            parts.append(html.escape(language.describe(item.published)))
        host = html.escape(language.gettext("(goes to %(host)s)") % {"host": urls.reachable_host(item.url)})
        kind = html.escape(language.gettext(LABELS["media_kind"][item.kind]))
        more = "".join(f" · {part}" for part in parts)
        return (
            f'<p class="explainer-media-card"><a href="{html.escape(item.url, quote=True)}" rel="noopener noreferrer">'
            f'<span class="explainer-media-card__kind">{kind}</span> <strong>{html.escape(item.title)}</strong></a>'
            f"{more} {host}</p>"
        )

    def link_to(page: str, record_id: str) -> str:
        found = site.ref(record_id)  # type: ignore[union-attr]
        return href(page, found.page, found.anchor)

    def translated_quote(record_id: str) -> str | None:
        """The explainer's translation of a verbatim statement's words into the page's language."""
        explainer = site.explainer if site else None
        version = explainer.translations.get(explainer.incident.language) if explainer else None
        return version.quotes.get(record_id) if version else None

    def join(items: Iterable[Any], separator: str = ", ") -> Markdown:
        return Markdown(separator).join(items)

    def words(items: Iterable[Any]) -> str:
        """Names as a list in the language's own way ("A, B and C", "A, B y C")."""
        return format_list([str(item) for item in items], locale=language.locale)

    def plural(label: Plural, count: int) -> Markdown:
        return Markdown(language.ngettext(label.singular, label.plural, count))

    env.globals.update(
        _=gettext,
        gettext=gettext,
        ngettext=ngettext,
        plain=plain,
        translated_quote=translated_quote,
        language=language,
        indent=lambda depth: Markdown("    " * depth),  # a nested list item's indentation
        picture=lambda figure: Markdown((pictures or {}).get(figure, "")),
        chart_lanes=lambda figure: (keys or {}).get(figure, []),
        scale_changes=lambda figure: (keys or {}).get(f"{figure}#scale-changes", ""),
        large_chart=lambda figure: figure in large,
        plotly_src=PLOTLY_PATH,
        front_matter=lambda *args, **kwargs: Markdown(text.front_matter(*args, **kwargs)),
        embed_snippet=text.embed_snippet,
        pages=site.pages if site else Pages(),
    )
    env.filters.update(
        link=link,
        links=links,
        href=href_filter,
        page_href=page_href_filter,
        join=join,
        words=words,
        plural=plural,
        id=identifier,
        block=lambda value: Markdown(text.block(str(value))),
        prose=prose,
        media=media_of,
        quote=lambda value: (
            foreign(value, text.html_block(str(value)), "blockquote")
            if isinstance(value, Foreign)
            else Markdown(text.quote(str(value)))
        ),
        code=lambda value: Markdown(text.code(str(value))),
        url=lambda value: Markdown(text.url(str(value))),
        label=lambda value, table: Markdown(language.gettext(LABELS[table][value])),
        date=language.describe,
        entry_date=language.entry_date,
        day=language.day,
        number=language.number,
    )
    return env
