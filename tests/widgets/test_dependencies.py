from __future__ import annotations

import newslab


def test_slider_and_trait_stay_in_step(seed_doc):
    viewer = newslab.DependencyViewer(seed_doc, sent_id=3)
    assert viewer._slider.value == 3 and "Mark Rutte" in viewer.sentence_text
    viewer._slider.value = 5  # what the browser does
    assert viewer.sent_id == 5 and "<svg" in viewer._tree.value
    viewer.sent_id = 10_000
    assert viewer.sent_id == len(newslab.sentences(seed_doc)) - 1


def test_viewer_escapes_text():
    viewer = newslab.DependencyViewer(newslab.analyze("He wrote <script>x</script> today."))
    assert "<script>" not in viewer._text.value and "<script>" not in viewer._tree.value
    assert "newslab-dependency-viewer" in viewer._dom_classes
