from __future__ import annotations

import pytest

from newslab.errors import UnknownLabelError
from newslab.labels import LABELS, PALETTE, check_labels, describe_label, label_color


def test_every_label_has_a_colour_and_a_description():
    assert set(PALETTE) == set(LABELS) and len(LABELS) == 18
    assert all(describe_label(label) != "Not an OntoNotes label" for label in LABELS)


def test_palette_is_tol_light():
    tol_light = {"#77AADD", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#EEDD88", "#EE8866", "#FFAABB", "#DDDDDD"}
    assert set(PALETTE.values()) <= tol_light
    main = ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "DATE"]
    assert len({label_color(label) for label in main}) == len(main)


def test_unknown_labels_are_named():
    with pytest.raises(UnknownLabelError, match="PLACE"):
        check_labels(["GPE", "PLACE"])
