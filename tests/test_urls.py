"""Addresses: the host a reader's browser goes to, as the sources page shows it beside each link
(an internationalised host in its ASCII form, so a look-alike of a Latin name shows as xn--...),
and addresses that would take a reader somewhere other than where they read are refused."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from generator import urls
from generator.pipeline import generate

CYRILLIC_LOOKALIKE = "https://\u0435\u0445ample.org/notices/bridge"
"""``ехample.org`` with a Cyrillic ie and ha: it reads as example.org."""


@pytest.mark.parametrize(
    ("address", "host"),
    [
        ("https://example.org/notices/bridge?id=1", "example.org"),
        ("https://Example.ORG./a", "example.org."),
        ("http://example.org:8080/a", "example.org"),
        ("https://example.org#top", "example.org"),
        ("https://example.org?q=@x", "example.org"),
        ("https://example.org/a@b", "example.org"),
        (CYRILLIC_LOOKALIKE, "xn--ample-ywe6i.org"),
        ("https://bücher.example/", "xn--bcher-kva.example"),
        ("https://faß.de/", "xn--fa-hia.de"),  # as browsers read it (not "fass.de", as IDNA 2003 did)
        ("https://ＥＸＡＭＰＬＥ.org/", "example.org"),  # full-width letters map to ASCII
        ("https://ex%61mple.org/", "example.org"),  # browsers decode the host first
        ("https://[2001:db8::1]:8443/x", "[2001:db8::1]"),
        ("https://192.0.2.1/", "192.0.2.1"),
        ("https://👍.example/", "xn--yp8h.example"),
    ],
)
def test_the_host_is_where_a_browser_goes(address: str, host: str) -> None:
    assert urls.reachable_host(address) == host


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("http://user:pass@example.org/", "user name or password"),
        ("https://example.org@evil.example/", "it goes to evil.example"),
        ("https://a@b@evil.example/", "it goes to evil.example"),
        ("https:///evil.example/", "more than two slashes"),
        ("https://?q=1", "no host"),
        ("https://exa\ufffdmple.org/", "no browser can go to"),
        ("https://ex%zzample.org/", "no browser can go to"),
        ("https://ex%2fample.org/", "no browser can go to"),
    ],
)
def test_addresses_that_lead_elsewhere_are_refused(address: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        urls.check(address)


def test_the_sources_page_shows_each_links_host_beside_it(fixture_copy: Path) -> None:
    sources = fixture_copy / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("https://example.org/notices/bridge?id=1&lang=en", CYRILLIC_LOOKALIKE), "utf-8")
    page = generate(fixture_copy).files()["sources.md"]
    line = html.unescape(next(line for line in page.splitlines() if "\u0435\u0445ample.org" in line))
    assert "(goes to xn--ample-ywe6i.org)" in line, line
    assert line.index("](") < line.index("xn--ample-ywe6i.org"), "the host follows the link"


def test_the_spanish_sources_page_words_the_host_in_spanish() -> None:
    page = generate(Path(__file__).parent / "fixtures" / "explicador").files()["sources.md"]
    assert "(lleva a " in page and "(goes to" not in page
