"""Error analysis of ``bench/quotes.py``: why gold statements were missed, which rules were wrong.

Every missed gold statement gets exactly one construction, the first of these that applies:

=========================  ===================================================================
``outside-body``           its content is outside the body newslab reads (a headline, a subhead)
``colon``                  the cue is a colon ("Poll: ...", interview "Q:"/"A:")
``according-to``           "according to X"
``passive-quoted``         "was quoted as saying", "is quoted"
``noun-cue``               the speech word is a noun ("in a statement", "his claim that")
``unknown-verb``           the speech verb is not in newslab's cue lexicon (``newslab.attribution.cues``)
``unread-quote-marks``     quotation marks newslab does not read: two apostrophes (''...'', as the
                           New York Times copy in PolNeAR writes them) or single quotes (‘...’)
``other-paragraph``        the content starts in another paragraph than the cue (continuations)
``participle``             ", adding that ...", ", saying ...": the cue is an -ing clause
``mixed-quote``            reported speech holding a partial quotation ("said he was "sure"")
``direct:<how>``           a direct quotation with a known verb, missed anyway: ``cue-in-other-sentence``
                           (the parser ended the sentence inside the quotation: "...!" he said),
                           or by how the content hangs on the verb (below)
``reported:<how>``         reported speech with a known verb, missed anyway, by how the content
                           hangs on the verb in the parse: ``clause`` (ccomp), ``object`` (dobj or
                           a preposition's object), ``xcomp`` ("promised to ..."),
                           ``parenthetical`` (the cue inside the content: "X, she said, Y"; "As
                           X noted, Y"), ``other-sentence``, ``other``
=========================  ===================================================================

Speakers are typed from the gold source span: ``pronoun``, ``relative`` (who, that),
``person`` (a PERSON entity), ``org/norp/gpe`` (such an entity), ``role`` (any other noun phrase:
"the spokeswoman", "sources", "a poll").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import _attribution_metrics as M

from newslab.attribution.cues import frames

_DOUBLE = "\"“”«»„"


def construction(statement: M.Statement, doc: Any, outside: str) -> str:
    """The construction that explains a missed gold statement (see the module's table)."""
    if outside:
        return "outside-body"
    word = statement.label
    if word in (":", "according to"):
        return "colon" if word == ":" else "according-to"
    cue = _tokens(doc, statement.cue)
    if any(t.lemma_.lower() == "quote" and t.tag_ == "VBN" for t in cue):
        return "passive-quoted"
    head = next((t for t in cue if t.lemma_.lower() == word), cue[0] if cue else None)
    if head is None:
        return "other"
    if head.pos_ in ("NOUN", "PROPN"):
        return "noun-cue"
    if not frames(word):
        return "unknown-verb"
    text = doc.text
    core = _trimmed(text, statement.content)
    if "''" in core or _between(core, "‘'", "’'"):
        return "unread-quote-marks"
    start = statement.content[0][0]
    if "\n" in text[min(start, head.idx):max(start, head.idx)]:
        return "other-paragraph"
    if head.tag_ == "VBG" and head.i > 0 and doc[cue[0].i - 1].text == ",":
        return "participle"
    direct = _between(core, _DOUBLE, _DOUBLE)
    if any(m in core for m in _DOUBLE) and not direct:
        return "mixed-quote"
    how = relation(statement, doc, head)
    if direct:
        content = _tokens(doc, statement.content)
        if head.sent.start not in (content[0].sent.start, content[-1].sent.start):
            return "direct:cue-in-other-sentence"
        return "direct:" + _COARSE.get(how.split(":")[0], "other")
    return "reported:" + _COARSE.get(how.split(":")[0], "other")


def _between(core: str, opening: str, closing: str) -> bool:
    return bool(core) and core[0] in opening and core[-1] in closing


_COARSE = {"ccomp": "clause", "dobj": "object", "prep": "object", "pobj": "object", "xcomp": "xcomp",
           "cue-inside": "parenthetical", "other-sentence": "other-sentence"}


def relation(statement: M.Statement, doc: Any, head: Any) -> str:
    """How the content hangs on the cue word in the parse."""
    content = [t for t in _tokens(doc, statement.content) if not (t.is_punct or t.is_space)]
    if not content:
        return "none"
    inside = {t.i for t in content}
    roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    cue = {t.i for t in _tokens(doc, statement.cue)}
    for root in roots:
        if root.head.i == head.i:
            return root.dep_
        if root.head.i in cue and root.head.head.i == head.i:
            return f"{root.dep_}:{root.head.lower_}" if root.head.dep_ != "prep" else f"prep:{root.head.lower_}"
    if any(a.i in inside for a in head.ancestors):
        return "cue-inside"
    if content[0].sent.start != head.sent.start:
        return "other-sentence"
    return "other"


def speaker_type(statement: M.Statement, doc: Any) -> str:
    """The kind of the gold source: pronoun, relative, person, org/norp/gpe or role."""
    tokens = [t for t in _tokens(doc, statement.speaker) if not t.is_punct]
    if not tokens:
        return "none"
    if len(tokens) == 1 and tokens[0].lower_ in ("who", "that", "which"):
        return "relative"
    if all(t.pos_ == "PRON" or t.tag_ == "PRP$" for t in tokens):
        return "pronoun"
    labels = {t.ent_type_ for t in tokens if t.ent_type_}
    if "PERSON" in labels:
        return "person"
    if labels & {"ORG", "NORP", "GPE"}:
        return "org/norp/gpe"
    return "role"


def error_report(docs: list, *, top: int = 20) -> list[str]:
    """The error analysis of one split's scored documents (``quotes.run``)."""
    misses, by_type, found_by_type = Counter(), Counter(), Counter()
    words: dict[str, Counter[str]] = {}
    for d in docs:
        for g, found, outside in zip(d.gold, d.judged.gold_found, d.outside):
            kind = speaker_type(g, d.doc)
            by_type[kind] += 1
            found_by_type[kind] += found
            if not found:
                c = construction(g, d.doc, outside)
                misses[c] += 1
                words.setdefault(c, Counter())[g.label] += 1
    n_miss = sum(misses.values())
    lines = ["", f"missed gold statements by construction ({n_miss})"]
    lines += [f"  {c:<28} {n:>5}  {n / n_miss:6.1%}" for c, n in misses.most_common()]
    lines += ["", f"missed for an unknown verb: top {top} lemmas"]
    lines += [f"  {v:<16} {n:>5}" for v, n in words.get("unknown-verb", Counter()).most_common(top)]
    lines += ["", "cue words of the other constructions with 50 misses or more"]
    lines += [f"  {c}: " + ", ".join(f"{w} {n}" for w, n in words[c].most_common(8))
              for c, n in misses.most_common() if n >= 50 and c != "unknown-verb"]
    lines += ["", "partial recall by gold speaker type"]
    lines += [f"  {k:<14} {by_type[k]:>5} {found_by_type[k]:>5} {found_by_type[k] / by_type[k]:.2f}"
              for k, _ in by_type.most_common()]
    lines += _prediction_errors(docs) + _pair_errors(docs)
    return lines


def _prediction_errors(docs: list) -> list[str]:
    scored, wrong, why = Counter(), Counter(), Counter()
    for d in docs:
        text = d.article.text
        for p, row, status in zip(d.pred, d.rows, d.judged.pred_status):
            if status != "ignored":
                rule = p.label.split("+")[0]
                scored[rule] += 1
                wrong[rule] += status == "wrong"
            if status == "wrong":
                why[_wrong_kind(text, p, row)] += 1
    lines = ["", f"wrong predictions by rule ({sum(wrong.values())} of {sum(scored.values())}: "
             "rule wrong scored precision)"]
    lines += [f"  {r:<22} {wrong[r]:>5} {n:>5} {1 - wrong[r] / n:.3f}" for r, n in
              sorted(scored.items(), key=lambda kv: -wrong[kv[0]])]
    lines += ["  what they are: " + ", ".join(f"{k} {n}" for k, n in why.most_common())]
    return lines


def _wrong_kind(text: str, pred: M.Statement, row: dict) -> str:
    content = " ".join(text[s:e] for s, e in pred.content)
    if any(c in content + row["speaker"] for c in "<>@") or "tweet" in row["speaker"]:
        return "markup or handle"
    if row["kind"] == "direct" and len(content.split()) <= 3:
        return "short quotation (a title, name or scare quote)"
    return "direct, longer" if row["kind"] == "direct" else "reported"


def _pair_errors(docs: list) -> list[str]:
    """Among one-to-one pairs: how contents differ when not exact, and speakers that miss."""
    shape, speaker, speaker_kind = Counter(), Counter(), Counter()
    lead = Counter()
    for d in docs:
        text = d.article.text
        for g, p in d.judged.pairs:
            gold, pred = d.gold[g], d.pred[p]
            gc, pc = M.core(text, gold.content), M.core(text, pred.content)
            if gc != pc:
                shape[_difference(text, gold, pred, d.rows[p]["kind"])] += 1
                if pc < gc and min(gc) < min(pc):
                    lead[_first_word(text, min(gc))] += 1
            if gold.speaker and M.overlap(gold.speaker, pred.speaker) == 0:
                speaker[pred.label.split("+")[0] + ("+pronoun" if "+pronoun" in pred.label else "")] += 1
                speaker_kind[speaker_type(gold, d.doc)] += 1
    lines = ["", f"pairs whose content is not exact ({sum(shape.values())})"]
    lines += [f"  {s:<58} {n:>5}" for s, n in shape.most_common()]
    lines += ["  first gold words the prediction leaves out at the start: "
              + ", ".join(f"{w} {n}" for w, n in lead.most_common(12))]
    lines += ["", f"pairs whose speaker does not overlap the gold source ({sum(speaker.values())}), by rule"]
    lines += [f"  {r:<28} {n:>5}" for r, n in speaker.most_common()]
    lines += ["  by gold speaker type: " + ", ".join(f"{k} {n}" for k, n in speaker_kind.most_common())]
    return lines


def _difference(text: str, gold: M.Statement, pred: M.Statement, kind: str) -> str:
    """Why a paired prediction's content is not exact: the first of these reasons that holds."""
    gc, pc = M.core(text, gold.content), M.core(text, pred.content)
    if M.core(text, gold.content, drop_that=True) == M.core(text, pred.content, drop_that=True):
        return "only a leading 'that'"
    core = _trimmed(text, gold.content)
    if kind == "direct" and any(m in core for m in _DOUBLE) and not _between(core, _DOUBLE, _DOUBLE):
        return "mixed: the quoted part taken for the whole statement"
    if pc < gc and pc and "\n" in text[max(pc):max(gc)]:
        return "prediction shorter: the gold runs on into later paragraphs"
    if pc < gc and len(gold.content) > len(pred.content) and len(gold.content) > 1:
        return "prediction shorter: misses a piece of a split statement"
    return _shape(gc, pc)


def _shape(gold: frozenset[int], pred: frozenset[int]) -> str:
    if not gold or not pred:
        return "empty"
    if pred < gold:
        start, end = min(pred) > min(gold), max(pred) < max(gold)
        return "prediction shorter: " + ("start and end" if start and end else "start" if start else
                                         "end" if end else "inside")
    if pred > gold:
        start, end = min(pred) < min(gold), max(pred) > max(gold)
        return "prediction longer: " + ("start and end" if start and end else "start" if start else
                                        "end" if end else "inside")
    return "partly different"


def _first_word(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end].lower()


def _tokens(doc: Any, pieces: M.Pieces) -> list:
    return [t for s, e in pieces for t in (doc.char_span(s, e, alignment_mode="expand") or ())]


def _trimmed(text: str, pieces: M.Pieces) -> str:
    return " ".join(text[s:e] for s, e in pieces).strip(" \n\t.,;:!?—–-")
