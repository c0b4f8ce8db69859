"""The record kinds editors write, as typed, frozen models.

One definition gives three things: parsing with a clear error per wrong field, the JSON Schema
editors' tools complete from, and the field reference in the editors' guide. Every field has a
docstring; it becomes the field's description.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

from .fields import (
    Day,
    HttpUrl,
    Line,
    MediaPath,
    Moment,
    Month,
    Prose,
    ProseInline,
    RecordId,
    StampDay,
    Text,
    Title,
    Year,
)

Sources = Annotated[
    list[RecordId], Field(min_length=1, description="Ids of the source records that support this record; at least one.")
]
"""Ids of the source records that support this record; at least one."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- Dates -------------------------------------------------------------------------------------


class _DateBase(Model):
    as_reported: Line | None = None
    """The source's own words about the timing, quoted (e.g. ``late-night``, ``later``)."""


class ExactDate(_DateBase):
    """A moment known to the minute, with its time zone."""

    precision: Literal["exact"]
    """``exact``: the source gives the day and the time."""
    datetime: Moment
    """Date and time with a UTC offset, e.g. ``2021-03-23T09:30:00-06:00``."""
    basis: Text | None = None
    """Where the date comes from, if not plainly from the cited sources."""

    @model_validator(mode="after")
    def _needs_zone(self) -> ExactDate:
        if self.datetime.tzinfo is None:
            raise ValueError("an exact date needs a time zone, e.g. 2021-03-23T09:30:00-06:00")
        return self


PartOfDay = Literal["morning", "afternoon", "evening", "night"]
UTC_OFFSET_PATTERN = r"^[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)$"


class DayDate(_DateBase):
    """A calendar day, with the part of the day or the hour when the source gives one."""

    precision: Literal["day"]
    """``day``: the source gives the day but not the minute."""
    date: Day
    """The day, as ``YYYY-MM-DD``."""
    approximate: StrictBool = False
    """``true`` when the source says "about" or "around" this day."""
    part_of_day: PartOfDay | None = None
    """``morning`` (05:00 to 12:00), ``afternoon`` (12:00 to 18:00), ``evening`` (17:00 to 24:00) or
    ``night`` (20:00 to 06:00 the next day), when the source says so."""
    hour: Annotated[StrictInt, Field(ge=0, le=23)] | None = None
    """The hour, 0 to 23, when the source gives a time without minutes ("about 9 a.m." is 9)."""
    utc_offset: Annotated[StrictStr, Field(pattern=UTC_OFFSET_PATTERN)] | None = None
    """The time zone of ``part_of_day`` or ``hour`` as a UTC offset, e.g. ``"-06:00"`` (quoted). Without
    it, the day can be in any time zone, and is ordered only against what is surely earlier or later
    wherever on Earth it happened."""
    basis: Text | None = None
    """Where the date comes from, if not plainly from the cited sources."""

    @model_validator(mode="after")
    def _one_time_of_day(self) -> DayDate:
        if self.part_of_day is not None and self.hour is not None:
            raise ValueError("give either 'part_of_day' or 'hour', not both")
        if self.utc_offset is not None and self.part_of_day is None and self.hour is None:
            raise ValueError("'utc_offset' is the time zone of 'part_of_day' or 'hour': give one of them")
        return self


class MonthDate(_DateBase):
    """A calendar month, day not known."""

    precision: Literal["month"]
    """``month``: only the month is known."""
    month: Month
    """The month, as ``YYYY-MM``."""
    approximate: StrictBool = False
    """``true`` when the source says "about" or "around" this month."""
    basis: Text | None = None
    """Where the month comes from, if not plainly from the cited sources."""


class YearDate(_DateBase):
    """A year, nothing finer known."""

    precision: Literal["year"]
    """``year``: only the year is known."""
    year: Year
    """The year, e.g. ``2025``."""
    approximate: StrictBool = False
    """``true`` when the source says "about" or "around" this year."""
    basis: Text | None = None
    """Where the year comes from, if not plainly from the cited sources."""


class RangeDate(_DateBase):
    """An estimate: the thing happened on one day, not known, between two known days.

    For something that *lasted* several days, give its start in ``when`` and its end in ``until``.
    """

    precision: Literal["range"]
    """``range``: the one day is not known, but lies between ``earliest`` and ``latest``."""
    earliest: Day
    """The earliest day it can have happened, as ``YYYY-MM-DD``."""
    latest: Day
    """The latest day it can have happened, as ``YYYY-MM-DD``."""
    basis: Text
    """Why the day lies in this range (required: an estimate must say what it rests on)."""

    @model_validator(mode="after")
    def _ordered(self) -> RangeDate:
        if self.earliest > self.latest:
            raise ValueError(f"earliest ({self.earliest}) is after latest ({self.latest})")
        return self


class UnknownDate(_DateBase):
    """No calendar date is known; only the order given by ``after`` on the record, if any."""

    precision: Literal["unknown"]
    """``unknown``: the sources give no date."""
    basis: Text
    """Why no date is given and what the order rests on (required)."""


DateInfo = Annotated[
    ExactDate | DayDate | MonthDate | YearDate | RangeDate | UnknownDate,
    Field(discriminator="precision"),
]
"""When something happened, with its precision: ``exact``, ``day``, ``month``, ``year``, ``range`` or ``unknown``."""

DATE_PRECISIONS = ("exact", "day", "month", "year", "range", "unknown")


# --- Records -----------------------------------------------------------------------------------


LanguageTag = Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag such as ``en`` or ``es-MX``."""


class Record(Model):
    id: RecordId
    """Stable id that other records use to refer to this one. Never reuse or rename a published id."""


class KeyFact(Model):
    """One fact shown on the home page, with its sources."""

    text: ProseInline
    """The fact, in plain words. Characterisations must name who made them."""
    sources: Sources


class Licence(Model):
    """The terms on which others may reuse the explainer's records and data."""

    name: Title
    """The licence's name, e.g. ``CC BY 4.0``."""
    url: HttpUrl | None = None
    """Address of the licence's text."""


class Incident(Model):
    """The explainer as a whole (``incident.yml``)."""

    title: Title
    """Headline of the explainer."""
    summary: Prose
    """One paragraph saying what happened, in neutral words."""
    as_of: StampDay
    """The day the explainer was last brought up to date, as ``YYYY-MM-DD``."""
    language: LanguageTag
    """Language of the content, as a BCP 47 tag such as ``en`` or ``es-MX``."""
    translations: Annotated[list[LanguageTag], Field(min_length=1, max_length=40)] | None = None
    """The other languages the explainer is also published in, e.g. ``[es, fr]``: each one's
    translated fields are in ``content/<language>/``, in files named as the records' own."""
    key_facts: Annotated[list[KeyFact], Field(min_length=1)]
    """The few facts a reader must know, each with its sources."""
    method: Prose
    """How this explainer was put together: what was read, what was left out."""
    corrections: Prose
    """How readers report an error and how corrections are made and shown."""
    licence: Licence
    """Under what licence others may reuse the records and the open data (``name``, ``url``). There
    is no default: the publisher chooses it."""
    first_published: StampDay | None = None
    """The day the explainer was first published, as ``YYYY-MM-DD`` (leave out until it is)."""
    ignore: list[Annotated[Line, Field(max_length=200)]] = []
    """Files kept in the content folder that are not records (notes, drafts, documents): glob
    patterns relative to it, such as ``notes/**`` or ``*.pdf``. They are never published; any other
    file that is not a record stops the build. Left out of the open data."""


SourceKind = Literal[
    "news_report", "official_statement", "social_media_post", "press_briefing", "document", "interview", "other"
]


class Source(Record):
    """Something published that records cite."""

    title: Title
    """Title of the item as published, or a plain description if it has none."""
    publisher: Title
    """Who published it."""
    kind: SourceKind
    """What sort of item it is."""
    published: DateInfo
    """When it was published, with its precision (``unknown`` when not known)."""
    url: HttpUrl | None = None
    """Address of the item. Leave out when not known: never guess one."""
    via: RecordId | None = None
    """Id of the source through which this one reached us, when it was not seen first-hand."""
    access_note: Prose | None = None
    """How the item reached us and what of it we have seen."""


ActorKind = Literal["person", "organisation", "government", "country", "group"]


class Actor(Record):
    """A person, organisation, government, country or group taking part in the story."""

    name: Title
    """Name as the sources give it."""
    kind: ActorKind
    """What sort of actor this is."""
    role: Line | None = None
    """Title or role, as the sources give it (e.g. ``Council spokesperson``)."""
    affiliation: RecordId | None = None
    """Id of the actor this one belongs to (a person to an organisation, an organisation to a country)."""
    description: Prose | None = None
    """What the sources say about this actor in the story."""
    sources: Sources


class ImageMedia(Model):
    """A picture stored in the project (``content/media/``): the build makes its sizes for the web."""

    type: Literal["image"]
    """``image``."""
    file: MediaPath
    """Its path in the content folder, e.g. ``media/port-closed.jpg`` (JPEG, PNG, WebP or GIF)."""
    alt: Line
    """What the picture shows, for readers who cannot see it (its text alternative)."""
    credit: Line
    """Who made it, as the publisher credits it (``Photo: Ana Example / Example News``)."""
    caption: Line | None = None
    """What a reader should know about it, shown under it."""
    licence: Line | None = None
    """The terms it is published under, when not the explainer's own."""


class LinkMedia(Model):
    """Media elsewhere (a video, audio, document, social media post or map): shown as a card that
    links out; nothing from its host loads until the reader follows the link."""

    type: Literal["link"]
    """``link``."""
    url: HttpUrl
    """Its address."""
    kind: Literal["image", "video", "audio", "document", "social_media_post", "map"]
    """What it is (``image``: a picture on another site, linked to, not shown here)."""
    title: Title
    """Its title, as published."""
    publisher: Title | None = None
    """Who published it."""
    published: DateInfo | None = None
    """When it was published, with its precision."""
    credit: Line | None = None
    """Who made it, as the publisher credits it."""


Media = Annotated[ImageMedia | LinkMedia, Field(discriminator="type")]
"""One item of an entry's media: an ``image`` in the project or a ``link`` to media elsewhere."""


class Statement(Record):
    """Something an actor said, quoted verbatim or paraphrased."""

    title: Title
    """Short label for lists and the timeline, attributing any characterisation to the speaker."""
    speaker: RecordId
    """Id of the actor who said it."""
    form: Literal["verbatim", "paraphrase"]
    """``verbatim`` when ``text`` is the speaker's exact words; ``paraphrase`` when it reports them."""
    text: Text
    """The words: exact for ``verbatim``, the source's report of them for ``paraphrase``."""
    medium: Line | None = None
    """Where or how it was said (e.g. ``on social media``)."""
    context: Prose | None = None
    """What the sources say about the circumstances of the statement."""
    when: DateInfo
    """When it was said, with its precision."""
    after: list[RecordId] = []
    """Ids of events or statements the sources place before this one."""
    responds_to: list[RecordId] = []
    """Ids of events or statements this statement answers or comments on."""
    lane: RecordId | None = None
    """Id of the actor whose side's lane the timeline draws it in (default: the speaker)."""
    sources: Sources
    note: Prose | None = None
    """Anything a reader should know about the wording (e.g. whether it is a translation)."""
    media: list[Media] = []
    """Pictures, and media elsewhere, that show what was said (each with its credit)."""


class Event(Record):
    """Something that happened."""

    title: Title
    """Short headline for lists and the timeline."""
    summary: Prose
    """What happened, in neutral words; characterisations attributed to whoever made them."""
    actors: Annotated[list[RecordId], Field(min_length=1)]
    """Ids of the actors involved; the first is the main one and decides the timeline lane."""
    when: DateInfo
    """When it happened (or began, for something that lasted), with its precision."""
    until: DateInfo | None = None
    """When it ended, for something that lasted (a blockade, a strike), with its own precision."""
    after: list[RecordId] = []
    """Ids of events or statements the sources place before this one."""
    lane: RecordId | None = None
    """Id of the actor whose side's lane the timeline draws it in (default: the first of ``actors``)."""
    location: Line | None = None
    """Where it happened, as the sources give it."""
    sources: Sources
    note: Prose | None = None
    """Anything a reader should know about this record."""
    media: list[Media] = []
    """Pictures, and media elsewhere, that show what happened (each with its credit)."""

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Event:
        if isinstance(self.until, UnknownDate):
            raise ValueError("leave out 'until' when the end is not known (say so in 'note')")
        if self.until is not None and isinstance(self.when, UnknownDate):
            raise ValueError("an event with an 'until' needs a known start in 'when'")
        return self


QuestionStatus = Literal["open", "partly_answered", "answered"]


class Question(Record):
    """Something the story leaves unknown."""

    question: Title
    """The question, as a reader would ask it."""
    why_it_matters: Prose
    """What depends on the answer."""
    what_would_answer: Prose
    """What document, statement or record would settle it."""
    status: QuestionStatus
    """``open``, ``partly_answered`` or ``answered``."""
    answer: Prose | None = None
    """What is known so far; required unless the status is ``open``."""
    related: list[RecordId] = []
    """Ids of the events, statements or actors the question is about."""
    sources: Sources

    @model_validator(mode="after")
    def _answer_when_answered(self) -> Question:
        if self.status != "open" and self.answer is None:
            raise ValueError(f"a question with status '{self.status}' needs an 'answer'")
        return self


UpdateKind = Literal["update", "correction", "clarification"]


class Update(Record):
    """A dated change to the published explainer: new information, a correction or a clarification."""

    date: Day
    """The day the change was published, as ``YYYY-MM-DD``; never after ``as_of`` in incident.yml."""
    kind: UpdateKind
    """``update`` (something new is known), ``correction`` (something was wrong) or ``clarification``."""
    title: Title
    """A short headline for the "What changed" page and the feed, e.g. ``The date of the closure is known``."""
    text: Prose
    """What changed, in neutral words: for a correction, what is right now."""
    was: Prose | None = None
    """For a correction (required there): what the explainer said before, which was wrong."""
    about: Annotated[list[RecordId], Field(min_length=1)]
    """Ids of the records it concerns; each of them shows a dated notice."""
    sources: Sources

    @model_validator(mode="after")
    def _correction_says_what_was_wrong(self) -> Update:
        if self.kind == "correction" and self.was is None:
            raise ValueError("a correction must say in 'was' what the explainer said before, which was wrong")
        return self


class PictureSizes(Model):
    """A picture as the site serves it."""

    width: int
    """Its width in pixels, as stored in the project."""
    height: int
    """Its height in pixels."""
    webp: list[str]
    """The addresses of its WebP sizes, relative to the site's root, narrowest first."""
    jpeg: str
    """The address of its JPEG, for browsers without WebP."""


class OpenDataParts(Model):
    """The whole explainer as one document (``data/explainer.json``): incident.yml, then one list per
    kind of record, then what the generator derives from them."""

    format_version: Literal[1]
    """Version of this document's layout."""
    incident: Incident
    """The explainer as a whole (incident.yml)."""
    addresses: dict[str, str]
    """Record id -> its lasting address, relative to the site's root: it never changes."""
    timeline: list[str]
    """Ids of the events and statements in the timeline's order; the first is number 1."""
    mentions: dict[str, list[str]]
    """Record id -> ids of the records whose prose refers to it (``incident`` for incident.yml)."""
    pictures: dict[str, PictureSizes] | None = None
    """Only for an explainer with pictures: each picture's path in the content (``media/...``) -> the
    sizes the site serves it at, without its metadata."""
    translations: dict[str, dict[str, dict[str, dict[str, Any]]]] | None = None
    """Only for an explainer with translations: language -> record file (``incident`` for
    incident.yml) -> record id (``incident``) -> each field translated into it, as its translation
    gives it (``key_facts``: a list in the original's order, ``null`` where not yet translated;
    ``translation``: a verbatim statement's words). The records above are the original's."""
