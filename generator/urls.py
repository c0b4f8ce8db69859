"""Web addresses: the host a reader's browser goes to, and addresses that mislead about it.

A reader judges a link by its host. Two things make an address go somewhere other than where it
reads: a user name or password before ``@`` (``https://example.org@evil.example/`` goes to
``evil.example``), and more than two slashes after the scheme (a browser skips them:
``https:///evil.example/`` goes to ``evil.example`` too). Both are refused, as is a host no
browser can go to. The host is read as browsers read it (the WHATWG URL standard: the host
percent-decoded, then mapped by UTS #46 without transitional processing, and each label that is
not ASCII written in Punycode), so the sources page can show where each link goes, whatever
letters its address is written in: a Cyrillic look-alike of ``example.org`` shows as ``xn--...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

import idna

_SCHEME = re.compile(r"^(https?):", re.I)
_FORBIDDEN_IN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
"""Code points the URL standard forbids in a domain once it is percent-decoded."""


@dataclass(frozen=True)
class Address:
    """An http(s) address taken apart: what comes before the host, the host as written, and where it goes."""

    scheme: str
    slashes: int
    userinfo: str | None
    """What comes before ``@`` in the authority (a user name and password), if anything."""
    host: str
    """The host as written (without the port)."""


def parse(address: str) -> Address:
    """Split an http(s) address (already checked to start with ``http://`` or ``https://``)."""
    scheme = _SCHEME.match(address)
    if scheme is None:
        raise ValueError("must be an http:// or https:// address")
    rest = address[scheme.end() :]
    slashes = len(rest) - len(rest.lstrip("/"))
    rest = rest[slashes:]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    userinfo, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):  # an IPv6 address, and perhaps a port after it
        host = hostport[: hostport.find("]") + 1] if "]" in hostport else hostport
    else:
        host = hostport.split(":", 1)[0]
    return Address(scheme[1].lower(), slashes, userinfo if at else None, host)


def _ascii_host(host: str) -> str:
    """The host a browser looks up: percent-decoded, mapped by UTS #46, Punycode where not ASCII."""
    if host.startswith("["):
        return host.lower()
    decoded = unquote(host, errors="strict")
    if _FORBIDDEN_IN_HOST.search(decoded):
        raise ValueError(host)
    try:
        mapped = idna.uts46_remap(decoded, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError) as error:
        raise ValueError(host) from error
    labels = []
    for label in mapped.split("."):
        if label.isascii():
            labels.append(label)
        else:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(labels)


def check(address: str) -> str:
    """Refuse an address whose host is not the one it shows; returns the host a browser goes to."""
    parts = parse(address)
    if parts.slashes != 2:
        goes = _ascii_host(parts.host) if parts.host else "a host of its own"
        raise ValueError(
            f"has more than two slashes after '{parts.scheme}:', so it goes to {goes}: write {parts.scheme}:// then"
            " the host"
        )
    if not parts.host:
        raise ValueError(f"has no host: write {parts.scheme}:// then the host, e.g. {parts.scheme}://example.org/")
    try:
        host = _ascii_host(parts.host)
    except ValueError:
        raise ValueError(f"has a host no browser can go to ({parts.host}): check the address") from None
    if parts.userinfo is not None:
        raise ValueError(
            f"must not carry a user name or password: it goes to {host}, not to what comes before '@'"
            f" ({parts.userinfo}@); remove that part"
        )
    return host


def reachable_host(address: str) -> str:
    """The host a browser goes to for an address :func:`check` accepts (for the sources page)."""
    return check(address)
