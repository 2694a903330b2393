"""Parse the article once with the full edition and keep what the lite notebooks ask of the parse.

:func:`precompute` gives a :class:`~newslab.precomputed.LiteDoc`: every table of
:data:`newslab.columns.LITE_TABLES`, the entity view, the dependency tree of each sentence, and the
facts each exercise of notebooks 01 to 06 is checked against. ``newslab lite build`` writes it into
the site (:func:`newslab.io.tables.write_lite`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..columns import LITE_TABLES, META_KEY
from ..precomputed import LiteDoc, call_key

if TYPE_CHECKING:
    from ..types import ArticleSource

__all__ = ["precompute", "LITE_NOTEBOOKS", "table_functions"]

#: The notebooks the lite edition has (07, many articles, needs the corpus engine).
LITE_NOTEBOOKS = ("01", "02", "03", "04", "05", "06")


def table_functions() -> dict[str, Callable[..., Any]]:
    """Each table of :data:`~newslab.columns.LITE_TABLES` and the function that makes it from a ``Doc``."""
    from ..attribution.share import voices
    from ..attribution.statements import quotes
    from ..tables import grammar, mentions, parse, structure

    found = {"quotes": quotes, "voices": voices}
    for module in (parse, mentions, structure, grammar):
        found.update({name: getattr(module, name) for name in LITE_TABLES if hasattr(module, name)})
    return {name: found[name] for name in LITE_TABLES}


def _exercise_facts(article: Any) -> dict[str, Any]:
    from ..exercises import Context, registry
    from ..exercises.checks import exercise_facts

    ctx = Context(article)
    return {id_: exercise_facts(item, ctx) for id_, item in sorted(registry().items())
            if item.notebook in LITE_NOTEBOOKS}


def precompute(source: ArticleSource = None) -> LiteDoc:
    """Parse ``source`` (the article in use by default) and keep what the lite edition needs.

    Examples:
        >>> doc = precompute()
        >>> doc.result("entities").equals(__import__("newslab").entities(__import__("newslab").analyze()))
        True
    """
    from ..render.html import dependencies_html, entities_html
    from ..tables.parse import sentence_span
    from ..text.article import load_article
    from ..text.pipeline import analyze

    article = load_article(source)
    doc = analyze(article)
    results: dict[str, Any] = {name: function(doc) for name, function in table_functions().items()}
    results["entities_html"] = entities_html(doc)
    for sent_id in results["sentences"]["sent_id"]:
        results[call_key("dependencies_html", (int(sent_id),))] = dependencies_html(sentence_span(doc, int(sent_id)))
    return LiteDoc(doc.text, meta=doc.user_data.get(META_KEY, {}), results=results,
                   facts={"exercises": _exercise_facts(article)})
