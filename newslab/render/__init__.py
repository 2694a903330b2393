"""HTML views of an article: entities, dependencies, structure, keyword in context, disagreements, quotes."""

from .html import (
    HTML,
    dependencies_html,
    disagreements_html,
    entities_html,
    kwic_html,
    structure_html,
)

__all__ = ["HTML", "entities_html", "dependencies_html", "structure_html", "kwic_html", "disagreements_html"]
