"""Russian articles to an Extraction: parse, find names and events, resolve, extract relations."""

from __future__ import annotations

import gc
from functools import lru_cache

from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention, Value
from extractors.resolve import resolve_mentions
from extractors.ru.events import find_events, in_title_place
from extractors.ru.lookup import RuGazetteer
from extractors.ru.models import RuModels, load_ru_models
from extractors.ru.parse import Parsed, parse_text
from extractors.ru.spans import Cand, find_names
from extractors.vocab import fold, load_gazetteer

__all__ = ["extract_ru", "Context"]


class Context:
    """What the relation extractors see: the parse, the candidates with their keys, the entities."""

    def __init__(
        self, article: Article, parsed: Parsed, cands: list[Cand], models: RuModels, gazetteer: RuGazetteer
    ):
        self.article = article
        self.parsed = parsed
        self.cands = cands
        self.models = models
        self.gazetteer = gazetteer
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.extra_mentions: list[Mention] = []  # mentions found by relation extractors
        self._by_sent: dict[int, list[Cand]] | None = None
        self._indexed: list[Cand] | None = None
        self._count = 0
        self._memo: dict[str, dict] = {}  # answers about the candidates, per question

    def evidence(self, sent) -> Evidence:
        return Evidence(sent.start, sent.stop, sent.text)

    def add(self, subject: str, predicate: str, obj: str | Value, sent) -> None:
        self.facts.append(Fact(subject, predicate, obj, self.evidence(sent)))

    def entity(self, key: str, type_name: str, name: str, alts=(), ident: str = "") -> str:
        if key not in self.entities:
            self.entities[key] = Entity(
                key, type_name, name, "ru", tuple(sorted(set(alts) - {name})), ident=ident
            )
        return key

    def memo(self, question: str) -> dict:
        """A memo of answers about the candidates (`in_sent`, `subjects`): emptied when they change."""
        if self._by_sent is None or self._indexed is not self.cands or self._count != len(self.cands):
            self._by_sent = {}
            for cand in self.cands:  # one pass, not one scan of every candidate per sentence
                self._by_sent.setdefault(id(cand.sent), []).append(cand)
            self._indexed, self._count = self.cands, len(self.cands)
            self._memo = {}
        return self._memo.setdefault(question, {})

    def in_sent(self, sent, types=None) -> list[Cand]:
        """The keyed candidates of one sentence, in text order, optionally of some types only."""
        memo = self.memo("in_sent")
        key = (id(sent), None if types is None else frozenset(types))
        found = memo.get(key)
        if found is None:  # the relation modules ask the same questions of every sentence
            found = memo[key] = [
                c
                for c in self._by_sent.get(id(sent), ())
                if c.key and c.sent is sent and (types is None or c.type in types)
            ]
        return list(found)


@lru_cache(maxsize=2)
def ru_gazetteer(vocab) -> RuGazetteer:
    """The gazetteer indexed by lemmas, built once per process and vocabulary: it lemmatises every name.

    The models and the gazetteer then live as long as the process: frozen out of the garbage
    collector's sight, so its full collections during extraction do not walk them again.
    """
    gazetteer = RuGazetteer(load_gazetteer(), vocab)
    gc.freeze()
    return gazetteer


def drop_nested(names: list[Cand], events: list[Cand]) -> list[Cand]:
    """Names inside an event's quoted title are part of the title, not entities of their own; but for a
    place the title says the event is in («Шукшинские дни на Алтае»: Алтай)."""
    titled = [(e.start, e.stop) for e in events if e.kind == "named" and e.alt]
    return [c for c in names if in_title_place(c) or not any(a <= c.start and c.stop <= b for a, b in titled)]


def extract_ru(article: Article, models: RuModels | None = None, layer=None) -> Extraction:
    """`layer`: a hook run on the Context after the rules (the learned layer of extractors/learn, issue 14)."""
    from extractors.ru.relations import extract_relations

    models = models or load_ru_models()
    gazetteer = ru_gazetteer(models.morph_vocab)
    parsed = parse_text(article.text, models)
    events = find_events(parsed, models.morph_vocab, gazetteer)
    names = drop_nested(find_names(parsed, models.morph_vocab, gazetteer), events)
    cands = sorted(names + events, key=lambda c: (c.start, c.stop))
    resolved = resolve_mentions(cands, article.text, "ru")
    ctx = Context(article, parsed, cands, models, gazetteer)
    ctx.entities.update(resolved.entities)
    extract_relations(ctx)
    if layer is not None:  # issue 14: the learned layer beside the rules
        layer(ctx)
    for key, ent in list(ctx.entities.items()):
        if fold(ent.name) == "":
            del ctx.entities[key]
    facts = sorted(set(ctx.facts), key=fact_order)
    mentions = sorted(
        set(resolved.mentions) | set(ctx.extra_mentions), key=lambda m: (m.start, m.stop, m.key)
    )
    entities = tuple(sorted(ctx.entities.values(), key=lambda e: e.key))
    return Extraction(article, entities, tuple(mentions), tuple(facts))


def fact_order(fact: Fact):
    obj = fact.object if isinstance(fact.object, str) else f"{fact.object.text}|{fact.object.datatype}"
    ev = fact.evidence
    return (fact.subject, fact.predicate, obj, ev.start if ev else -1)
