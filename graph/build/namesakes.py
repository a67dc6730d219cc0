"""Namesakes across articles: the same name whose contexts conflict becomes a second node, not a merge.

A person's IRI comes from the name, so "Иван Петров" of every article meets on one node. Before an
article's graph is written, each of its persons is compared with the node stored under that IRI
(and with the namesakes already kept apart from it). Two contexts conflict when

- both name a patronymic, and the patronymics differ ("Иван Сергеевич Петров", "Иван Олегович Петров");
- both tie the person to universities, and no university is shared; the same for companies.

Government bodies and other organisations never conflict: an official holds several posts at once.
A conflicting person gets the IRI of a compatible namesake (`fgr:person/ivan-petrov--2`), or a new
one; the graph records `fg:namesakeOf` the first node and `fg:namesakeReason` in plain words.

Decisions happen in the process that writes the store, in reading order, so `--jobs N` and `--dask`
give what `--jobs 1` gives, and a re-build of unchanged articles changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SKOS

from extractors.doc import Extraction
from extractors.nameforms import PATRONYMIC, same_word
from graph.store.vocab import FG

__all__ = ["PersonContext", "person_contexts", "Namesakes", "conflict"]

EXCLUSIVE = ("University", "Company")  # a person rarely works for two of one kind at once
MAX_NAMESAKES = 50  # namesake nodes looked at per name


@dataclass
class PersonContext:
    """What one article (or the store) says about a person that could tell namesakes apart."""

    iri: str
    patronymics: set[str] = field(default_factory=set)
    orgs: dict[str, set[str]] = field(default_factory=dict)  # class -> org IRIs
    labels: dict[str, str] = field(default_factory=dict)  # org IRI -> label, for the reason

    @property
    def empty(self) -> bool:
        return not self.patronymics and not any(self.orgs.values())

    def update(self, other: PersonContext) -> None:
        self.patronymics |= other.patronymics
        for kind, orgs in other.orgs.items():
            self.orgs.setdefault(kind, set()).update(orgs)
        self.labels.update(other.labels)


MENTIONED_IN = ox.NamedNode(str(FG.mentionedIn))
AFFILIATED_WITH = ox.NamedNode(str(FG.affiliatedWith))
NAMESAKE_OF = ox.NamedNode(str(FG.namesakeOf))
NAMES = (ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel)))
RDF_TYPE = ox.NamedNode(str(RDF.type))


def patronymic(name: str) -> str | None:
    """The middle word of a Russian three-word name, when it is a patronymic."""
    words = name.split()
    if len(words) == 3 and PATRONYMIC.search(words[1]):
        return words[1]
    return None


def person_contexts(ext: Extraction, nodes: dict[str, str]) -> tuple[PersonContext, ...]:
    """The context of every person of an extraction that has one (`nodes`: entity key -> IRI)."""
    entities = {e.key: e for e in ext.entities}
    found: dict[str, PersonContext] = {}
    for ent in ext.entities:
        if ent.type == "Person":
            ctx = PersonContext(nodes[ent.key])
            ctx.patronymics = {p for p in map(patronymic, (ent.name, *ent.alt_names)) if p}
            found[ent.key] = ctx
    for fact in ext.facts:
        if fact.predicate != "affiliatedWith" or fact.subject not in found:
            continue
        org = entities.get(fact.object) if isinstance(fact.object, str) else None
        if org is not None and org.type in EXCLUSIVE:
            ctx = found[fact.subject]
            ctx.orgs.setdefault(org.type, set()).add(nodes[org.key])
            ctx.labels[nodes[org.key]] = org.name
    return tuple(sorted((c for c in found.values() if not c.empty), key=lambda c: c.iri))


def conflict(a: PersonContext, b: PersonContext) -> str | None:
    """Why two contexts cannot be one person, in plain words; None when they can."""
    if (
        a.patronymics
        and b.patronymics
        and not any(same_word(x, y) for x in a.patronymics for y in b.patronymics)
    ):
        return (
            f"different patronymics: {', '.join(sorted(a.patronymics))} vs {', '.join(sorted(b.patronymics))}"
        )
    for kind in EXCLUSIVE:
        mine, theirs = a.orgs.get(kind), b.orgs.get(kind)
        if mine and theirs and not mine & theirs:
            return (
                f"different {'universities' if kind == 'University' else 'companies'}: "
                f"{names(mine, a.labels)} vs {names(theirs, b.labels)}"
            )
    return None


def overlap(a: PersonContext, b: PersonContext) -> bool:
    return any(a.orgs.get(k, set()) & b.orgs.get(k, set()) for k in EXCLUSIVE) or any(
        same_word(x, y) for x in a.patronymics for y in b.patronymics
    )


def names(orgs: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(sorted(labels.get(o, o) for o in orgs))


def namesake_iri(base: str, number: int) -> str:
    return f"{base}--{number}"  # a slug never holds "--", so no name can make this IRI


def namesake_number(iri: str) -> int:
    """2 for `…/ivan-petrov--2`: the inverse of namesake_iri."""
    return int(iri.rsplit("--", 1)[1])


class Namesakes:
    """Chooses, article by article, which node each person's context fits; rewrites the graph to it.

    `store.find(s, p, o)` gives the stored quads of a pattern. Contexts of the batch being gathered
    (`pending`) and of the batch being written (`sent`) are kept here until the store holds them.
    """

    def __init__(self, store):
        self.find = store.find
        self.pending: dict[str, PersonContext] = {}  # IRI -> context of the unflushed batch
        self.pending_namesakes: dict[str, list[str]] = {}  # base IRI -> namesake IRIs of the batch
        self.sent: dict[str, PersonContext] = {}  # the same for the batch being written
        self.sent_namesakes: dict[str, list[str]] = {}

    def stored(self, iri: str, graph: str) -> PersonContext | None:
        """The context the store gives `iri` outside `graph`; None when no other graph names it."""
        node = ox.NamedNode(iri)
        mine = merged(self.pending.get(iri), self.sent.get(iri))
        named = any(q.graph_name.value != graph for q in self.find(node, MENTIONED_IN, None))
        if not named and mine is None:
            return None
        ctx = PersonContext(iri)
        for predicate in NAMES:
            for quad in self.find(node, predicate, None):
                if quad.graph_name.value != graph and (p := patronymic(quad.object.value)):
                    ctx.patronymics.add(p)
        for quad in self.find(node, AFFILIATED_WITH, None):
            org = quad.object
            if quad.graph_name.value == graph or not isinstance(org, ox.NamedNode):
                continue
            kinds = {q.object for q in self.find(org, RDF_TYPE, None)}
            for kind in EXCLUSIVE:
                if ox.NamedNode(str(FG[kind])) in kinds:
                    ctx.orgs.setdefault(kind, set()).add(org.value)
                    ctx.labels[org.value] = next(
                        (q.object.value for q in self.find(org, NAMES[0], None)), org.value
                    )
        if mine is not None:
            ctx.update(mine)
        return ctx

    def known_namesakes(self, base: str) -> list[str]:
        found = {q.subject.value for q in self.find(None, NAMESAKE_OF, ox.NamedNode(base))}
        found |= set(self.pending_namesakes.get(base, ())) | set(self.sent_namesakes.get(base, ()))
        return sorted(found, key=namesake_number)[:MAX_NAMESAKES]

    def choose(self, mine: PersonContext, graph: str) -> tuple[str, str | None]:
        """(IRI for this person, reason it is not the base node or None)."""
        base = self.stored(mine.iri, graph)
        if base is None:
            return mine.iri, None
        why = conflict(mine, base)
        if why is None:
            return mine.iri, None
        candidates = self.known_namesakes(mine.iri)
        fitting = []
        for iri in candidates:
            ctx = self.stored(iri, graph) or PersonContext(iri)
            if conflict(mine, ctx) is None:
                fitting.append((not overlap(mine, ctx), iri))
        if fitting:
            return min(fitting, key=lambda f: (f[0], namesake_number(f[1])))[1], why
        number = max(map(namesake_number, candidates), default=1) + 1
        return namesake_iri(mine.iri, number), why

    def apply(self, graph: str, nquads: str, contexts: Iterable[PersonContext]) -> str:
        """The article's N-Quads with each conflicting person moved to its namesake node."""
        extra = []
        for mine in contexts:
            iri, why = self.choose(mine, graph)
            if iri != mine.iri:
                nquads = nquads.replace(f"<{mine.iri}>", f"<{iri}>")
                extra.append(f"<{iri}> <{FG.namesakeOf}> <{mine.iri}> <{graph}> .\n")
                extra.append(f"<{iri}> <{FG.namesakeReason}> {ox.Literal(why)} <{graph}> .\n")
                if iri not in self.pending_namesakes.setdefault(mine.iri, []):
                    self.pending_namesakes[mine.iri].append(iri)
            moved = copy(mine)
            moved.iri = iri
            self.pending[iri] = merged(self.pending.get(iri), moved)
        return nquads + "".join(sorted(extra))

    def handed_over(self) -> None:
        """The batch goes to the store: its contexts count until `written`."""
        for iri, ctx in self.pending.items():
            self.sent[iri] = merged(self.sent.get(iri), ctx)
        for base, iris in self.pending_namesakes.items():
            self.sent_namesakes.setdefault(base, []).extend(
                i for i in iris if i not in self.sent_namesakes[base]
            )
        self.pending.clear()
        self.pending_namesakes.clear()

    def written(self) -> None:
        """The batch handed over is in the store, which now answers for it."""
        self.sent.clear()
        self.sent_namesakes.clear()


def merged(a: PersonContext | None, b: PersonContext | None) -> PersonContext | None:
    """One context from two (either may be None), neither changed."""
    if a is None or b is None:
        return copy(a if b is None else b)
    out = copy(a)
    out.update(b)
    return out


def copy(ctx: PersonContext | None) -> PersonContext | None:
    if ctx is None:
        return None
    return PersonContext(
        ctx.iri, set(ctx.patronymics), {k: set(v) for k, v in ctx.orgs.items()}, dict(ctx.labels)
    )
