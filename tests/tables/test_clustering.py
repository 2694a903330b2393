"""Roles and shared surnames (newslab.tables.clustering) on CONSTRUCTED text: invented people and places."""

from __future__ import annotations

import pytest

import newslab
from newslab.tables.clustering import role_links, unresolved_surnames


def _links(text):
    doc = newslab.analyze(text)
    return [(link.text, link.canonical) for link in role_links(doc, newslab.entities(doc))]


@pytest.mark.parametrize(("text", "description", "holder"), [
    ("The Riverton water board's new Chief Engineer Ida Moreau inspected the dam. The chief engineer said it held.",
     "The chief engineer", "Ida Moreau"),
    ("Tomas Herrera, the council treasurer, objected. The treasurer said the budget was short.",
     "The treasurer", "Tomas Herrera"),
    ("The harbour master, Petra Lind, closed the port. Later the harbour master reopened it.",
     "the harbour master", "Petra Lind"),
    ("Mayor Lena Brandt opened the bridge. The mayor thanked the engineers.", "The mayor", "Lena Brandt"),
])
def test_a_role_links_to_the_person_the_article_names_in_it(nlp, text, description, holder):
    assert (description, holder) in _links(text)


def test_a_role_goes_to_the_holder_mentioned_last_before_it(nlp):
    text = ("Mayor Lena Brandt of Riverton met Mayor Oskar Vance of Millbrook. Vance spoke first. "
            "The mayor said the river was rising.")
    assert ("The mayor", "Oskar Vance") in _links(text)


def test_an_indefinite_or_other_role_links_to_nobody(nlp):
    links = _links("Mayor Lena Brandt opened the bridge. A mayor from the north was absent. The treasurer left.")
    assert [text for text, _ in links if text.lower() != "mayor"] == []


def test_a_role_with_a_word_the_stated_role_lacks_links_to_nobody(nlp):
    links = _links("Mayor Lena Brandt opened the bridge. The former mayor was absent.")
    assert "The former mayor" not in [text for text, _ in links]


def test_unresolved_surnames_name_the_people_they_could_be():
    keys = ["Vance", "Oskar Vance", "Greta Vance", "Vance"]
    assert unresolved_surnames(keys, ["PERSON"] * 4) == {0: ["Oskar Vance", "Greta Vance"]}
