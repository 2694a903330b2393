"""The rules that group the mentions of one real-world entity within an article.

An article names a person in full once ("Mark Rutte") and then by surname ("Rutte",
"Rutte's"); it writes "U.S." in one paragraph and "United States" in another. Counting
surface forms counts one entity several times. :func:`cluster_columns` groups mentions
with three rules, applied to each mention's ``key`` (see :func:`newslab.tables.entity_key`,
which already drops a possessive "'s"):

1. **Abbreviations**: the forms of one row of :data:`ABBREVIATIONS` group together
   ("U.S.", "US", "USA", "United States", ...).
2. **Surnames**: a one-word mention joins the earliest, longest multiword ``PERSON`` name
   that ends with that word ("Rutte" joins "Mark Rutte"). The one-word mention may carry
   another label (the model sometimes calls a surname an ``ORG``), but not a place or
   number label (``GPE``, ``LOC``, ``FAC``, ``DATE``, ...): "Washington" the city never joins
   "George Washington".
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
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Final

from .. import columns as C
from ..errors import AliasError

__all__ = ["ABBREVIATIONS", "aliases", "add_clusters", "cluster_columns"]

if TYPE_CHECKING:
    import pandas as pd

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


def _group_keys(keys: list[str], labels: list[str], alias_map: dict[str, str]) -> list[str]:
    """One group key per mention, in document order."""
    abbreviations = _abbreviation_map()
    normal = [_normal(key, alias_map) for key in keys]
    full_names: dict[str, str] = {}  # surname -> earliest longest multiword PERSON name
    for name, label in zip(normal, labels, strict=True):
        words = name.split()
        if label == "PERSON" and len(words) > 1 and len(words) > len(full_names.get(words[-1], "").split()):
            full_names[words[-1]] = name
    groups = []
    for name, label in zip(normal, labels, strict=True):
        if name.casefold() in abbreviations:
            groups.append(f"\0abbr{abbreviations[name.casefold()]}")
        elif name in full_names and label not in _NOT_SURNAME_LABELS:
            groups.append(full_names[name])
        elif len(name.split()) > 1 and full_names.get(name.split()[-1], "").endswith(" " + name):
            groups.append(full_names[name.split()[-1]])  # "Volodymyr Zelenskiy" in "President Volodymyr Zelenskiy"
        else:
            groups.append(name)
    return groups


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
    """
    groups = _group_keys(keys, labels, _alias_map(aliases))
    ids: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for group, key in zip(groups, keys, strict=True):
        ids.setdefault(group, len(ids))
        if len(key) > len(canonical.get(group, "")):
            canonical[group] = key
    return [ids[group] for group in groups], [canonical[group] for group in groups]
