"""Turn an incident's YAML records into the Markdown pages and figure data of an explainer site.

The pipeline runs one way, one module per stage::

    load -> validate -> link -> render -> write

`generator.pipeline` strings the stages together; `generator.mkdocs_plugin` is the only module that
knows about MkDocs.
"""

__version__ = "0.1.0"
