"""Merged nodes and near misses: which names became one node and why, which similar nodes were kept apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from rdflib import URIRef

from extractors.doc import EVENT_TYPES, ORG_TYPES
from extractors.merging import ORG_CLASS_RANK
from extractors.nameforms import abbreviates, inflection_of, same_word
from extractors.vocab import fold
from graph.store.ids import person_key
from graph.store.query import short

__all__ = ["MergeGroup", "NearMiss", "MergeReport", "merge_report"]

CLASSES = ("Person", *ORG_TYPES, "Place", *EVENT_TYPES, "EventSeries")

NODES = (
    "SELECT ?n ?t ?l WHERE { ?n a ?t ; rdfs:label ?l . FILTER(?t IN ("
    + ", ".join(f"fg:{c}" for c in CLASSES)
    + ")) }"
)
ALT_LABELS = "SELECT ?n ?l WHERE { ?n skos:altLabel ?l . FILTER EXISTS { ?n fg:mentionedIn ?a } }"
ARTICLES = "SELECT ?n ?a WHERE { ?n fg:mentionedIn ?a }"
REASONS = "SELECT ?n ?r WHERE { ?n fg:mergeReason ?r }"
MENTIONS = "SELECT DISTINCT ?n ?text WHERE { ?m fg:refersTo ?n ; fg:text ?text }"
NAMESAKES = "SELECT DISTINCT ?n ?b ?r WHERE { ?n fg:namesakeOf ?b ; fg:namesakeReason ?r }"
# what an article says a person works for: the context that tells namesakes apart
CONTEXT = """
SELECT ?p ?a ?org WHERE {
  GRAPH ?a { { ?p fg:affiliatedWith ?org } UNION { ?p fg:holdsPosition ?pos . ?pos fg:organization ?org } }
  ?p a fg:Person .
}"""


@dataclass(frozen=True)
class MergeGroup:
    """One node that several names, mentions or articles were merged into."""

    node: str
    type: str
    label: str
    names: tuple[str, ...]  # every label and alternative label, as «text»@lang
    articles: int
    reasons: tuple[str, ...]  # stored fg:mergeReason values, and the cross-article and cross-language ones
    conflicts: tuple[str, ...] = ()  # contexts that disagree: possibly two namesakes on one node


@dataclass(frozen=True)
class NearMiss:
    """Two nodes with similar names that were kept apart, and why they look alike."""

    a: str
    b: str
    a_label: str
    b_label: str
    type: str
    reason: str
    score: float


@dataclass
class MergeReport:
    merged: list[MergeGroup] = field(default_factory=list)
    near: list[NearMiss] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"merged": [asdict(g) for g in self.merged], "near_misses": [asdict(n) for n in self.near]}

    def to_text(self) -> str:
        out = [f"merged nodes: {len(self.merged)}"]
        for g in self.merged:
            out.append(f"{short_iri(g.node)}  {g.type}  {', '.join(g.names)}  ({g.articles} articles)")
            out += [f"  - {reason}" for reason in g.reasons]
            out += [f"  ! {conflict}" for conflict in g.conflicts]
        out.append(f"near misses, kept apart: {len(self.near)}")
        for n in self.near:
            out.append(
                f"{short_iri(n.a)} «{n.a_label}»  ~  {short_iri(n.b)} «{n.b_label}»  {n.type}: {n.reason} "
                f"({n.score:.2f})"
            )
        return "\n".join(out)


def class_rank(name: str) -> tuple:
    """The most specific class of a node wins: University over Organization, Forum over Event."""
    return (ORG_CLASS_RANK.get(name, 0), name != "Event", name)


def short_iri(iri: str) -> str:
    return short(URIRef(iri))


class Nodes:
    """What the store says of each named node: class, labels, articles, reasons, person contexts."""

    def __init__(self, store):
        self.type: dict[str, str] = {}
        self.labels: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.alts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.articles: dict[str, set[str]] = defaultdict(set)
        self.reasons: dict[str, set[str]] = defaultdict(set)
        self.context: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for n, t, label in store.query(NODES):
            name = str(t).rsplit("#", 1)[-1]
            old = self.type.get(str(n))
            if old is None or class_rank(name) > class_rank(old):
                self.type[str(n)] = name
            self.labels[str(n)].add((str(label), label.language or ""))
        for n, label in store.query(ALT_LABELS):
            self.alts[str(n)].add((str(label), label.language or ""))
        for n, a in store.query(ARTICLES):
            self.articles[str(n)].add(str(a))
        for n, r in store.query(REASONS):
            self.reasons[str(n)].add(str(r))
        self.texts: dict[str, set[str]] = defaultdict(set)
        for n, text in store.query(MENTIONS):
            self.texts[str(n)].add(" ".join(str(text).split()))
        for p, a, org in store.query(CONTEXT):
            self.context[str(p)][str(a)].add(str(org))
        self.namesakes: dict[tuple[str, str], set[str]] = defaultdict(set)  # (first node, namesake) -> why
        for n, b, r in store.query(NAMESAKES):
            self.namesakes[(str(b), str(n))].add(str(r))

    def label(self, node: str) -> str:
        labels = sorted(self.labels[node], key=lambda x: (x[1] != "ru", x))
        return labels[0][0] if labels else short_iri(node)

    def names(self, node: str) -> set[str]:
        return {text for text, _ in self.labels[node] | self.alts[node]}


def merge_report(store) -> MergeReport:
    """Every merged node with its reasons, and the near misses between nodes, in a stable order."""
    nodes = Nodes(store)
    report = MergeReport()
    for node in sorted(nodes.type):
        group = merged_group(nodes, node)
        if group is not None:
            report.merged.append(group)
    report.near = near_misses(nodes)
    return report


def merged_group(nodes: Nodes, node: str) -> MergeGroup | None:
    labels = nodes.labels[node]
    names = sorted(labels | nodes.alts[node], key=lambda x: (x not in labels, x[1], x[0]))
    reasons = set(nodes.reasons[node])
    count = len(nodes.articles[node])
    if count > 1:
        reasons.add(f"same canonical name in {count} articles: «{nodes.label(node)}» (1.00)")
    langs = {lang: text for text, lang in sorted(labels)}
    if len(langs) > 1 and nodes.type[node] == "Person":
        shown = " ~ ".join(f"«{text}»@{lang}" for lang, text in sorted(langs.items()))
        reasons.add(f"transliteration: {shown} → {person_key(langs.get('ru') or nodes.label(node))} (1.00)")
    elif len(langs) > 1:
        shown = " ~ ".join(f"«{text}»@{lang}" for lang, text in sorted(langs.items()))
        reasons.add(f"gazetteer alias across languages: {shown} (1.00)")
    # a mention written as one of the node's other names (the English pipeline records no reasons)
    others = {fold(text): text for text, _ in nodes.alts[node]}
    for text in nodes.texts[node]:
        if fold(text) in others and not any(inflection_of(text, label) for label, _ in labels):
            reasons.add(f"alternative name in the text: «{text}» (1.00)")
    if not reasons:
        return None
    return MergeGroup(
        node,
        nodes.type[node],
        nodes.label(node),
        tuple(f"«{text}»@{lang}" if lang else f"«{text}»" for text, lang in names),
        count,
        tuple(sorted(reasons)),
        tuple(context_conflicts(nodes, node)),
    )


def context_conflicts(nodes: Nodes, node: str) -> list[str]:
    """Articles that tie one person to organisations no other article does: maybe two namesakes."""
    by_article = {a: orgs for a, orgs in nodes.context.get(node, {}).items() if orgs}
    out = []
    articles = sorted(by_article)
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            if not by_article[a] & by_article[b]:
                left = ", ".join(sorted(nodes.label(o) for o in by_article[a]))
                right = ", ".join(sorted(nodes.label(o) for o in by_article[b]))
                out.append(f"different organisations: {left} ({short_iri(a)}) vs {right} ({short_iri(b)})")
    return out


def near_misses(nodes: Nodes) -> list[NearMiss]:
    """Pairs of nodes of one kind whose names look alike but were not merged."""
    out = [
        NearMiss(a, b, nodes.label(a), nodes.label(b), "Person", f"namesake kept apart: {why}", 0.9)
        for (a, b), reasons in sorted(nodes.namesakes.items())
        for why in sorted(reasons)
    ]
    persons = sorted(n for n, t in nodes.type.items() if t == "Person")
    by_stem = defaultdict(list)
    for node in persons:
        for name in nodes.names(node):
            # by the romanised surname, so a Cyrillic name meets its Latin spelling
            by_stem[person_key(name).split()[-1][:2]].append((node, name))
    seen = set()
    for bucket in by_stem.values():
        for i, (a, name_a) in enumerate(bucket):
            for b, name_b in bucket[i + 1 :]:
                if a == b or (min(a, b), max(a, b)) in seen:
                    continue
                miss = person_pair(a, name_a, b, name_b)
                if miss is not None:
                    seen.add((min(a, b), max(a, b)))
                    out.append(miss)
    # an abbreviation starts with the letter its full name starts with, an inflected form with its stem
    by_letter = defaultdict(set)
    for node in (n for n, t in nodes.type.items() if t in ORG_TYPES):
        for name in nodes.names(node):
            by_letter[fold(name)[:1]].add(node)
    pairs = {(a, b) for bucket in by_letter.values() for a in bucket for b in bucket if a < b}
    out += [m for m in (org_pair(nodes, a, b) for a, b in sorted(pairs)) if m is not None]
    return sorted(out, key=lambda m: (m.type, -m.score, m.a, m.b))


def person_pair(a: str, name_a: str, b: str, name_b: str) -> NearMiss | None:
    (a, name_a), (b, name_b) = sorted([(a, name_a), (b, name_b)])
    wa, wb = name_a.split(), name_b.split()
    if not same_word(wa[-1], wb[-1]):
        ratio = SequenceMatcher(None, person_key(name_a), person_key(name_b)).ratio()
        if len(wa) > 1 and len(wb) > 1 and ratio >= 0.85:
            return NearMiss(a, b, name_a, name_b, "Person", "similar spelling of the whole name", ratio)
        return None
    if len(wa) == 1 or len(wb) == 1:
        return NearMiss(
            a, b, name_a, name_b, "Person", "a surname alone was not linked to the full name", 0.6
        )
    if not same_word(wa[0], wb[0]):
        return NearMiss(a, b, name_a, name_b, "Person", "same surname, different first name", 0.5)
    return None


def org_pair(nodes: Nodes, a: str, b: str) -> NearMiss | None:
    label_a, label_b = nodes.label(a), nodes.label(b)
    for x in sorted(nodes.names(a)):
        for y in sorted(nodes.names(b)):
            if inflection_of(x, y):
                return NearMiss(
                    a, b, label_a, label_b, "Organization", f"«{x}» and «{y}» are forms of one name", 0.8
                )
            for short_name, full in ((x, y), (y, x)):
                if abbreviates(short_name, full):
                    reason = f"«{short_name}» abbreviates «{full}»"
                    return NearMiss(a, b, label_a, label_b, "Organization", reason, 0.6)
    return None
