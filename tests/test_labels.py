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


def test_every_part_kind_has_its_colour_and_page_furniture_shares_one():
    from newslab import columns as C
    from newslab.labels import PART_COLORS, part_color

    assert set(C.PART_KINDS) == set(PART_COLORS)
    furniture = {C.PROMO, C.RELATED, C.AD, C.NEWSLETTER, C.EDITOR_NOTE, C.AUDIO, C.SOURCE_LINE, C.AUTHOR,
                 C.BOILERPLATE, C.SKIPPED, C.REPEATED_HEADLINE}
    assert len({part_color(kind) for kind in furniture}) == 1
    assert part_color(C.PARAGRAPH) not in {part_color(kind) for kind in furniture}
