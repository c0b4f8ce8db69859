"""Templates compiled once per process.

Every build makes new Jinja environments (the page templates', MkDocs' theme environment), and
compiling their fifty-odd templates took 0.36 s of a 0.83 s build of a small explainer. Kept here,
the code compiled by the first build serves every later one in the same process: a live preview's
rebuilds after each edit, each language of a translated site. Jinja compares each template's source
with the checksum kept beside its code, so a template edited since (a site's override, say) is
compiled again.

An environment takes the cache of its kind (:func:`cache_for`): the code a template compiles to
depends on the environment's settings (its syntax, escaping, extensions and filters), which are
the same for every environment of one kind, made by one piece of code.
"""

from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates of one kind of environment, in memory: ``code`` maps a template to the
    checksum of the source it was compiled from and the code."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.code: dict[str, tuple[str, CodeType]] = {}

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Bucket:
        # The environment's extensions (they change what a template compiles to), its name and file.
        key = "\n".join([",".join(sorted(environment.extensions)), name, filename or ""])
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self.code.clear()


CACHES: dict[str, CompiledTemplates] = {}
"""Each kind's compiled templates, for the life of the process."""


def cache_for(kind: str) -> CompiledTemplates:
    """The compiled templates of environments of ``kind`` ("pages", "theme mkdocs"...)."""
    if kind not in CACHES:
        CACHES[kind] = CompiledTemplates(kind)
    return CACHES[kind]
