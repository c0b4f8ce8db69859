"""Date ticks in the explainer's language: month and day names and the order of a date's parts.

plotly.js formats date ticks with d3's time format, in English by default. Its public
``Plotly.register`` takes a locale's names; the tick formats (per zoom level, in the language's
own order: "Mar 23" or "23 mar") go in the axis's ``tickformatstops``. Both are made here from
Babel's CLDR data and travel in the figure JSON.
"""

from __future__ import annotations

import re
from typing import Any

from babel import dates as babel_dates

from ..i18n import Language

_CLDR_TO_D3 = [
    ("yyyy", "%Y"), ("yy", "%y"), ("y", "%Y"), ("MMMM", "%B"), ("LLLL", "%B"), ("MMM", "%b"), ("LLL", "%b"),
    ("MM", "%m"), ("M", "%-m"), ("dd", "%d"), ("d", "%-d"), ("EEEE", "%A"), ("EEE", "%a"), ("E", "%a"),
    ("HH", "%H"), ("H", "%-H"), ("hh", "%I"), ("h", "%-I"), ("mm", "%M"), ("ss", "%S"), ("a", "%p"),
]  # fmt: skip
_TOKEN = re.compile(r"'[^']*'|" + "|".join(re.escape(cldr) for cldr, _ in _CLDR_TO_D3))


def d3_format(pattern: str) -> str:
    """A CLDR date pattern ("d MMM y") as a d3 time format ("%-d %b %Y")."""
    table = dict(_CLDR_TO_D3)

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if token.startswith("'"):
            return token[1:-1].replace("%", "%%") or "'"
        return table[token]

    out = []
    last = 0
    for match in _TOKEN.finditer(pattern):
        out.append(pattern[last : match.start()].replace("%", "%%"))
        out.append(replace(match))
        last = match.end()
    out.append(pattern[last:].replace("%", "%%"))
    return "".join(out)


def _skeleton(language: Language, skeleton: str) -> str:
    formats = language.locale.datetime_skeletons
    return str(formats[skeleton].pattern if skeleton in formats else babel_dates.match_skeleton(skeleton, formats))


DAY_MS = 86_400_000


def tickformatstops(language: Language) -> list[dict[str, Any]]:
    """Date tick formats by zoom level, in the language's order of day, month and year."""
    time = d3_format(str(language.locale.time_formats["short"].pattern))
    day = d3_format(_skeleton(language, "MMMd"))
    month = d3_format(_skeleton(language, "yMMM"))
    return [
        {"dtickrange": [None, DAY_MS], "value": f"{time}\n{day}"},
        {"dtickrange": [DAY_MS, "M1"], "value": day},
        {"dtickrange": ["M1", "M12"], "value": month},
        {"dtickrange": ["M12", None], "value": "%Y"},
    ]


def locale(language: Language) -> dict[str, Any]:
    """The names plotly.js needs to word dates in the language (``Plotly.register`` format)."""
    names = language.locale
    months = [str(names.months["stand-alone"]["wide"][m]) for m in range(1, 13)]
    short_months = [str(names.months["stand-alone"]["abbreviated"][m]).rstrip(".") for m in range(1, 13)]
    # CLDR numbers weekdays from Monday (0); d3 lists them from Sunday.
    days = [str(names.days["stand-alone"]["wide"][(d + 6) % 7]) for d in range(7)]
    short_days = [str(names.days["stand-alone"]["abbreviated"][(d + 6) % 7]) for d in range(7)]
    return {
        "name": f"explainer-{language.catalog}",
        "format": {
            "days": days,
            "shortDays": short_days,
            "months": months,
            "shortMonths": short_months,
            "periods": [str(names.periods["am"]), str(names.periods["pm"])],
            "date": d3_format(str(names.date_formats["short"].pattern)),
            "time": d3_format(str(names.time_formats["medium"].pattern)),
            "decimal": names.number_symbols.get("latn", names.number_symbols).get("decimal", "."),
            "thousands": names.number_symbols.get("latn", names.number_symbols).get("group", ","),
        },
    }
