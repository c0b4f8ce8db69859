"""Prose fields: the Markdown subset, its three outputs from one parse, and hostile Markdown."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from generator import prose


def address(reference: prose.Reference) -> str:
    return f"../{reference.kind}s/#{reference.id}"


def test_the_subset_renders_the_same_words_to_every_output() -> None:
    text = "The *Reforma* daily and **the SRE** said `no`; see [its statement](statement:sre-x) and [AP](https://apnews.com/a)."
    parsed = prose.parse(text)
    assert parsed.problems == []
    assert parsed.html(address) == (
        "<p>The <em>Reforma</em> daily and <strong>the SRE</strong> said <code>no</code>; see "
        '<a href="../statements/#sre-x">its statement</a> and <a href="https://apnews.com/a">AP</a>.</p>'
    )
    # Plotly's hover labels: b, i, br and http(s) links only; a reference reads as its words.
    assert parsed.hover() == (
        'The <i>Reforma</i> daily and <b>the SRE</b> said no; see its statement and <a href="https://apnews.com/a">AP</a>.'
    )
    assert parsed.plain() == "The Reforma daily and the SRE said no; see its statement and AP."
    assert parsed.references == [
        prose.Reference("statement", "sre-x", 1, "its statement", text.index("statement:sre-x"))
    ]


def test_hover_lines_are_wrapped_and_cut_with_tags_kept_balanced() -> None:
    parsed = prose.parse("Plain words then *a long emphasised passage that goes on* and [a link](https://x.example/).")
    assert parsed.hover(width=20) == (
        "Plain words then <i>a<br>long emphasised<br>passage that goes on</i><br>"
        'and <a href="https://x.example/">a link</a>.'
    )
    assert parsed.hover(limit=30) == "Plain words then <i>a long\u2026</i>"


def test_problems_and_references_know_where_they_are_in_the_field() -> None:
    text = "Fine [a](event:one) and ![x](https://p.example/i.png).\n\n![y](https://p.example/j.png) [b](event:two)"
    parsed = prose.parse(text)
    assert [(p.line, p.offset) for p in parsed.problems] == [(1, text.index("![x")), (3, text.index("![y"))]
    assert [(r.id, r.line, r.offset) for r in parsed.references] == [
        ("one", 1, text.index("event:one")),
        ("two", 3, text.index("event:two")),
    ]


def test_lists_and_paragraphs_in_block_fields() -> None:
    parsed = prose.parse("First.\n\n- one\n- two *b*")
    assert parsed.html() == "<p>First.</p>\n<ul><li>one</li><li>two <em>b</em></li></ul>"
    assert parsed.hover() == "First.<br>\u2022 one<br>\u2022 two <i>b</i>"
    assert parsed.plain() == "First.\none\ntwo b"


def test_raw_html_and_entities_read_as_text() -> None:
    parsed = prose.parse('<script>alert(1)</script> <b onclick="x">bold</b> &amp; &lt;i&gt;')
    assert parsed.problems == []
    assert "<script" not in parsed.html() and "<b " not in parsed.html() and "<i>" not in parsed.html()
    assert parsed.plain() == '<script>alert(1)</script> <b onclick="x">bold</b> & <i>'


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# A heading", 1, "a heading"),
        ("Fine.\n\n![photo](https://example.org/a.png)", 3, "an image"),
        ("> quoted", 1, "a block quote"),
        ("```\ncode\n```", 1, "a fenced code block"),
        ("Above\n\n---", 3, "a horizontal rule"),
        ("See <https://example.org>", 1, "not <https://...>"),
        ("[a][d]\n\n[d]: https://example.org", 3, "reference-style link definitions"),
        ("one\ntwo [x](javascript:alert(1))", 2, "not 'javascript:alert(1)'"),
        ("[x](JaVaScRiPt:alert(1))", 1, "http(s) address or a record"),
        ("[x](&#106;avascript:alert(1))", 1, "http(s) address or a record"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 1, "http(s) address or a record"),
        ("[x](vbscript:msgbox)", 1, "http(s) address or a record"),
        ("[x](<javascript:alert(1)>)", 1, "http(s) address or a record"),
        ("[x](//evil.example/)", 1, "http(s) address or a record"),
        ("[x](nothing:record)", 1, "http(s) address or a record"),
    ],
)
def test_refused_syntax_and_unsafe_links_are_reported_at_their_line(text: str, line: int, message: str) -> None:
    problems = prose.parse(text).problems
    assert any(p.line == line and message in p.message for p in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](java\tscript:alert(1))",
        '[x](https://ok.example "title with \\" quote")',
        "<a href=javascript:alert(1)>x</a>",
        "[x](data:text/html,<script>alert(1)</script>)",
    ],
)
def test_no_output_ever_holds_a_script_or_a_link_that_is_not_http(text: str) -> None:
    parsed = prose.parse(text)
    for output in (parsed.html(address), parsed.hover()):
        assert "<script" not in output.lower()
        for href in re.findall(r'href="([^"]*)"', output):
            assert href.startswith(("https://", "http://", "../")), href
        assert re.findall(r"<(\w+)", output) == [t for t in re.findall(r"<(\w+)", output) if t in ALLOWED]


ALLOWED = {"p", "ul", "ol", "li", "em", "strong", "code", "a", "i", "b", "br"}


def test_pathological_nesting_ends_as_text() -> None:
    for text in ("*" * 20_000 + "x" + "*" * 20_000, "[" * 20_000 + "x" + "]" * 20_000, "- " * 5_000 + "x"):
        parsed = prose.parse(text)
        assert set(re.findall(r"<(\w+)", parsed.html())) <= ALLOWED


def test_a_field_of_more_paragraphs_and_items_than_the_limit_is_refused_where_it_passes_it() -> None:
    at_limit = "\n\n".join(f"Paragraph {n}." for n in range(prose.MAX_BLOCKS - 1)) + "\n\n- one"
    assert prose.parse(at_limit).problems == []
    over = at_limit + "\n- two"
    [problem] = prose.parse(over).problems
    assert problem.line == over.count("\n") + 1 and "more than 200 paragraphs" in problem.message


def test_a_field_of_syntax_alone_or_a_link_without_words_is_refused() -> None:
    assert "no words" in prose.parse("- \n-").problems[0].message
    assert "needs words" in prose.parse("See [](https://example.org/).").problems[0].message
    assert "needs words" in prose.parse("See [ ](event:x).").problems[0].message


# Pieces that make links, near-links and everything markdown-it reads around them.
_PIECES = [
    "[", "]", "(", ")", "a", "see 4", " ", "  ", "\n", "*", "_", "`", "\\", "<", ">", "&amp;", "&", "-", ":",
    "!", "https://x.example/p", "HTTPS://X.EXAMPLE", "https://x.example/a b", "https://ñ.example/é", "%41",
    "event:e-1", '"t"', "'", "\t", "\x7f", "#",
]  # fmt: skip


def _standard_parser(block: bool) -> object:
    parser = prose._parser(block)
    parser.inline.ruler.disable("plain_link")
    return parser


_STANDARD = {True: _standard_parser(True), False: _standard_parser(False)}


_WORDS = ["a", " ", "*", "_", "`", "\\", "[", "]", "&amp;", "-", ":", "!", "<", "\n", "(", ")"]
_TARGETS = ["https://x.example/p", "event:e-1", "a", " ", "(", ")", "<", ">", "\\", "&amp;", "ñ", '"t"', "%41", "\x7f"]
_LINK = st.builds(
    "[{}]({})".format,
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map("".join),
    st.lists(st.sampled_from(_TARGETS), min_size=1, max_size=4).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), _LINK), max_size=12).map("".join), st.booleans())
@example("[_a_](https://x.example/p) [*a*](event:e-1) [`a`](https://x.example/p)", True)
@example("[a](x y) [a](<x>) [a](x\\)y) [a](x 't') [a](&amp;) [a](x\x7f) [a](x(y)) [a](HTTPS://X.EXAMPLE)", True)
@example("[a:b](x) [a-b](x) [a!](x) [\\[](x) [a\nb](x) [a](\nx) [ a ](x)", False)
def test_the_plain_link_rule_gives_the_tokens_markdown_its_own_rule_gives(text: str, block: bool) -> None:
    ours = [token.as_dict() for token in prose._PARSERS[block].parse(text)]
    assert ours == [token.as_dict() for token in _STANDARD[block].parse(text)]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(prose._PLAIN_TARGET, fullmatch=True))
def test_a_plain_target_is_one_markdown_it_would_leave_unchanged(target: str) -> None:
    assert normalizeLink(target) == target


def test_the_plain_link_rule_reads_plain_links_and_leaves_the_rest() -> None:
    rule = prose._PARSERS[True].inline.ruler
    assert "plain_link" in rule.get_active_rules()
    links = prose.parse("[see 4](https://x.example/4) and [the *ministry*](statement:x) and [a](b (c))")
    assert [r.needle for r in links.references] == ["statement:x"]
    assert '<a href="https://x.example/4">see 4</a>' in links.html(address)
