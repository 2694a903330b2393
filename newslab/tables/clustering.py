"""The rules that group the mentions of one real-world entity within an article.

An article names a person in full once ("Mark Rutte") and then by surname ("Rutte",
"Rutte's"); it writes "U.S." in one paragraph and "United States" in another. Counting
surface forms counts one entity several times. :func:`cluster_columns` groups mentions
with three rules, applied to each mention's ``key`` (see :func:`newslab.tables.entity_key`,
which already drops a possessive "'s"):

1. **Abbreviations**: the forms of one row of :data:`ABBREVIATIONS` group together
   ("U.S.", "US", "USA", "United States", ...).
2. **Surnames**: a one-word mention joins the multiword ``PERSON`` name that ends with that
   word ("Rutte" joins "Mark Rutte"; "Volodymyr Zelenskiy" joins "President Volodymyr
   Zelenskiy", and "Hillary Clinton" joins "Hillary Rodham Clinton": same first and last word).
   When two people share the surname ("Hillary Clinton", "Bill Clinton"), a bare "Clinton"
   joins the one mentioned last before it; before either is mentioned it joins neither, stays a
   cluster of its own and is *flagged*: :func:`unresolved_surnames` lists it with the names it
   could be, and :func:`newslab.entity_clusters` shows them in its ``ambiguous`` column. The
   one-word mention may carry another label (the model sometimes calls a surname an ``ORG``),
   but not a place or number label (``GPE``, ``LOC``, ``FAC``, ``DATE``, ...): "Washington" the
   city never joins "George Washington".
3. **Aliases** (off by default): an alias table replaces spellings word by word before the
   other rules, so transliteration variants such as "Zelensky" and "Zelenskiy" meet.
   :func:`aliases` returns the default table; edit it as a DataFrame or keep your own as a
   CSV file with the columns ``alias`` and ``canonical``. Within one article a reporter
   spells a name one way, which is why aliases are off unless you pass a table; they
   matter when articles from several outlets are compared.

A cluster's ``canonical`` name is its earliest longest mention, its ``label`` the most common
label of its mentions (ties go to the canonical mention's label), and ``disagreeing`` lists
the mentions with another label: often a sign of a model error worth a look.

The table of clusters is :func:`newslab.entity_clusters`; :func:`newslab.entities` adds
each mention's ``cluster_id`` and ``canonical``.

**Roles.** An article names a person once with their role and then by the role alone ("NATO
Secretary-General Mark Rutte ... the secretary-general said"). :func:`role_links` finds where the
article states who holds a role: a title before the name ("NATO chief Mark Rutte"), an apposition
after it ("Mark Rutte, the NATO chief,") or before it ("The NATO chief, Mark Rutte,"). It then
links every description of that role (same head noun, no word the stated role lacks) to the
holder mentioned last before it, or else to the first after it. A description that fits two
people mentioned equally near (it never is: one is nearer) links to the nearer.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from .. import columns as C
from ..errors import AliasError

__all__ = ["ABBREVIATIONS", "aliases", "add_clusters", "cluster_columns", "unresolved_surnames",
           "role_links", "RoleLink"]

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc, Token

    from ..types import PathLike



#: Forms that name the same entity; the first form of a row is only a label for the row.
ABBREVIATIONS: Final[tuple[tuple[str, ...], ...]] = (
    ("United States", "U.S.", "US", "U.S.A.", "USA", "United States of America"),
    ("United Kingdom", "U.K.", "UK"),
    ("European Union", "EU", "E.U."),
    ("United Nations", "UN", "U.N."),
    ("North Atlantic Treaty Organization", "NATO"),
    ("United Arab Emirates", "UAE", "U.A.E."),
    ("International Monetary Fund", "IMF"),
    ("World Health Organization", "WHO"),
)


#: Labels of one-word mentions that never join a person by the surname rule.
_NOT_SURNAME_LABELS: Final = frozenset(
    {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


#: Transliteration variants merged by ``aliases()`` (spelling -> the spelling used instead).
_DEFAULT_ALIASES: Final = (
    ("Zelensky", "Zelenskyy"),
    ("Zelenskiy", "Zelenskyy"),
    ("Zelenskyi", "Zelenskyy"),
    ("Kiev", "Kyiv"),
    ("Kharkov", "Kharkiv"),
    ("Odessa", "Odesa"),
    ("Lvov", "Lviv"),
    ("Nikolaev", "Mykolaiv"),
    ("Gaddafi", "Qaddafi"),
    ("Qadhafi", "Qaddafi"),
    ("Peking", "Beijing"),
)


_TITLES: Final = re.compile(r"^(?:the |mr\.? |mrs\.? |ms\.? |dr\.? )", re.I)


def aliases(path: PathLike | None = None) -> pd.DataFrame:
    """The alias table: the default transliteration variants, or your own CSV file.

    Pass the table (edited or not) to :func:`entity_clusters` or :func:`newslab.entities`
    with ``aliases=``; save an edited table with ``table.to_csv("aliases.csv", index=False)``.

    Args:
        path: A CSV file with the columns ``alias`` and ``canonical``; ``None`` for the default.

    Examples:
        >>> table = aliases()
        >>> table[table["alias"] == "Kiev"].values.tolist()
        [['Kiev', 'Kyiv']]
    """
    import pandas as pd

    if path is None:
        return pd.DataFrame(list(_DEFAULT_ALIASES), columns=list(C.ALIAS_COLUMNS))
    try:
        from ..io.tables import read_csv  # only for a CSV of one's own: io loads every format

        table = read_csv(path)
    except (OSError, ValueError) as err:
        raise AliasError(f"cannot read the alias table {os.fspath(path)}: {err}") from None
    return _checked(table, os.fspath(path))


def _checked(table: pd.DataFrame, where: str) -> pd.DataFrame:
    missing = [col for col in C.ALIAS_COLUMNS if col not in table.columns]
    if missing:
        raise AliasError(f"the alias table {where} needs the columns {list(C.ALIAS_COLUMNS)}; "
                         f"it lacks {missing}. Start from newslab.aliases().")
    return table[list(C.ALIAS_COLUMNS)].astype(str)


def _alias_map(table: pd.DataFrame | PathLike | None) -> dict[str, str]:
    if table is None:
        return {}
    import pandas as pd

    frame = _checked(table, "given") if isinstance(table, pd.DataFrame) else aliases(table)
    return {a.casefold(): c for a, c in zip(frame[C.ALIAS], frame[C.CANONICAL], strict=True)}


def _abbreviation_map() -> dict[str, int]:
    return {form.casefold(): row for row, forms in enumerate(ABBREVIATIONS) for form in forms}


def _normal(key: str, alias_map: dict[str, str]) -> str:
    key = _TITLES.sub("", key).strip()
    if alias_map:
        key = " ".join(alias_map.get(word.casefold(), word) for word in key.split())
    return key


def _group_keys(keys: list[str], labels: list[str], alias_map: dict[str, str]) -> tuple[list[str], dict[int, list[str]]]:
    """One group key per mention, in document order, and the surnames left unresolved (index -> names)."""
    abbreviations = _abbreviation_map()
    normal = [_normal(key, alias_map) for key in keys]
    full = _full_names(normal, labels)  # multiword PERSON name -> the name of its group
    by_surname: dict[str, list[str]] = {}
    for group in dict.fromkeys(full.values()):
        by_surname.setdefault(group.split()[-1], []).append(group)
    groups: list[str] = []
    last_seen: dict[str, int] = {}  # group -> the index of its latest mention so far
    unresolved: dict[int, list[str]] = {}
    for i, (name, label) in enumerate(zip(normal, labels, strict=True)):
        words = name.split()
        candidates = by_surname.get(words[-1], []) if words and label not in _NOT_SURNAME_LABELS else []
        if len(words) > 1:  # a shorter form of a longer name ("Volodymyr Zelenskiy" labelled ORG)
            candidates = [g for g in candidates if g.endswith(" " + name)]
        if name.casefold() in abbreviations:
            group = f"\0abbr{abbreviations[name.casefold()]}"
        elif name in full:
            group = full[name]
        elif len(candidates) == 1:
            group = candidates[0]
        elif candidates:
            seen = [g for g in candidates if g in last_seen]
            group = max(seen, key=last_seen.__getitem__) if seen else name
            if not seen:
                unresolved[i] = candidates
        else:
            group = name
        groups.append(group)
        last_seen[group] = i
    return groups, unresolved


def _full_names(names: list[str], labels: list[str]) -> dict[str, str]:
    """Multiword PERSON names and their group: a longer name with the same last word that ends with the
    name ("Volodymyr Zelenskiy" in "President Volodymyr Zelenskiy") or shares its first word."""
    first: dict[str, int] = {}
    for i, (name, label) in enumerate(zip(names, labels, strict=True)):
        if label == "PERSON" and " " in name:
            first.setdefault(name, i)
    by_last: dict[str, list[str]] = {}
    group: dict[str, str] = {}
    for name in sorted(first, key=lambda n: (-len(n.split()), first[n])):
        words = name.split()
        heads = by_last.setdefault(words[-1], [])
        longer = next((g for g in heads if len(g.split()) > len(words)
                       and (g.endswith(" " + name) or g.split()[0] == words[0])), None)
        group[name] = longer or name
        if longer is None:
            heads.append(name)
    return group


def unresolved_surnames(keys: list[str], labels: list[str], *, aliases: pd.DataFrame | PathLike | None = None
                        ) -> dict[int, list[str]]:
    """The one-word mentions that could be two people and were joined to neither: index -> the full names.

    Examples:
        >>> unresolved_surnames(["Clinton", "Hillary Clinton", "Bill Clinton", "Clinton"], ["PERSON"] * 4)
        {0: ['Hillary Clinton', 'Bill Clinton']}
    """
    return _group_keys(keys, labels, _alias_map(aliases))[1]


def add_clusters(table: pd.DataFrame, *, aliases: pd.DataFrame | PathLike | None = None
                 ) -> pd.DataFrame:
    """Add ``cluster_id`` and ``canonical`` columns to an entity table (rows in document order).

    Clusters are numbered from 0 in order of first mention. :func:`newslab.entities` calls this.

    Examples:
        >>> import newslab
        >>> from newslab.tables import entities
        >>> table = entities(newslab.analyze("Mayor Lena Brandt met Brandt's staff."))
        >>> table[["text", "cluster_id", "canonical"]].values.tolist()
        [['Lena Brandt', 0, 'Lena Brandt'], ['Brandt', 0, 'Lena Brandt']]
    """
    table = table.copy()
    ids, canonical = cluster_columns(table[C.KEY].astype(str).tolist(), table[C.LABEL].astype(str).tolist(),
                                     aliases=aliases)
    table[C.CLUSTER_ID] = ids
    table[C.CANONICAL] = canonical
    return table.astype({C.CLUSTER_ID: "int64", C.CANONICAL: "object"})


def cluster_columns(keys: list[str], labels: list[str], *, aliases: pd.DataFrame | PathLike | None = None
                    ) -> tuple[list[int], list[str]]:
    """The ``cluster_id`` and ``canonical`` of each mention, given their keys and labels in document order.

    Examples:
        >>> cluster_columns(["Mark Rutte", "NATO", "Rutte"], ["PERSON", "ORG", "PERSON"])
        ([0, 1, 0], ['Mark Rutte', 'NATO', 'Mark Rutte'])
        >>> cluster_columns(["Hillary Clinton", "Bill Clinton", "Clinton"], ["PERSON"] * 3)[0]
        [0, 1, 1]
    """
    groups, _ = _group_keys(keys, labels, _alias_map(aliases))
    ids: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for group, key in zip(groups, keys, strict=True):
        ids.setdefault(group, len(ids))
        if len(key) > len(canonical.get(group, "")):
            canonical[group] = key
    return [ids[group] for group in groups], [canonical[group] for group in groups]


# --- roles: "the secretary-general" is the person the article names in that role ---------------------

_ROLE_LEFTS: Final = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "det"})


@dataclass(frozen=True)
class RoleLink:
    """A description of a role ("the NATO chief") and the person the article names in it."""

    start_char: int
    end_char: int
    text: str
    cluster_id: int
    canonical: str


def role_links(doc: Doc, table: pd.DataFrame) -> list[RoleLink]:
    """Every definite description of a role the article says a person holds, linked to that person.

    Args:
        doc: The parsed article.
        table: Its entity table (:func:`newslab.entities`), whose ``PERSON`` clusters hold the roles.

    Examples:
        >>> import newslab
        >>> doc = newslab.analyze("Mayor Lena Brandt opened the bridge. The mayor thanked the engineers.")
        >>> [(link.text, link.canonical) for link in role_links(doc, newslab.entities(doc))]
        [('Mayor', 'Lena Brandt'), ('The mayor', 'Lena Brandt')]
    """
    persons = [(int(s), int(e), int(c), str(n)) for s, e, c, n, label in
               zip(table[C.START_CHAR], table[C.END_CHAR], table[C.CLUSTER_ID], table[C.CANONICAL], table[C.LABEL],
                   strict=True) if label == "PERSON"]
    owner: dict[int, tuple[int, str]] = {}
    for start, end, cid, name in persons:
        span = doc.char_span(start, end, alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            owner[i] = (cid, name)
    stated = _stated_roles(doc, owner)
    if not stated:
        return []
    heads = {head for head, _, _ in stated}
    starts: dict[int, list[int]] = {}
    for start, _, cid, _ in sorted(persons):
        starts.setdefault(cid, []).append(start)
    links = []
    for token in doc:
        role = _role_words(token) if token.i not in owner and _role_head(token) in heads else None
        holder = _holder(role, token, stated, starts) if role is not None else None
        if holder is not None:
            span = doc[_role_start(token):token.i + 1]
            links.append(RoleLink(span.start_char, span.end_char, span.text, *holder))
    return links


def _stated_roles(doc: Doc, owner: dict[int, tuple[int, str]]) -> list[tuple[str, frozenset[str], tuple[int, str]]]:
    """(head, words, holder) of each role the article states: "Mayor Lena Brandt", "Brandt, the mayor,"."""
    stated = []
    for token in doc:
        if token.i in owner or token.pos_ not in ("NOUN", "PROPN"):
            continue
        named: Token | None
        words: frozenset[str] | None
        if token.i + 1 in owner and token.head.i in owner and token.dep_ in ("compound", "nmod", "amod"):
            named = token.head  # a title: "NATO's new Secretary-General | Mark Rutte"
            first = token.i + 1
            words = _words([doc[i] for i in range(named.left_edge.i, first)])
        else:
            named = next((t for t in token.children if t.dep_ == "appos" and t.i in owner), None)
            if named is None and token.dep_ == "appos" and token.head.i in owner:
                named = token.head
            words = _role_words(token) if named is not None else None
        if named is not None and words:
            stated.append((_role_head(token), words, owner[named.i]))
    return stated


def _words(tokens: list[Token]) -> frozenset[str]:
    return frozenset(part for t in tokens if not (t.is_punct or t.dep_ in ("det", "case", "prep") or t.tag_ == "POS")
                     for part in t.lower_.rstrip(".").split("-") if part)


def _role_head(token: Token) -> str:
    return token.lower_.rsplit("-", 1)[-1].rstrip(".")


def _role_start(token: Token) -> int:
    doc = token.doc
    start = token.i
    while start > 0 and (doc[start - 1].head.i == token.i or doc[start - 1].head.i >= start) \
            and doc[start - 1].dep_ in _ROLE_LEFTS and doc[start - 1].ent_type_ != "PERSON":
        start -= 1
    return start


def _role_words(token: Token) -> frozenset[str] | None:
    """The words of a role description, or ``None`` when it is indefinite ("a mayor")."""
    doc = token.doc
    start = _role_start(token)
    tokens = [doc[i] for i in range(start, token.i + 1)]
    tokens += [t for child in token.rights if child.dep_ == "prep" and child.lower_ == "of" for t in child.subtree]
    if any(t.dep_ == "det" and t.lower_ in ("a", "an", "another", "every", "each", "any") for t in tokens):
        return None
    return _words(tokens)


def _holder(role: frozenset[str], token: Token, stated: list[tuple[str, frozenset[str], tuple[int, str]]],
            starts: dict[int, list[int]]) -> tuple[int, str] | None:
    """The holder of a fitting stated role mentioned last before the description, else first after it."""
    from bisect import bisect_left

    head = _role_head(token)
    names = {holder[0]: holder[1] for h, words, holder in stated if h == head and role <= words}
    before, after = [], []
    for cid in names:
        at = starts.get(cid, [])
        i = bisect_left(at, token.idx)
        if i:
            before.append((at[i - 1], cid))
        if i < len(at):
            after.append((at[i], cid))
    chosen = max(before)[1] if before else min(after)[1] if after else None
    return (chosen, names[chosen]) if chosen is not None else None
