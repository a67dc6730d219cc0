"""Helpers the Russian relation extractors share: triggers, clauses, the article's region, furniture."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.doc import EVENT_TYPES, ORG_TYPES, Mention
from extractors.ru.names import inflect_phrase
from extractors.vocab import fold, load_table, load_words

__all__ = [
    "AGENT_TYPES",
    "EVENT_SET",
    "ORG_SET",
    "TERRITORY_WORDS",
    "ancestors",
    "article_region",
    "cand_tokens",
    "case_words",
    "furniture_start",
    "name_root",
    "office_held",
    "place_of_adjective",
    "prepositions",
    "resolve_territory",
    "story_sents",
    "triggers",
    "trigger_tokens",
]

EVENT_SET = set(EVENT_TYPES)
ORG_SET = set(ORG_TYPES)
AGENT_TYPES = ORG_SET | {"Person"}
# a territory named by its kind alone ("края", "области"): the region the article is about
TERRITORY_WORDS = {
    "край": "край",
    "область": "область",
    "регион": "",
    "республика": "республика",
    "округ": "округ",
}
REGION_KIND = re.compile(r"(?:^Республика\s|\s(?:край|область|округ)$)")


@lru_cache(maxsize=1)
def triggers() -> dict[str, str]:
    return load_table("triggers.tsv")


def trigger_tokens(sent, relation: str | set[str]) -> list:
    wanted = {relation} if isinstance(relation, str) else relation
    table = triggers()
    return [t for t in sent.tokens if table.get((t.lemma or "").lower()) in wanted]


def cand_tokens(sent, cand) -> list:
    return [t for t in sent.tokens if cand.start <= t.start and t.stop <= cand.stop]


def name_root(sent, person):
    """The word of a name the others hang on (its root in the parse), or None."""
    ids = {t.id for t in sent.tokens if person.start <= t.start < person.stop}
    return next((t for t in sent.tokens if t.id in ids and t.head_id not in ids), None)


def apposed_head(sent, person):
    """The word the parser puts a name in apposition to, or None."""
    root = name_root(sent, person)
    return sent.head(root) if root is not None and root.rel == "appos" else None


def furniture_start(text: str) -> int:
    """Where page furniture begins (a "Recent Posts" heading after the story), or len(text)."""
    headings = {fold(w) for w in load_words("furniture.txt")}
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset > len(text) * 0.2:  # folded once a line, not once a heading
            folded = fold(line.strip())
            if folded in headings:
                return offset
            # a heading glued to the end of the story's last line: "Printable versionАктуально"
            if len(line.strip()) < 40 and any(folded.endswith(heading) for heading in headings):
                return offset
        offset += len(line)
    return len(text)


def story_sents(ctx) -> list:
    """The sentences of the story: the ones before page furniture."""
    if not hasattr(ctx, "_story"):
        limit = furniture_start(ctx.article.text)
        ctx._story = [s for s in ctx.parsed.sents if s.start < limit]
    return ctx._story


def article_region(ctx) -> str | None:
    """The entity key of the region the article is about: the most mentioned край/область/республика."""
    if not hasattr(ctx, "_region"):
        counts: dict[str, int] = {}
        for cand in ctx.cands:
            if cand.key and cand.type == "Place" and REGION_KIND.search(cand.name):
                counts[cand.key] = counts.get(cand.key, 0) + 1
        ctx._region = max(sorted(counts), key=counts.get) if counts else None
    return ctx._region


def resolve_territory(ctx, name: str) -> str:
    """ "министерство промышленности и торговли края" -> "... Хабаровского края", when the article says which."""
    words = name.split()
    if not words:
        return name
    last = words[-1]
    forms = ctx.models.morph_vocab(last.lower())
    lemma = forms[0].normal if forms else last.lower()
    if lemma not in TERRITORY_WORDS or (
        len(words) > 1
        and ctx.models.morph_vocab(words[-2].lower())[:1]
        and ctx.models.morph_vocab(words[-2].lower())[0].pos == "ADJ"
    ):
        return name
    region = article_region(ctx)
    if region is None:
        return name
    region_name = ctx.entities[region].name
    kind = TERRITORY_WORDS[lemma]
    if kind and kind not in fold(region_name):
        return name
    return " ".join(words[:-1] + [inflect_phrase(ctx.models.morph_vocab, region_name.split(), "Gen")])


def place_of_adjective(ctx, token, place: str) -> str:
    """The Place node an adjective names ("российский" -> Россия, "Каннский" -> Канны), by its gazetteer
    name where it has one, with a mention on the adjective; its key."""
    entry = ctx.gazetteer.gazetteer.get(place)
    name = entry.name if entry is not None else place
    key = ctx.entity("place:" + fold(name), "Place", name, entry.names if entry else ())
    ctx.extra_mentions.append(Mention(token.start, token.stop, token.text, key))
    return key


def is_event(cand) -> bool:
    return cand.type in EVENT_SET and cand.kind in ("named", "unnamed")


def ancestors(sent, token) -> list:
    """The token and the heads above it, up to the root (at most 50: a parse may loop)."""
    chain = []
    while token is not None and len(chain) < 50:
        chain.append(token)
        token = sent.head(token)
    return chain


def prepositions(sent, token) -> set[str]:
    """The prepositions a word takes: {"на"} for "на посту"."""
    return {(c.lemma or "").lower() for c in sent.children(token) if c.rel == "case"}


def office_held(sent, office) -> bool:
    """ "с поста", "от должности", "на посту", "в должности": a post left or held, not one sought ("на пост")."""
    preps = prepositions(sent, office)
    return bool(preps & {"с", "от"} or (preps & {"на", "в"} and office.feats.get("Case") == "Loc"))


def named_in_parentheses(ctx, cand) -> bool:
    """An organisation in parentheses right after a name, the name's affiliation: "Иван Петров (ТГУ)"; it
    is no agent of the clause the name is in."""
    before = ctx.article.text[: cand.start].rstrip(' «"')
    if cand.type not in ORG_SET or not before.endswith("("):
        return False
    return any(c.type == "Person" and 0 <= len(before) - 1 - c.stop <= 1 for c in ctx.in_sent(cand.sent))


def case_words(sent, token) -> tuple[str, ...]:
    """The preposition of a noun with its fixed parts: ("в", "ход") for "в ходе"."""
    out = []
    for mark in (c for c in sent.children(token) if c.rel == "case"):
        out.append((mark.lemma or "").lower())
        out.extend((c.lemma or "").lower() for c in sent.children(mark) if c.rel == "fixed")
    return tuple(out)
