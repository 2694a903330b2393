"""Tidy tables of a parsed article: tokens, sentences, entity mentions, noun chunks, structure and grammar."""

from .parse import entities, entity_counts, entity_key, label_counts, noun_chunks, sentence_span, sentences, tokens

__all__ = ["tokens", "sentences", "entities", "entity_counts", "label_counts", "noun_chunks", "entity_key",
           "sentence_span"]
