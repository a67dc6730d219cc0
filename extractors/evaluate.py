"""Precision, recall and F1 of an extract function against annotated gold documents.

Gold documents come from JSONL (one document a line: id, text, entities, relations, optional links and
clusters, as in the eval README) or from a folder of BRAT .txt + .ann pairs (`extractors.brat`). A mapping
file (`extractors/vocab/mappings/*.tsv`) says which gold entity type is which of our classes and which
gold relation type is which measure; gold types it does not list are ignored.

Entities
  Gold entities take the class of their type in the mapping. Predicted mentions take the class of their
  entity's type: Person; Organization (Organization, University, GovernmentBody, Company); Place; Event
  (Event, Forum, Exhibition, Congress, Conference, Session, RoundTable, EventSeries). Position entities
  and other types are not scored. A (start, stop, class) span counts once on either side; nested gold
  entities are separate gold items.
  - "entities" (exact): a predicted span is a TP when a gold entity has the same start, stop and class.
  - "entities_overlap": predicted and gold spans of one class that overlap are paired one-to-one
    (maximum matching, per document); unpaired predicted spans are FP, unpaired gold spans FN.

Nodes and identity
  A predicted node is `Entity.ident`, else the entity's (type, name): the node the graph builder makes.
  Its spans are the mentions of all its entities. Gold identity groups join entities of one coreference
  cluster (factRuEval, BRAT `*` lines), entities with the same Wikidata id (NEREL links, BRAT N lines),
  and the two ends of an altname relation when they have the same class. A gold relation argument is
  covered by the spans of its whole group.

Relations: entity pairs per document
  - Gold pairs come from relations mapped to a measure (INVERSE 1 swaps head and tail). A factRuEval
    reference to a cluster names the cluster's first mention of the cluster's type; `alternatives` are
    other acceptable tails. A relation whose head is a position span (the tail of a gold role relation,
    e.g. NEREL WORKPLACE "Ректор МГУ" -> "МГУ") is read as a relation of each holder of that position.
  - Argument classes, the same for gold and predicted pairs (others are out of scope): affiliation
    Person -> Organization|Place; role Person -> head noun; participation Person|Organization|Place ->
    Event; organizer Event -> Organization|Person|Place; place Event -> Place|Organization; date Event ->
    date; meeting Person|Organization|Place <-> the same, in either order. Gold pairs between the same
    groups count once; predicted pairs between the same nodes count once.
  - Predicted pairs: affiliatedWith; holdsPosition + role; participatedIn, spokeAt, moderated,
    ledDelegationTo; organizedBy; heldIn; startDate, endDate; metWith.
  - A predicted pair (a, b) matches a gold pair when a mention of a overlaps the gold head spans and a
    mention of b overlaps the gold tail spans. Role compares the lemmatised head noun (first noun,
    pymorphy3) of the predicted role value with that of the gold position span ("председателя Банка
    России" -> "председатель"). Date: the predicted Value must be a date ("YYYY-MM-DD", "YYYY-MM" or
    "YYYY") whose day is a number in the gold date text and whose month and year agree with any month
    name and four-digit year there (a value without a day needs its year or month named there).
  - Pairs are matched one-to-one by maximum bipartite matching: unmatched predictions FP, unmatched gold FN.
  - `scope MEASURE gathering`: only gold pairs whose event group has a gathering-like text
    (vocab/gatherings.txt, by lemma) count, and a predicted pair whose event overlaps gold events that
    are all out of scope is dropped (neither TP nor FP).

Resolution
  - altname pairs: gold altname relations between two Person or two Organization entities, plus, for
    every Person or Organization cluster, its first mention paired with each mention of another text.
    altname_merge_rate = merged / pairs, where merged means one predicted node has mentions overlapping
    both spans; altname_covered counts pairs whose two spans are overlapped by any mentions.
  - person_overmerge_rate = overmerged / person_nodes: predicted Person nodes whose mentions overlap a
    gold Person entity, and those among them that stand for gold Person entities of two or more identity
    groups; a mention stands for the gold Person entity it overlaps most (ties: the closest in length,
    so "миссис Обама" is not also the nested "Обама").

p = tp / (tp + fp), r = tp / (tp + fn), f1 = 2pr / (p + r); 0.0 on zero division; rounded to 4 places.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.doc import EVENT_TYPES, ORG_TYPES, Article, Extraction, Fact, Value
from extractors.errors import InputError

__all__ = [
    "CLASSES",
    "MEASURES",
    "GoldDoc",
    "GoldEntity",
    "GoldRelation",
    "Lemmas",
    "Mapping",
    "Mistake",
    "Report",
    "Resolution",
    "Score",
    "adapt_article",
    "date_matches",
    "evaluate",
    "guess_mapping",
    "load_gold",
    "load_jsonl",
    "load_mapping",
    "make_gold_doc",
    "match",
    "score_document",
    "sentence_around",
]

log = logging.getLogger(__name__)

VOCAB = Path(__file__).parent / "vocab"
MAPPINGS = VOCAB / "mappings"
CLASSES = ("Person", "Organization", "Place", "Event")
MEASURES = ("affiliation", "role", "participation", "organizer", "place", "date", "meeting")
CLASS_OF = {
    "Person": "Person",
    "Place": "Place",
    "EventSeries": "Event",
    **{name: "Organization" for name in ORG_TYPES},
    **{name: "Event" for name in EVENT_TYPES},
}
PREDICATES = {
    "affiliatedWith": "affiliation",
    "participatedIn": "participation",
    "spokeAt": "participation",
    "moderated": "participation",
    "ledDelegationTo": "participation",
    "organizedBy": "organizer",
    "heldIn": "place",
    "startDate": "date",
    "endDate": "date",
    "metWith": "meeting",
}
AGENTS = frozenset({"Person", "Organization", "Place"})
# (head classes, tail classes); None: the tail is text (a role head noun, a date)
ARGS: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "affiliation": (frozenset({"Person"}), frozenset({"Organization", "Place"})),
    "role": (frozenset({"Person"}), None),
    "participation": (AGENTS, frozenset({"Event"})),
    "organizer": (frozenset({"Event"}), AGENTS),
    "place": (frozenset({"Event"}), frozenset({"Place", "Organization"})),
    "date": (frozenset({"Event"}), None),
    "meeting": (AGENTS, AGENTS),
}
SYMMETRIC = frozenset({"meeting"})
ALTNAME_CLASSES = frozenset({"Person", "Organization"})

Span = tuple[int, int]


# --- gold documents -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """An annotated span: text[start:stop] of the document."""

    id: str
    type: str  # the corpus's own type: "PERSON", "Org", "Peop"
    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class GoldRelation:
    """An annotated relation between entity ids; `alternatives` are other acceptable tails."""

    type: str
    head: str
    tail: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document, the same whether read from JSONL or BRAT."""

    id: str
    text: str
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    clusters: tuple[tuple[str, ...], ...] = ()  # coreference: entity ids that name one thing
    links: tuple[tuple[str, str], ...] = ()  # (entity id, Wikidata id)
    source: str = field(default="", compare=False)  # "gold.jsonl:12" or the .ann path, for messages


def make_gold_doc(
    doc_id: str,
    text: str,
    entities: Iterable[GoldEntity],
    relations: Iterable[GoldRelation],
    clusters: Iterable[Iterable[str]] = (),
    links: Iterable[tuple[str, str]] = (),
    source: str = "",
) -> GoldDoc:
    """Check offsets and references, and put every part in one canonical order."""
    entities = sorted(entities, key=lambda e: (e.start, e.stop, e.type, e.id))
    ids = {e.id for e in entities}
    for ent in entities:
        if not 0 <= ent.start < ent.stop <= len(text):
            raise InputError(
                f"{source}: entity {ent.id}: expected offsets within 0..{len(text)}, got {ent.start}..{ent.stop}"
            )
    relations = sorted(relations, key=lambda r: (r.type, r.head, r.tail, r.alternatives))
    clusters = sorted(tuple(sorted(c)) for c in clusters)
    for ref in [r for rel in relations for r in (rel.head, rel.tail, *rel.alternatives)] + [
        r for c in clusters for r in c
    ]:
        if ref not in ids:
            raise InputError(f"{source}: expected a reference to an entity id, got {ref!r}")
    links = sorted(set(links))
    return GoldDoc(doc_id, text, tuple(entities), tuple(relations), tuple(clusters), tuple(links), source)


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read gold documents from a JSONL file or a folder of BRAT .txt + .ann files."""
    path = Path(path)
    if path.is_dir():
        from extractors.brat import load_brat  # brat.py imports this module's records

        return load_brat(path)
    if not path.exists():
        raise InputError(f"{path}: expected a gold JSONL file or a BRAT folder, got no such path")
    return load_jsonl(path)


def load_jsonl(path: str | Path) -> list[GoldDoc]:
    """Read one gold document a line (the shape of the eval README)."""
    path = Path(path)
    docs = []
    try:
        # a .gz file is read through gzip (NEREL's train split ships so)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, 1):
                if line.strip():
                    docs.append(_adapt_jsonl(line, f"{path}:{lineno}", f"{path.name}#{lineno}"))
    except (OSError, EOFError) as err:  # gzip.BadGzipFile is an OSError
        raise InputError(f"{path}: cannot read the gold file: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: expected UTF-8 text, got a byte {err.object[err.start]:#x}") from err
    return docs


def _adapt_jsonl(line: str, where: str, default_id: str) -> GoldDoc:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{where}: expected a JSON object, got bad JSON ({err.msg}, column {err.colno})"
        ) from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{where}: expected an object with a string 'text', got {line[:60]!r}")
    text = record["text"]
    try:
        entities = [
            GoldEntity(str(e["id"]), str(e["type"]), start, end, text[start:end])
            for e in record.get("entities") or ()
            for start, end in [_entity_span(e)]
        ]
        types = {e.id: e.type for e in entities}
        clusters, reps = [], {}
        for cluster in record.get("clusters") or ():
            mentions = [str(m) for m in cluster["mentions"]]
            if mentions:
                # relations name the cluster: read it as its first mention of the cluster's own type
                same = [m for m in mentions if types.get(m) == cluster.get("type")]
                reps[cluster["id"]] = (same or mentions)[0]
                clusters.append(mentions)
        relations = [
            GoldRelation(
                str(r["type"]),
                reps.get(r["head"], str(r["head"])),
                reps.get(r["tail"], str(r["tail"])),
                tuple(reps.get(a, str(a)) for a in r.get("alternatives") or ()),
            )
            for r in record.get("relations") or ()
        ]
        links = [
            (str(k["entity"]), str(k["wikidata"])) for k in record.get("links") or () if k.get("wikidata")
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputError(
            f"{where}: expected entities, relations, clusters and links as in the eval README, "
            f"got {type(err).__name__}: {err}"
        ) from err
    doc_id = str(record.get("id") or default_id)
    return make_gold_doc(doc_id, text, entities, relations, clusters, links, where)


def _entity_span(entity: dict) -> tuple[int, int]:
    """start, end; a discontinuous entity written out of order (NEREL train's "fragments") covers them all."""
    start, end = int(entity["start"]), int(entity["end"])
    if start >= end and entity.get("fragments"):
        start = min(int(f[0]) for f in entity["fragments"])
        end = max(int(f[1]) for f in entity["fragments"])
    return start, end


# --- mapping files ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=True)
class Mapping:
    """Gold entity type -> class (None: ignore); relation type -> (measure or None, inverse); scopes."""

    name: str
    entities: dict[str, str | None] = field(default_factory=dict)
    relations: dict[str, tuple[str | None, bool]] = field(default_factory=dict)
    scopes: dict[str, str] = field(default_factory=dict)  # measure -> "gathering"

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(c for c in CLASSES if c in self.entities.values())

    @property
    def measures(self) -> tuple[str, ...]:
        used = {measure for measure, _ in self.relations.values()}
        return tuple(m for m in MEASURES if m in used)


def load_mapping(spec: str | Path) -> Mapping:
    """Read a mapping file; a bare name ("nerel") names a shipped one."""
    path = Path(spec)
    if not path.exists() and (MAPPINGS / f"{spec}.tsv").exists():
        path = MAPPINGS / f"{spec}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the mapping file: {err}") from err
    mapping = Mapping(path.stem)
    for lineno, raw in enumerate(lines, 1):
        cells = raw.split("#", 1)[0].split()
        if not cells:
            continue
        if cells[0] == "entity" and len(cells) == 3 and cells[2] in (*CLASSES, "ignore"):
            mapping.entities[cells[1]] = None if cells[2] == "ignore" else cells[2]
        elif (
            cells[0] == "relation"
            and len(cells) == 4
            and cells[2] in (*MEASURES, "altname", "ignore")
            and cells[3] in ("0", "1")
        ):
            mapping.relations[cells[1]] = (None if cells[2] == "ignore" else cells[2], cells[3] == "1")
        elif cells[0] == "scope" and len(cells) == 3 and cells[1] in MEASURES and cells[2] == "gathering":
            mapping.scopes[cells[1]] = cells[2]
        else:
            raise InputError(
                f"{path}:{lineno}: expected 'entity TYPE {'|'.join(CLASSES)}|ignore', "
                f"'relation TYPE {'|'.join(MEASURES)}|altname|ignore 0|1' or 'scope MEASURE gathering', "
                f"got {raw.strip()!r}"
            )
    return mapping


def guess_mapping(docs: Sequence[GoldDoc]) -> Mapping:
    """The shipped mapping that knows most of the gold entity and relation types."""
    types = Counter(e.type for doc in docs for e in doc.entities)
    types.update(r.type for doc in docs for r in doc.relations)
    scored = []
    for path in sorted(MAPPINGS.glob("*.tsv")):
        mapping = load_mapping(path)
        known = sum(n for name, n in types.items() if name in mapping.entities or name in mapping.relations)
        scored.append((known, mapping))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        shown = ", ".join(name for name, _ in types.most_common(8)) or "none"
        raise InputError(f"cannot guess the mapping for gold types {shown}: pass --mapping FILE")
    return scored[0][1]


# --- words and sentences ---------------------------------------------------------------------------

WORD = re.compile(r"\w+(?:-\w+)*")
BOUNDARY = re.compile(r"[.!?…]\s|\n")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
NUMBER = re.compile(r"\d+")
MONTHS = [
    re.compile(p)
    for p in (
        r"\bянвар|\bjanuary",
        r"\bфеврал|\bfebruary",
        r"\bмарт|\bmarch\b",
        r"\bапрел|\bapril",
        r"\bма[йяюе]\b|\bmay\b",
        r"\bиюн|\bjune",
        r"\bиюл|\bjuly",
        r"\bавгуст|\baugust",
        r"\bсентябр|\bseptember",
        r"\bоктябр|\boctober",
        r"\bноябр|\bnovember",
        r"\bдекабр|\bdecember",
    )
]


def load_gatherings(path: Path = VOCAB / "gatherings.txt") -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class Lemmas:
    """Cached pymorphy3 lemmas for head nouns and gathering words; build once, pass in."""

    def __init__(self, morph: object | None = None, gatherings: Iterable[str] | None = None) -> None:
        if morph is None:
            import pymorphy3  # loaded here, not at import time: `--help` stays fast

            morph = pymorphy3.MorphAnalyzer()
        self.morph = morph
        self.cache: dict[str, tuple[str, bool]] = {}
        words = load_gatherings() if gatherings is None else gatherings
        self.gatherings = [tuple(self.lemmas(w)) for w in words]

    def parse(self, word: str) -> tuple[str, bool]:
        """(lemma, is a noun) of one word."""
        hit = self.cache.get(word)
        if hit is None:
            best = self.morph.parse(word)[0]
            hit = self.cache[word] = (best.normal_form.replace("ё", "е"), "NOUN" in best.tag)
        return hit

    def lemmas(self, text: str) -> list[str]:
        return [self.parse(w)[0] for w in WORD.findall(text.lower())]

    def head_noun(self, text: str) -> str:
        """The lemma of the first noun ("председателя Банка России" -> "председатель")."""
        words = WORD.findall(text.lower())
        for word in words:
            lemma, noun = self.parse(word)
            if noun:
                return lemma
        return self.parse(words[0])[0] if words else ""

    def is_gathering(self, text: str) -> bool:
        lemmas = self.lemmas(text)
        for words in self.gatherings:
            if len(words) == 1 and any(lemma.endswith(words[0]) for lemma in lemmas):
                return True  # кинофестиваль, пресс-конференция
            n = len(words)
            if n > 1 and any(tuple(lemmas[i : i + n]) == words for i in range(len(lemmas) - n + 1)):
                return True
        return False


def date_matches(value: object, text: str) -> bool:
    """A date Value agrees with a gold date text by day number, month name and year (see the rules above)."""
    if not isinstance(value, Value) or value.datatype != "date":
        return False
    found = ISO_DATE.match(value.text)
    if not found:
        return False
    year, month, day = found.groups()
    low = text.lower()
    numbers = NUMBER.findall(low)
    years = {n for n in numbers if len(n) == 4}
    months = {i + 1 for i, pattern in enumerate(MONTHS) if pattern.search(low)}
    if (years and year not in years) or (month and months and int(month) not in months):
        return False
    if day:
        return int(day) in {int(n) for n in numbers if len(n) <= 2}
    return year in years or bool(month and int(month) in months)


def sentence_around(text: str, start: int, stop: int) -> str:
    """The text from the sentence boundary before `start` to the one after `stop`, on one line."""
    before = text[max(0, start - 400) : start]
    ends = [m.end() for m in BOUNDARY.finditer(before)]
    left = start - len(before) + (ends[-1] if ends else 0)
    after = BOUNDARY.search(text, stop, stop + 400)
    right = after.start() + 1 if after else min(len(text), stop + 400)
    return " ".join(text[left:right].split())


def overlaps(spans: Iterable[Span], others: Sequence[Span]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def match(edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): edges[i] lists the gold items prediction i may match."""
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i, options in enumerate(edges):
        if options:
            assign(i, set())
    return owner


def adapt_article(doc: GoldDoc) -> Article:
    cyrillic = sum("а" <= c <= "я" for c in doc.text.lower())
    latin = sum("a" <= c <= "z" for c in doc.text.lower())
    lang = "" if not cyrillic + latin else ("ru" if cyrillic >= latin else "en")
    return Article(text=doc.text, source=doc.id, path=doc.source, lang=lang)


# --- scores and the report -------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass
class Score:
    """True positive, false positive and false negative counts of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Resolution:
    """Counts behind the alternative-name merge rate and the person over-merge rate."""

    altname_pairs: int = 0
    altname_merged: int = 0
    altname_covered: int = 0
    person_nodes: int = 0
    person_overmerged: int = 0

    def to_json(self) -> dict[str, float | int]:
        return {
            "altname_merge_rate": _rate(self.altname_merged, self.altname_pairs),
            "altname_pairs": self.altname_pairs,
            "altname_merged": self.altname_merged,
            "altname_covered": self.altname_covered,
            "person_overmerge_rate": _rate(self.person_overmerged, self.person_nodes),
            "person_nodes": self.person_nodes,
            "person_overmerged": self.person_overmerged,
        }


@dataclass(frozen=True)
class Mistake:
    """One false positive or false negative (or resolution miss) with the sentence it sits in."""

    kind: str  # "FP", "FN"; resolution: "unmerged", "overmerged"
    doc: str
    start: int
    what: str
    sentence: str


@dataclass
class Report:
    """Scores per entity class and relation measure, resolution rates, and every mistake by group."""

    mapping: str
    documents: int = 0
    entities: dict[str, Score] = field(default_factory=dict)
    entities_overlap: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    resolution: Resolution = field(default_factory=Resolution)
    # "entities/Person", "entities_overlap/Person", "relations/role", "resolution/altname", ...
    mistakes: dict[str, list[Mistake]] = field(default_factory=dict)

    @classmethod
    def empty(cls, mapping: Mapping) -> Report:
        groups = [f"entities/{c}" for c in mapping.classes]
        groups += [f"entities_overlap/{c}" for c in mapping.classes]
        groups += [f"relations/{m}" for m in mapping.measures]
        groups += ["resolution/altname", "resolution/person_overmerge"]
        return cls(
            mapping=mapping.name,
            entities={c: Score() for c in mapping.classes},
            entities_overlap={c: Score() for c in mapping.classes},
            relations={m: Score() for m in mapping.measures},
            mistakes={group: [] for group in groups},
        )

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "entities": {c: s.to_json() for c, s in self.entities.items()},
            "relations": {m: s.to_json() for m, s in self.relations.items()},
            "entities_overlap": {c: s.to_json() for c, s in self.entities_overlap.items()},
            "resolution": self.resolution.to_json(),
        }

    def to_text(self) -> str:
        rows = [f"{self.documents} documents, mapping {self.mapping}", ""]
        rows.append(f"{'measure':<26}{'tp':>7}{'fp':>7}{'fn':>7}{'P':>8}{'R':>8}{'F1':>8}")

        def row(label: str, s: Score) -> None:
            rows.append(f"{label:<26}{s.tp:>7}{s.fp:>7}{s.fn:>7}{s.p:>8.4f}{s.r:>8.4f}{s.f1:>8.4f}")

        for name, score in self.entities.items():
            row(f"{name} exact", score)
            row(f"{name} overlap", self.entities_overlap[name])
        for name, score in self.relations.items():
            row(name, score)
        res = self.resolution
        rows += [
            "",
            f"altname merge rate     {_rate(res.altname_merged, res.altname_pairs):.4f}  ({res.altname_merged} "
            f"of {res.altname_pairs} gold pairs on one node; {res.altname_covered} with both names found)",
            f"person overmerge rate  {_rate(res.person_overmerged, res.person_nodes):.4f}  "
            f"({res.person_overmerged} of {res.person_nodes} person nodes join different gold persons)",
        ]
        return "\n".join(rows)

    def errors_text(self) -> str:
        lines = []
        for group, items in self.mistakes.items():
            counts = Counter(m.kind for m in items)
            lines.append(
                f"== {group}: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none")
            )
            lines += [f"{m.kind}\t{m.doc}\t{m.what}\t| {m.sentence}" for m in items]
            lines.append("")
        return "\n".join(lines)


# --- one document ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    head: tuple[Span, ...]
    tail: tuple[Span, ...] | frozenset[str] | tuple[str, ...]  # spans; role head nouns; date texts
    what: str
    anchor: Span


class _Gold:
    """A gold document read through a mapping: scored spans, identity groups, pairs per measure."""

    def __init__(self, doc: GoldDoc, mapping: Mapping, lemmas: Lemmas) -> None:
        self.doc = doc
        self.ents = {e.id: e for e in doc.entities}
        self.cls = {e.id: mapping.entities.get(e.type) for e in doc.entities}
        rules = [(rel, mapping.relations.get(rel.type, (None, False))) for rel in doc.relations]
        self.parent = {eid: eid for eid in self.ents}
        first: dict[str, str] = {}
        for eid, qid in doc.links:
            self._union(first.setdefault(qid, eid), eid)
        for cluster in doc.clusters:
            for eid in cluster[1:]:
                self._union(cluster[0], eid)
        for rel, (measure, _) in rules:
            if measure == "altname" and self.cls[rel.head] and self.cls[rel.head] == self.cls[rel.tail]:
                self._union(rel.head, rel.tail)
        self.group_spans: dict[str, list[Span]] = defaultdict(list)
        self.spans: dict[str, set[Span]] = {c: set() for c in mapping.classes}
        events: dict[str, list[GoldEntity]] = defaultdict(list)
        for ent in doc.entities:
            self.group_spans[self.find(ent.id)].append((ent.start, ent.stop))
            if self.cls[ent.id] in self.spans:
                self.spans[self.cls[ent.id]].add((ent.start, ent.stop))
            if self.cls[ent.id] == "Event":
                events[self.find(ent.id)].append(ent)
        self.gathering = {}
        if mapping.scopes:
            self.gathering = {
                root: any(lemmas.is_gathering(e.text) for e in ents) for root, ents in events.items()
            }
        self.events_in = [
            (e.start, e.stop) for root, ents in events.items() if self.gathering.get(root) for e in ents
        ]
        self.events_out = [
            (e.start, e.stop) for root, ents in events.items() if not self.gathering.get(root) for e in ents
        ]
        self.pairs: dict[str, list[_Pair]] = {m: [] for m in mapping.measures}
        self._read_pairs(rules, mapping, lemmas)
        self.altnames = self._read_altnames(rules)
        self.persons = self._person_identities(doc)

    def _person_identities(self, doc: GoldDoc) -> list[tuple[Span, str]]:
        """Gold persons for the over-merge rate: NEREL links only some mentions, so mentions that are
        forms of one name ("Андрей Варичев", "Андрея Варичева") are one person unless Wikidata says otherwise."""
        from extractors.nameforms import inflection_of

        qid = dict((eid, q) for eid, q in doc.links)
        persons = [e for e in doc.entities if self.cls[e.id] == "Person"]
        root = {e.id: self.find(e.id) for e in persons}
        for i, a in enumerate(persons):
            for b in persons[i + 1 :]:
                if root[a.id] == root[b.id] or qid.get(a.id, qid.get(b.id)) != qid.get(b.id, qid.get(a.id)):
                    continue
                if inflection_of(a.text, b.text):
                    old, new = root[b.id], root[a.id]
                    root = {k: new if v == old else v for k, v in root.items()}
        return [((e.start, e.stop), root[e.id]) for e in persons]

    def find(self, eid: str) -> str:
        while self.parent[eid] != eid:
            self.parent[eid] = self.parent[self.parent[eid]]
            eid = self.parent[eid]
        return eid

    def _union(self, a: str, b: str) -> None:
        if a in self.parent and b in self.parent:
            self.parent[self.find(a)] = self.find(b)

    def out_of_scope(self, spans: Sequence[Span]) -> bool:
        """A predicted event that overlaps only gold events outside the gathering scope."""
        return overlaps(spans, self.events_out) and not overlaps(spans, self.events_in)

    def _read_pairs(self, rules: list, mapping: Mapping, lemmas: Lemmas) -> None:
        mapped, holders = [], defaultdict(list)
        for rel, (measure, inverse) in rules:
            if measure in self.pairs:
                heads, tails = (rel.head,), (rel.tail, *rel.alternatives)
                if inverse:
                    heads, tails = tails, heads
                mapped.append((measure, heads, tails))
                if measure == "role":
                    for tail in tails:
                        holders[tail].extend(heads)
        seen: set[tuple] = set()
        for measure, heads, tails in mapped:
            lifted = [heads]
            if measure != "role" and len(heads) == 1 and heads[0] in holders:
                lifted = [(holder,) for holder in holders[heads[0]]]  # a position's relation is its holders'
            for head in lifted:
                self._add_pair(measure, head, tails, mapping, lemmas, seen)

    def _add_pair(
        self, measure: str, heads: tuple, tails: tuple, mapping: Mapping, lemmas: Lemmas, seen: set
    ) -> None:
        head_classes, tail_classes = ARGS[measure]
        if self.cls[heads[0]] not in head_classes or (
            tail_classes and self.cls[tails[0]] not in tail_classes
        ):
            return
        if measure in mapping.scopes:
            events = heads if head_classes == {"Event"} else tails if tail_classes == {"Event"} else ()
            if events and not any(self.gathering.get(self.find(e)) for e in events):
                return
        head_key = frozenset(self.find(h) for h in heads)
        head = tuple(s for root in sorted(head_key) for s in self.group_spans[root])
        if measure == "role":
            tail = tail_key = frozenset(lemmas.head_noun(self.ents[t].text) for t in tails)
        elif measure == "date":
            tail = tuple(self.ents[t].text for t in tails)
            tail_key = frozenset(t.lower() for t in tail)
        else:
            tail_key = frozenset(self.find(t) for t in tails)
            tail = tuple(s for root in sorted(tail_key) for s in self.group_spans[root])
        key = (
            (measure, frozenset((head_key, tail_key)))
            if measure in SYMMETRIC
            else (measure, head_key, tail_key)
        )
        if key in seen:
            return
        seen.add(key)
        h, t = self.ents[heads[0]], self.ents[tails[0]]
        what = f"«{h.text}» -> «{t.text}»" + (f" ({'/'.join(sorted(tail))})" if measure == "role" else "")
        start, stop = min(h.start, t.start), max(h.stop, t.stop)
        anchor = (start, stop) if stop - start <= 300 else (h.start, h.stop)
        self.pairs[measure].append(_Pair(head, tail, what, anchor))

    def _read_altnames(self, rules: list) -> list[tuple[GoldEntity, GoldEntity]]:
        pairs = []
        for rel, (measure, _) in rules:
            a, b = self.ents[rel.head], self.ents[rel.tail]
            if (
                measure == "altname"
                and self.cls[a.id] in ALTNAME_CLASSES
                and self.cls[b.id] == self.cls[a.id]
            ):
                pairs.append((a, b))
        for cluster in self.doc.clusters:
            mentions = sorted((self.ents[m] for m in cluster), key=lambda e: (e.start, e.stop, e.id))
            head = mentions[0]
            if self.cls[head.id] not in ALTNAME_CLASSES:
                continue
            texts = {head.text.lower()}
            for other in mentions[1:]:
                if other.text.lower() not in texts:
                    texts.add(other.text.lower())
                    pairs.append((head, other))
        return pairs


class _Predicted:
    """One extraction read as graph nodes: scored spans per class and node pairs per measure."""

    def __init__(self, ext: Extraction, gold: _Gold, mapping: Mapping, lemmas: Lemmas) -> None:
        entities = {e.key: e for e in ext.entities}
        self.node = {key: ent.ident or f"{ent.type}|{ent.name}" for key, ent in entities.items()}
        self.cls: dict[str, str | None] = {}
        self.name: dict[str, str] = {}
        for key, ent in entities.items():
            self.cls.setdefault(self.node[key], CLASS_OF.get(ent.type))
            self.name.setdefault(self.node[key], ent.name)
        self.spans: dict[str, list[Span]] = defaultdict(list)
        self.mentions: dict[str, dict[Span, str]] = {c: {} for c in CLASSES}
        for mention in ext.mentions:
            ent = entities.get(mention.key)
            if ent is None:
                log.debug("%s: mention %r names no entity", ext.article.source, mention)
                continue
            self.spans[self.node[mention.key]].append((mention.start, mention.stop))
            if CLASS_OF.get(ent.type):
                self.mentions[CLASS_OF[ent.type]].setdefault((mention.start, mention.stop), mention.text)
        self.pairs: dict[str, dict[tuple, tuple[str, Span]]] = {m: {} for m in mapping.measures}
        roles = defaultdict(list)
        for fact in ext.facts:
            if fact.predicate == "role" and isinstance(fact.object, Value):
                roles[fact.subject].append(fact.object.text)
        for fact in ext.facts:
            if fact.subject not in entities:
                continue
            if fact.predicate == "holdsPosition":
                for text in roles.get(fact.object, ()):
                    self._add("role", fact.subject, lemmas.head_noun(text), fact, gold, mapping)
            elif fact.predicate in PREDICATES:
                self._add(PREDICATES[fact.predicate], fact.subject, fact.object, fact, gold, mapping)

    def _add(
        self, measure: str, subject: str, obj: object, fact: Fact, gold: _Gold, mapping: Mapping
    ) -> None:
        if measure not in self.pairs:
            return
        head_classes, tail_classes = ARGS[measure]
        a, b = self.node[subject], obj
        if self.cls[a] not in head_classes:
            return
        label = obj.text if isinstance(obj, Value) else str(obj)
        if tail_classes is not None:
            if (
                not isinstance(obj, str)
                or obj not in self.node
                or self.cls[self.node[obj]] not in tail_classes
            ):
                return
            b = self.node[obj]
            label = f"«{self.name[b]}»"
        if measure in mapping.scopes:
            event = a if head_classes == {"Event"} else b if tail_classes == {"Event"} else None
            if event is not None and gold.out_of_scope(self.spans.get(event, ())):
                return
        key = tuple(sorted((a, b))) if measure in SYMMETRIC else (a, b)
        if key not in self.pairs[measure]:
            anchor = (
                (fact.evidence.start, fact.evidence.stop)
                if fact.evidence
                else self._near(a, b if tail_classes else None)
            )
            self.pairs[measure][key] = (f"«{self.name[a]}» -> {label}", anchor)

    def _near(self, a: str, b: object) -> Span:
        """Where to quote a pair without evidence: its two closest mentions, or the first of `a`."""
        ones, twos = self.spans.get(a) or [(0, 0)], self.spans.get(b, ()) if isinstance(b, str) else ()
        near = sorted((max(y, d) - min(x, c), min(x, c), max(y, d)) for x, y in ones for c, d in twos)
        return (near[0][1], near[0][2]) if near and near[0][0] <= 300 else ones[0]

    def hits(self, measure: str, key: tuple, pair: _Pair) -> bool:
        a, b = key
        spans_a = self.spans.get(a, ())
        if measure == "role":
            return b in pair.tail and overlaps(spans_a, pair.head)
        if measure == "date":
            return overlaps(spans_a, pair.head) and any(date_matches(b, text) for text in pair.tail)
        spans_b = self.spans.get(b, ())
        if overlaps(spans_a, pair.head) and overlaps(spans_b, pair.tail):
            return True
        return measure in SYMMETRIC and overlaps(spans_a, pair.tail) and overlaps(spans_b, pair.head)


def score_document(report: Report, doc: GoldDoc, ext: Extraction, mapping: Mapping, lemmas: Lemmas) -> None:
    """Add one document's counts and mistakes to `report`."""
    gold = _Gold(doc, mapping, lemmas)
    pred = _Predicted(ext, gold, mapping, lemmas)
    report.documents += 1
    found: dict[str, list[Mistake]] = defaultdict(list)

    def note(group: str, kind: str, span: Span, what: str) -> None:
        found[group].append(Mistake(kind, doc.id, span[0], what, sentence_around(doc.text, *span)))

    def shown(span: Span) -> str:
        return f"[{span[0]}:{span[1]}] «{doc.text[span[0] : span[1]]}»"

    for name in mapping.classes:
        golds, preds = gold.spans[name], pred.mentions[name]
        hits = golds & preds.keys()
        _count(report.entities[name], len(hits), len(preds), len(golds))
        for span in sorted(preds.keys() - hits):
            note(f"entities/{name}", "FP", span, shown(span))
        for span in sorted(golds - hits):
            note(f"entities/{name}", "FN", span, shown(span))
        gold_list, pred_list = sorted(golds), sorted(preds)
        edges = [
            sorted(
                (j for j, g in enumerate(gold_list) if p[0] < g[1] and g[0] < p[1]),
                key=lambda j, p=p: max(p[0], gold_list[j][0]) - min(p[1], gold_list[j][1]),
            )
            for p in pred_list
        ]
        owner = match(edges)
        _count(report.entities_overlap[name], len(owner), len(pred_list), len(gold_list))
        taken = set(owner.values())
        for i in sorted(set(range(len(pred_list))) - taken):
            note(f"entities_overlap/{name}", "FP", pred_list[i], shown(pred_list[i]))
        for j in sorted(set(range(len(gold_list))) - owner.keys()):
            note(f"entities_overlap/{name}", "FN", gold_list[j], shown(gold_list[j]))

    for measure in mapping.measures:
        golds, preds = gold.pairs[measure], list(pred.pairs[measure].items())
        owner = match([[j for j, g in enumerate(golds) if pred.hits(measure, key, g)] for key, _ in preds])
        _count(report.relations[measure], len(owner), len(preds), len(golds))
        taken = set(owner.values())
        for i, (_, (what, anchor)) in enumerate(preds):
            if i not in taken:
                note(f"relations/{measure}", "FP", anchor, what)
        for j, pair in enumerate(golds):
            if j not in owner:
                note(f"relations/{measure}", "FN", pair.anchor, pair.what)

    res = report.resolution
    every = [span for spans in pred.spans.values() for span in spans]
    for a, b in gold.altnames:
        one, two = [(a.start, a.stop)], [(b.start, b.stop)]
        res.altname_pairs += 1
        res.altname_covered += overlaps(every, one) and overlaps(every, two)
        if any(overlaps(spans, one) and overlaps(spans, two) for spans in pred.spans.values()):
            res.altname_merged += 1
        else:
            note("resolution/altname", "unmerged", (a.start, a.stop), f"«{a.text}» = «{b.text}»")
    for node, spans in pred.spans.items():
        if pred.cls.get(node) == "Person":
            joined: dict[str, Span] = {}
            for span in spans:
                best = _best_person(span, gold.persons)
                if best is not None:
                    joined.setdefault(best[1], best[0])
            res.person_nodes += bool(joined)
            if len(joined) > 1:
                res.person_overmerged += 1
                names = ", ".join(f"«{doc.text[s[0] : s[1]]}»" for s in sorted(joined.values()))
                note(
                    "resolution/person_overmerge",
                    "overmerged",
                    spans[0],
                    f"«{pred.name[node]}» joins {names}",
                )

    for group, items in found.items():
        report.mistakes[group].extend(sorted(items, key=lambda m: m.start))


def _best_person(span: Span, persons: list[tuple[Span, str]]) -> tuple[Span, str] | None:
    """The gold person a mention stands for: the most overlap, then the closest length (nesting)."""
    a, b = span
    near = [
        (max(a, c) - min(b, d), abs((d - c) - (b - a)), (c, d), root)
        for (c, d), root in persons
        if a < d and c < b
    ]
    return (min(near)[2], min(near)[3]) if near else None


def _count(score: Score, tp: int, predicted: int, gold: int) -> None:
    score.tp += tp
    score.fp += predicted - tp
    score.fn += gold - tp


def evaluate(
    docs: Iterable[GoldDoc],
    extract: Callable[[Article], Extraction],
    *,
    mapping: Mapping | None = None,
    limit: int | None = None,
    progress: bool = False,
    lemmas: Lemmas | None = None,
) -> Report:
    """Run `extract` on every gold document and score it; the mapping is guessed when not given."""
    if limit is not None and limit < 0:
        raise ValueError(f"expected limit >= 0 or None, got {limit}")
    docs = list(docs)[:limit] if limit is not None else list(docs)
    mapping = mapping or guess_mapping(docs)
    lemmas = lemmas or Lemmas()
    report = Report.empty(mapping)
    from tqdm import tqdm  # imported here: the CLI start-up stays fast

    for doc in tqdm(docs, disable=not progress, unit="doc", desc="evaluate"):
        score_document(report, doc, extract(adapt_article(doc)), mapping, lemmas)
    return report
