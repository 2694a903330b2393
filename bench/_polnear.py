"""Read PolNeAR (Newell et al., LREC 2018) from a checkout or a bare git directory.

PolNeAR has no stated licence, so newslab ships none of its text: this module reads it from
the path the user gives. Either

- a checkout, as ``git clone https://github.com/networkdynamics/PolNeAR`` makes it (the
  folder that holds ``data/metadata.tsv``, or that ``data/`` folder itself), or
- a bare git directory of the same repository (read blob by blob with ``git cat-file``; no
  work tree is needed, and the large ``corenlp`` files, which are never read, may be absent).

The layout: ``data/metadata.tsv`` lists every article with its ``compartment`` (``train``,
``dev``, ``test``, ``annotator-training``, ``parc3-replication``) and its ``annotators``
(``|``-separated ids); ``data/<compartment>/text/<filename>.txt`` holds the article and
``data/<compartment>/attributions/<filename>_<annotator>.ann`` one annotator's attributions
in brat standoff format:

- ``T`` lines are text-bound spans: ``T4<TAB>Content 461 494;500 510<TAB>the text`` (character
  offsets into the ``.txt`` file, end exclusive; ``;`` separates the pieces of a discontinuous
  span, and the stored text joins the pieces with a space; a span's text may hold line breaks,
  so a record can run over several physical lines). Types: ``Source``, ``Cue``, ``Content``,
  ``Attribution`` / ``Attribution-no-source`` (the event trigger, on the cue's characters),
  ``Discard`` (text outside the article: editor's notes, captions) and ``Discuss``.
- ``E`` lines tie them into one attribution: ``E1<TAB>Attribution:T5 Content:T4 Cue:T3 Source:T2``
  (a second content role is spelled ``Content2``).

PolNeAR's attributions carry no type: speech, belief, intention and the rest are all
``Attribution``. Which of them are speech is decided in ``quotes.py`` from the cue.

Articles annotated by several annotators (those used to measure agreement) are read with the
first annotator the metadata lists who has a file: the choice is deterministic, unlike the
random choice of PolNeAR's own reader.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "dev", "test")
Pieces = tuple[tuple[int, int], ...]

_RECORD = re.compile(r"^[TEARMN#*]\d*\t")


@dataclass(frozen=True)
class Attribution:
    """One brat attribution event: its source, cue and content as character pieces.

    ``source`` is empty for an ``Attribution-no-source`` event (and for the rare event whose
    source the annotator left out).
    """

    id: str
    type: str
    source: Pieces
    cue: Pieces
    content: Pieces


@dataclass(frozen=True)
class Article:
    """One PolNeAR article: its text and one annotator's attributions."""

    name: str
    split: str
    annotator: str
    text: str
    attributions: tuple[Attribution, ...]


def parse_ann(text: str) -> list[Attribution]:
    """The attribution events of a brat ``.ann`` file, in file order.

    Events that name a span the file does not define are skipped, and so are empty pieces
    (brat writes ``0 0``-like pieces when an annotator selects only spaces).
    """
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for record in _records(text):
        ident, _, rest = record.partition("\t")
        if ident.startswith("T"):
            spans[ident] = _text_bound(rest)
        elif ident.startswith("E"):
            roles = [tuple(arg.split(":", 1)) for arg in rest.split("\t", 1)[0].split() if ":" in arg]
            events.append((ident, roles))  # type: ignore[arg-type]
    return [a for ident, roles in events if (a := _event(ident, roles, spans)) is not None]


def _records(text: str) -> Iterator[str]:
    record: str | None = None
    for line in text.split("\n"):
        if _RECORD.match(line):
            if record is not None:
                yield record
            record = line
        elif record is not None:
            record += "\n" + line  # the span's text held a line break
    if record is not None:
        yield record


def _text_bound(rest: str) -> tuple[str, Pieces]:
    header = rest.split("\t", 1)[0]
    kind, _, offsets = header.partition(" ")
    pieces = []
    for piece in offsets.split(";"):
        start, end = (int(n) for n in piece.split())
        if end > start:
            pieces.append((start, end))
    return kind, tuple(pieces)


def _event(ident: str, roles: list[tuple[str, str]], spans: dict[str, tuple[str, Pieces]]) -> Attribution | None:
    if not roles or any(ref not in spans for _, ref in roles):
        return None
    parts: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
    for role, ref in roles[1:]:
        name = role.rstrip("0123456789")
        if name in parts:
            parts[name] += spans[ref][1]
    kind = roles[0][0].rstrip("0123456789")
    return Attribution(ident, kind, *(tuple(sorted(parts[n])) for n in ("Source", "Cue", "Content")))


# --- where the files come from ----------------------------------------------------------------


class _Checkout:
    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, path: str) -> bytes | None:
        file = self.root / path
        return file.read_bytes() if file.is_file() else None

    def names(self, folder: str) -> set[str]:
        return {p.name for p in (self.root / folder).iterdir()} if (self.root / folder).is_dir() else set()


class _BareGit:
    """Files of a git directory's HEAD, read through one ``git cat-file --batch`` process."""

    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir
        listing = self._git("ls-tree", "-r", "HEAD", "data").decode("utf-8")
        self.blobs = {}
        for line in listing.splitlines():
            meta, _, path = line.partition("\t")
            self.blobs[path] = meta.split()[2]

    def _git(self, *args: str, stdin: bytes | None = None) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.git_dir), *args], input=stdin, check=True,
                              capture_output=True).stdout

    def read(self, path: str) -> bytes | None:
        return self.read_many([path])[0]

    def read_many(self, paths: list[str]) -> list[bytes | None]:
        wanted = [self.blobs[p] for p in paths if p in self.blobs]
        out = io.BytesIO(self._git("cat-file", "--batch", stdin="".join(f"{b}\n" for b in wanted).encode()))
        contents: dict[str, bytes] = {}
        for blob in wanted:
            header = out.readline().split()
            contents[blob] = out.read(int(header[2]))
            out.readline()  # the newline after each object
        return [contents.get(self.blobs.get(p, ""), None) for p in paths]

    def names(self, folder: str) -> set[str]:
        prefix = folder.rstrip("/") + "/"
        return {p[len(prefix):] for p in self.blobs if p.startswith(prefix) and "/" not in p[len(prefix):]}


def _store(path: str | os.PathLike[str]) -> _Checkout | _BareGit:
    path = Path(path).expanduser()
    if (path / "data" / "metadata.tsv").is_file():
        return _Checkout(path)
    if (path / "metadata.tsv").is_file() and path.name == "data":
        return _Checkout(path.parent)
    if (path / "HEAD").is_file() and (path / "objects").is_dir():
        return _BareGit(path)
    raise FileNotFoundError(
        f"{path} is not a PolNeAR checkout (no data/metadata.tsv) nor a git directory; get one with\n"
        "    git clone https://github.com/networkdynamics/PolNeAR")


def read_split(path: str | os.PathLike[str], split: str = "dev") -> list[Article]:
    """Every article of one compartment (``train``, ``dev``, ``test`` or another the metadata names).

    Args:
        path: A PolNeAR checkout, its ``data`` folder, or a bare git directory of it.
        split: The compartment.
    """
    store = _store(path)
    metadata = store.read("data/metadata.tsv")
    if metadata is None:
        raise FileNotFoundError(f"{path}: data/metadata.tsv is missing")
    rows = [r for r in csv.DictReader(io.StringIO(metadata.decode("utf-8")), delimiter="\t")
            if r["compartment"] == split]
    if not rows:
        raise ValueError(f"PolNeAR has no article in the compartment {split!r}")
    have = store.names(f"data/{split}/attributions")
    chosen = [(row["filename"], next((a for a in row["annotators"].split("|") if f"{row['filename']}_{a}.ann" in have),
                                     None)) for row in rows]
    chosen = [(name, annotator) for name, annotator in chosen if annotator is not None]
    paths = [p for name, annotator in chosen
             for p in (f"data/{split}/text/{name}.txt", f"data/{split}/attributions/{name}_{annotator}.ann")]
    contents = store.read_many(paths) if isinstance(store, _BareGit) else [store.read(p) for p in paths]
    articles = []
    for i, (name, annotator) in enumerate(chosen):
        text, ann = contents[2 * i], contents[2 * i + 1]
        if text is None or ann is None:
            continue
        articles.append(Article(name, split, annotator, _decode(text), tuple(parse_ann(_decode(ann)))))
    return articles


def read_multiple(path: str | os.PathLike[str], split: str = "train") -> list[tuple[str, str, dict[str, list[Attribution]]]]:
    """The articles of a compartment that several annotators read: (name, text, annotator -> attributions)."""
    store = _store(path)
    metadata = store.read("data/metadata.tsv")
    if metadata is None:
        raise FileNotFoundError(f"{path}: data/metadata.tsv is missing")
    rows = [r for r in csv.DictReader(io.StringIO(metadata.decode("utf-8")), delimiter="\t")
            if r["compartment"] == split and "|" in r["annotators"]]
    have = store.names(f"data/{split}/attributions")
    found = []
    for row in rows:
        name = row["filename"]
        annotators = [a for a in row["annotators"].split("|") if f"{name}_{a}.ann" in have]
        text = store.read(f"data/{split}/text/{name}.txt")
        if text is None or len(annotators) < 2:
            continue
        anns = {a: parse_ann(_decode(store.read(f"data/{split}/attributions/{name}_{a}.ann") or b""))
                for a in annotators}
        found.append((name, _decode(text), anns))
    return found


def _decode(data: bytes) -> str:
    # Offsets count characters of the file as stored: no newline translation, no BOM removal.
    return data.decode("utf-8")


# --- which attributions are speech ---------------------------------------------------------------

#: Words of saying, lemmas: an attribution is *speech* when a word of its cue is one of these.
#: Verbs of communication (say, tell, talk; write and post; ask and answer; claim and argue;
#: announce; criticise and praise out loud; promise, warn and urge) and the nouns of speech
#: events ("in a statement", "his remarks"). Not here: belief and knowledge (think, know),
#: perception and evidence (see, show, find), intention and attitude (want, plan, support,
#: endorse, oppose), and light verbs that only carry another cue word (go on to say, continue,
#: make, issue, release): PolNeAR annotates all of them as attributions too. Written from
#: general knowledge of English reporting verbs and checked against PolNeAR's train split only.
SPEECH_VERBS = frozenset("""
    say tell speak talk state add note write tweet retweet post email text blog publish pen
    ask inquire query answer reply respond retort counter rebut comment remark mention observe
    argue claim contend assert insist maintain allege charge dispute question challenge
    announce declare proclaim report explain describe detail outline recount recall clarify
    elaborate summarize summarise conclude characterize characterise quote cite reference allude
    invoke call label dub brand nickname
    admit acknowledge concede confirm deny reveal disclose confess apologize apologise
    emphasize emphasise stress underscore underline reiterate repeat echo reaffirm highlight
    suggest propose recommend advise urge warn caution threaten promise pledge vow swear predict
    demand request plead beg implore appeal
    inform notify assure reassure remind brief testify interject interrupt exclaim
    shout yell scream chant boo cheer whisper mutter murmur joke quip muse
    criticize criticise praise accuse blame attack slam blast rip hammer chide scold mock ridicule
    deride denounce condemn decry lambast lambaste rebuke lash rail bemoan lament complain protest
    thank congratulate applaud hail tout boast brag vouch dismiss scoff sneer taunt insult
    hint imply
""".split())
SPEECH_NOUNS = frozenset("""
    statement interview remark comment speech tweet post letter email memo op-ed editorial column
    testimony claim assertion allegation accusation argument question answer reply response
    announcement declaration message warning promise pledge vow criticism complaint praise plea
    appeal request demand suggestion advice quote quotation word conference briefing
    report address
""".split())
#: Lemmas whose cue is summarized as "said/says/told".
SAID = frozenset({"say", "tell"})


def cue_word(tokens: list) -> tuple[str, bool]:
    """The word a gold cue is counted under (a lemma), and whether the cue is one of speech.

    ``tokens`` are the spaCy tokens of the cue's pieces, in order. "according to" and a cue
    that holds a colon (a bare ":" as in "Poll: ...", or "shot back:") are speech. The word is
    the cue's speech word: its syntactic head when that is one ("goes on to say" counts as
    "say", since "go" is none), else the first. A cue with no speech word is counted under its
    syntactic head ("thinks": "think").
    """
    if not tokens:
        return "", False
    if "according" in (t.lower_ for t in tokens):
        return "according to", True
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    speech = [t for t in tokens if _lemma(t) in (SPEECH_NOUNS if t.pos_ in ("NOUN", "PROPN") else SPEECH_VERBS)]
    if speech:
        return _lemma(next((t for t in heads if t in speech), speech[0])), True
    if any(t.text in (":", "—", "–") for t in tokens):
        return ":", True
    head = next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[0] if heads else tokens[0])
    return _lemma(head), False


def _lemma(token) -> str:
    return token.lemma_.lower()
