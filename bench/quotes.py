"""PolNeAR: ``newslab.quotes`` against PolNeAR's speech attributions that have a source.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is 1,008 US political news articles of 2016
with every attribution annotated as source, cue and content spans (brat standoff files). It
has no stated licence, so newslab ships none of it; fetch it yourself:

    git clone https://github.com/networkdynamics/PolNeAR /tmp/PolNeAR
    python bench/quotes.py --polnear /tmp/PolNeAR [--split train|dev|test] [--processes 2]
    python bench/quotes.py --explain          # the definitions of every figure

``--polnear`` also takes a bare git directory of the repository. The splits are PolNeAR's
own: train is the first ten months of coverage, dev the eleventh, test the twelfth. Use
train to develop, dev to choose, and test only for the figure you report.

Every article is parsed with ``newslab.analyze_many`` and read by ``newslab.quotes``; its
statements are scored against the gold speech attributions with a source (``--explain``
says which those are and how they are matched). ``--errors`` adds the error analysis
(missed statements by construction, wrong predictions by rule, examples) and ``--lexicon
FILE`` writes the split's gold cue words with their counts; neither runs on test.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import _attribution_metrics as M
import _polnear as P

import newslab as nl

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

EXPLAIN = f"""\
The gold set: PolNeAR's attributions (one annotator per article: the first the metadata lists)
that have a source and a speech cue. A cue is of speech when one of its words has a lemma among
{len(P.SPEECH_VERBS)} verbs of saying (said, told, wrote, argued, warned, criticized, ...) or
{len(P.SPEECH_NOUNS)} nouns of speech events ("in a statement", "his remarks"), when it is
"according to", or when it holds a colon (a title's "Brandt: ..."); see bench/_polnear.py. Beliefs,
perceptions, intentions and support ("thinks", "showed", "wants", "endorsed") are attributions
in PolNeAR but not speech: predictions that overlap only such an attribution (or one without a
source) are ignored, neither right nor wrong.

A prediction is a *statement*: the newslab.quotes rows that share a cue (the same cue_start and
cue_end) taken together, their contents as the pieces of one content. newslab writes one row per
piece of a split quotation ('"We will," Brandt said, "rebuild."'), per quotation continued after
its attribution, and per piece of reported speech around a parenthetical cue ("The dam, she said,
is safe"); PolNeAR annotates each of these as ONE attribution with a discontinuous content. The
"per row" figures score each row as its own statement instead (issue 19's 0.75-0.76 one-to-one F1
was measured that way): a correct split quotation then counts one right and one wrong prediction.

The figures the targets of issue 19 are stated in:
- one-to-one F1 over statements (rows grouped by cue), precision and recall of the same matching;
- speaker overlap, lenient (below);
- exact content recall with a leading "that" aside: newslab's content is documented without the
  complementizer "that" (the seed's gold is written so), PolNeAR's includes it (2,302 of 2,326
  contents on train that start at or right after a "that"); the strict figure is printed beside it.

{M.DEFINITIONS}
Per-cue recall: partial recall by the gold cue's speech word (its lemma; the cue's syntactic
head when it is one, so "goes on to say" counts as "say"); "said/says/told" are the lemmas
{", ".join(sorted(P.SAID))}.

newslab reads only the body: gold statements outside it (a headline or subhead, as newslab's
loader reads the text) are counted, and their number is printed. PolNeAR's first line is the
title; it ends with a full stop, so the loader mostly reads it as a body paragraph."""


@dataclass
class _Doc:
    article: P.Article
    gold: list[M.Statement]
    pred: list[M.Statement]
    rows: list[dict]
    judged: M.Judged
    ignored: list[M.Statement]
    outside: list[str]  # per gold statement: the part kind when outside the body, else ""
    records: list[dict] = field(default_factory=list)  # every newslab.quotes row
    doc: object = field(repr=False, default=None)


def gold_statements(article: P.Article, doc) -> tuple[list[M.Statement], list[M.Statement], Counter]:
    """The evaluated statements (speech, with a source), the ignored ones (every other attribution),
    and the cue words of the attributions with a source: ``(lemma, speech) -> count``."""
    gold, ignored, cues = [], [], Counter()
    for a in article.attributions:
        if not a.content:
            continue
        word, speech = P.cue_word(_tokens(doc, a.cue))
        statement = M.Statement(a.content, a.source, a.cue, word, _antecedent(doc, a.source))
        (gold if speech and a.source else ignored).append(statement)
        if a.source:
            cues[word, speech] += 1
    return gold, ignored, cues


def _tokens(doc, pieces: P.Pieces) -> list:
    return [t for s, e in pieces for t in (doc.char_span(s, e, alignment_mode="expand") or ())]


def _antecedent(doc, source: P.Pieces) -> P.Pieces:
    """The noun phrase a relative-pronoun source stands for ("Brandt" for "who"), if the parse says."""
    tokens = [t for t in _tokens(doc, source) if not t.is_punct]
    if len(tokens) != 1 or tokens[0].lower_ not in ("who", "that", "which", "whom"):
        return ()
    clause = next((t for t in tokens[0].ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return ()
    noun = clause.head
    return ((doc[noun.left_edge.i].idx, noun.idx + len(noun)),)


def predicted_statements(table) -> tuple[list[M.Statement], list[dict], list[dict]]:
    """newslab.quotes rows grouped by their cue: one statement per cue, its first row, and all rows."""
    groups: dict[tuple[int, int], list[dict]] = defaultdict(list)
    records = table.to_dict("records")
    for row in records:
        groups[row["cue_start"], row["cue_end"]].append(row)
    statements, firsts = [], []
    for (cue_start, cue_end), rows in groups.items():
        first = rows[0]
        content = tuple(sorted((r["content_start"], r["content_end"]) for r in rows))
        statements.append(M.Statement(content, ((first["speaker_start"], first["speaker_end"]),),
                                      ((cue_start, cue_end),), first["rule"]))
        firsts.append(first)
    return statements, firsts, records


def _outside(doc, gold: list[M.Statement]) -> list[str]:
    parts = [(span.start_char, span.end_char, span.label_) for span in doc.spans.get("newslab_parts", ())]
    kinds = []
    for g in gold:
        start = g.content[0][0]
        kind = next((k for s, e, k in parts if s <= start < e), "paragraph")
        kinds.append("" if kind == "paragraph" else kind)
    return kinds


def run(articles: list[P.Article], *, processes: int = 1
        ) -> tuple[M.Scores, list[_Doc], Counter[tuple[str, bool]], dict[str, float]]:
    scores = M.Scores()
    docs: list[_Doc] = []
    timing: Counter[str] = Counter()
    cues: Counter[tuple[str, bool]] = Counter()
    start = time.perf_counter()
    parsed = nl.analyze_many((a.text for a in articles), n_process=processes)
    for article, doc in zip(articles, parsed):
        t = time.perf_counter()
        table = nl.quotes(doc)
        timing["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        gold, ignored, found = gold_statements(article, doc)
        cues.update(found)
        pred, rows, records = predicted_statements(table)
        judged = M.score_document(scores, article.text, gold, pred, ignored)
        docs.append(_Doc(article, gold, pred, rows, judged, ignored, _outside(doc, gold), records, doc))
        timing["score"] += time.perf_counter() - t
    timing["parse"] = time.perf_counter() - start - timing["quotes"] - timing["score"]
    return scores, docs, cues, dict(timing)


def report(scores: M.Scores, docs: list[_Doc], *, top: int = 40) -> list[str]:
    s = scores
    rows = M.Scores()
    for d in docs:
        M.score_document(rows, d.article.text, d.gold, [_row_statement(r) for r in d.records], d.ignored)
    outside = Counter(k for d in docs for k in d.outside if k)
    outside_found = sum(f for d in docs for k, f in zip(d.outside, d.judged.gold_found) if k)
    in_body = s.n_gold - sum(outside.values())
    lines = [
        f"articles                 {len(docs)}",
        f"gold statements          {s.n_gold}  (speech attributions with a source)",
        f"  outside the body       {sum(outside.values())}  {dict(outside)}",
        f"predicted statements     {s.n_pred}  (+{s.n_ignored} ignored: they overlap only a non-speech or"
        " sourceless attribution)",
        f"partial precision        {s.partial_precision:.3f}",
        f"partial recall           {s.partial_recall:.3f}  ({s.gold_found}/{s.n_gold}); body only "
        f"{_rate(s.gold_found - outside_found, in_body):.3f}",
        f"partial F1               {s.partial_f1:.3f}",
        f"one-to-one precision     {s.one_to_one_precision:.3f}",
        f"one-to-one recall        {s.one_to_one_recall:.3f}  ({s.pairs} pairs)",
        f"one-to-one F1            {s.one_to_one_f1:.3f}  (rows grouped by cue; each row its own statement: "
        f"{rows.one_to_one_f1:.3f}, P {rows.one_to_one_precision:.3f} R {rows.one_to_one_recall:.3f})",
        f"exact content recall     {s.exact_recall:.3f}  ({s.exact}/{s.n_gold})",
        f"  ignoring a leading 'that' {s.exact_that_recall:.3f}  ({s.exact_that}/{s.n_gold})",
        f"speaker overlap          {s.speaker_overlap_accuracy:.3f}  ({s.speaker_overlap}/{s.speaker_pairs} pairs)",
        f"speaker overlap, lenient {s.speaker_lenient_accuracy:.3f}  ({s.speaker_lenient}/{s.speaker_pairs}; "
        "a relative pronoun's antecedent also counts)",
        f"speaker exact            {s.speaker_exact_accuracy:.3f}  ({s.speaker_exact}/{s.speaker_pairs})",
        f"said/says/told recall    {s.label_recall(P.SAID):.3f}  "
        f"({sum(s.found_by_label[x] for x in P.SAID)}/{sum(s.gold_by_label[x] for x in P.SAID)})",
        f"other cues recall        {s.label_recall(set(s.gold_by_label) - P.SAID):.3f}  "
        f"({sum(n for x, n in s.found_by_label.items() if x not in P.SAID)}/"
        f"{sum(n for x, n in s.gold_by_label.items() if x not in P.SAID)})",
        f"per cue (top {top}: lemma gold found recall)",
    ]
    for label, n in s.gold_by_label.most_common(top):
        lines.append(f"  {label:<16} {n:>5} {s.found_by_label[label]:>5} {s.found_by_label[label] / n:.2f}")
    return lines


def variants(docs: list[_Doc]) -> list[str]:
    """The main figures under other definitions, to compare with figures measured another way."""
    known = set(nl.REPORTING_VERBS) | {"according to"}
    ways = {
        "each newslab row its own statement (no grouping by cue)":
            lambda d: (d.gold, [_row_statement(r) for r in d.records], d.ignored),
        "gold only with a cue word in newslab.REPORTING_VERBS or 'according to'":
            lambda d: ([g for g in d.gold if g.label in known], d.pred,
                       d.ignored + [g for g in d.gold if g.label not in known]),
        "gold: every attribution with a source (speech or not)":
            lambda d: (d.gold + [i for i in d.ignored if i.speaker], d.pred, [i for i in d.ignored if not i.speaker]),
    }
    lines = ["", "the same figures under other definitions (P R partial, F1 one-to-one, exact, exact without 'that',"
             " speaker overlap)"]
    for name, way in ways.items():
        s = M.Scores()
        for d in docs:
            gold, pred, ignored = way(d)
            M.score_document(s, d.article.text, gold, pred, ignored)
        lines.append(f"  {name}: gold {s.n_gold}, predicted {s.n_pred}; P {s.partial_precision:.3f} "
                     f"R {s.partial_recall:.3f}, 1:1 F1 {s.one_to_one_f1:.3f}, exact {s.exact_recall:.3f}, "
                     f"{s.exact_that_recall:.3f}, speaker {s.speaker_overlap_accuracy:.3f}")
    return lines


def _row_statement(row: dict) -> M.Statement:
    return M.Statement(((row["content_start"], row["content_end"]),), ((row["speaker_start"], row["speaker_end"]),),
                       ((row["cue_start"], row["cue_end"]),), row["rule"])


def _rate(n: int, d: int) -> float:
    return n / d if d else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", help="a PolNeAR checkout (git clone ...) or a bare git directory of it")
    parser.add_argument("--split", default="dev", choices=P.SPLITS)
    parser.add_argument("--processes", type=int, default=1, help="spaCy worker processes (default 1)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    parser.add_argument("--explain", action="store_true", help="print what every figure means")
    parser.add_argument("--errors", action="store_true", help="error analysis (not on test)")
    parser.add_argument("--variants", action="store_true", help="the figures under other definitions too")
    parser.add_argument("--lexicon", metavar="FILE", help="write the gold cue words with counts (not on test)")
    parser.add_argument("--frames", metavar="FILE", help="write the gold cue frames with counts (not on test)")
    parser.add_argument("--scaling", action="store_true", help="time nl.quotes on 1 to 16 copies of the seed")
    parser.add_argument("--agreement", action="store_true",
                        help="PolNeAR's annotators scored against each other, the same way (articles read by several)")
    args = parser.parse_args(argv)
    if args.explain:
        print(EXPLAIN)
        if not args.polnear:
            return 0
    if args.scaling:
        print("\n".join(scaling()))
        if not args.polnear:
            return 0
    if not args.polnear:
        parser.error("--polnear PATH is required (git clone https://github.com/networkdynamics/PolNeAR)")
    if args.agreement:
        print("\n".join(agreement(args.polnear, args.split)))
        return 0
    if args.split == "test" and (args.errors or args.lexicon or args.frames):
        parser.error("test is for the final figure only: --errors, --lexicon and --frames run on train or dev")
    start = time.perf_counter()
    articles = P.read_split(args.polnear, args.split)
    articles = articles[:args.limit] if args.limit else articles
    read = time.perf_counter() - start
    scores, docs, cues, timing = run(articles, processes=args.processes)
    total = time.perf_counter() - start
    print(f"PolNeAR {args.split}: newslab.quotes against speech attributions with a source")
    print("\n".join(report(scores, docs)))
    print(f"runtime                  {total:.1f} s  (read {read:.1f}, parse {timing['parse']:.1f}, "
          f"quotes {timing['quotes']:.1f}, score {timing['score']:.1f}; {args.processes} process(es))")
    if args.variants:
        print("\n".join(variants(docs)))
    if args.errors:
        from _quote_errors import error_report

        print("\n".join(error_report(docs)))
    if args.lexicon:
        write_lexicon(args.lexicon, scores, cues, args.split)
    if args.frames:
        write_frames(args.frames, docs, args.split)
    return 0


def write_frames(path: str, docs: list[_Doc], split: str) -> None:
    """The cue frames of the split's gold speech attributions (lemma, part of speech, frame, count): the facts
    ``newslab.attribution.cues.FACTS`` keeps (those counted 3 times or more). Facts only: no text."""
    from _cue_frames import frame_counts

    counts = frame_counts([d.article for d in docs], [d.doc for d in docs])
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# PolNeAR {split} split: frames of the cues of speech attributions with a source. "
                  "bench/quotes.py --frames\nlemma\tpos\tframe\tcount\n")
        for (lemma, pos, found), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if _WORD.fullmatch(lemma):
                out.write(f"{lemma}\t{pos}\t{found}\t{n}\n")


def agreement(path: str, split: str) -> list[str]:
    """Every ordered pair of annotators of the split's multiply read articles: one as gold, the other as prediction.

    The ceiling a system can be held to: how often PolNeAR's own annotators agree under these definitions.
    """
    import itertools

    multiple = P.read_multiple(path, split)
    s = M.Scores()
    for (name, text, anns), doc in zip(multiple, nl.analyze_many(t for _, t, _ in multiple), strict=True):
        for a, b in itertools.permutations(anns, 2):
            gold, ignored, _ = gold_statements(P.Article(name, split, a, text, tuple(anns[a])), doc)
            pred, _, _ = gold_statements(P.Article(name, split, b, text, tuple(anns[b])), doc)
            M.score_document(s, text, gold, pred, ignored)
    return [f"PolNeAR {split}: annotator against annotator on the {len(multiple)} articles several read "
            f"({s.n_gold} gold statements over all ordered pairs)",
            f"one-to-one P {s.one_to_one_precision:.3f} R {s.one_to_one_recall:.3f} F1 {s.one_to_one_f1:.3f}",
            f"exact content recall {s.exact_recall:.3f} (a leading 'that' aside {s.exact_that_recall:.3f})",
            f"speaker overlap {s.speaker_overlap_accuracy:.3f} (lenient {s.speaker_lenient_accuracy:.3f})"]


def scaling() -> list[str]:
    """nl.quotes on 1 to 16 copies of the seed's body: time per character should stay flat (linear)."""
    text = nl.load_article().text
    head, _, body = text.partition("\n")
    lines = ["nl.quotes on copies of the seed (seconds per 10,000 characters, fastest of 5; linear when flat)"]
    first = None
    nl.quotes(nl.analyze(text))  # load pandas and the tables once
    for n in (1, 2, 4, 8, 16):
        doc = nl.analyze(head + "\n" + "\n".join([body] * n))
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            nl.quotes(doc)
            runs.append(time.perf_counter() - start)
        per = min(runs) / len(doc.text) * 10_000
        first = first or per
        lines.append(f"  {n} cop{'y' if n == 1 else 'ies'}  {len(doc.text):>6} chars  {per:.4f} s  ratio {per / first:.2f}")
    return lines


def write_lexicon(path: str, scores: M.Scores, cues: Counter[tuple[str, bool]], split: str) -> None:
    """Cue words of the split's attributions with a source: facts only (lemmas and counts), no text.

    Columns: ``lemma``; ``speech`` (1 when the cue counts as speech here); ``count`` (attributions
    with a source whose cue word it is); ``share`` (of the gold speech statements, for speech
    words); ``found`` (gold speech statements newslab's quotes overlap); ``in_reporting_verbs``
    (1 when ``newslab.REPORTING_VERBS`` has it). Only plain words are written (a token the
    tokenizer glued to its neighbours could carry text), and of the cue words that are not
    speech only those seen at least 3 times.
    """
    total = scores.n_gold
    kept = {key: n for key, n in cues.items() if (_WORD.fullmatch(key[0]) or key[0] in ("according to", ":"))
            and (key[1] or n >= 3)}
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# PolNeAR {split} split: cue words of the {sum(cues.values())} attributions with a source "
                  f"({total} of them speech; {len(kept)} words kept of {len(cues)}). Facts only: no text. "
                  "bench/quotes.py --lexicon\n")
        out.write("lemma\tspeech\tcount\tshare\tfound\tin_reporting_verbs\n")
        for (lemma, speech), n in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])):
            share = f"{n / total:.4f}" if speech and total else ""
            found = str(scores.found_by_label[lemma]) if speech else ""
            known = int(lemma in nl.REPORTING_VERBS or lemma == "according to")
            out.write(f"{lemma}\t{int(speech)}\t{n}\t{share}\t{found}\t{known}\n")


if __name__ == "__main__":
    sys.exit(main())
