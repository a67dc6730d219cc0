"""Named-entity candidates: natasha's PER/ORG/LOC spans, widened, typed and named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extractors.intervals import overlap_test
from extractors.ru.lookup import RuGazetteer
from extractors.ru.names import normalize_phrase
from extractors.ru.parse import Parsed, Sent
from extractors.vocab import load_table, load_words

__all__ = ["Cand", "find_names", "org_type", "GOV_HEADS"]

LEGAL_FORMS = {"пао", "оао", "зао", "ооо", "ао", "нко", "фгбоу", "фгаоу", "ано", "гк"}
# common nouns that open the name of a government body written without capitals or NER help
GOV_HEADS = {
    "министерство",
    "правительство",
    "администрация",
    "департамент",
    "мэрия",
    "агентство",
    "минобрнауки",
}


@dataclass
class Cand:
    """One candidate mention: offsets, ontology type and canonical name."""

    start: int
    stop: int
    type: str
    name: str
    sent: Sent
    alt: list[str] = field(default_factory=list)
    # "named"; "anaphor": a bare "форум" naming the forum named before; "unnamed": an event of its own
    # named by its noun phrase ("заседание Совета Безопасности ООН"), see vocab/unnamed_events.tsv
    kind: str = "named"
    series: str = ""
    year: int | None = None
    edition: int | None = None
    gazetteer: bool = False
    key: str = ""  # entity key, filled by resolution
    phrase: str = ""  # an event noun's phrase in the nominative, its name when it stands alone
    phrase_start: int = 0  # where that phrase begins and ends in the text
    phrase_stop: int = 0


def org_type(tokens) -> str:
    """University, GovernmentBody, Company or Organization, from the head noun of the name."""
    table = load_table("orgs.tsv")
    lemmas = [(t.lemma or t.text).lower() for t in tokens]
    nouns = [i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")]
    for i in nouns:
        for width in (2, 1):
            phrase = " ".join(lemmas[i : i + width])
            if phrase in table:
                return table[phrase]
        # an adjective before the head noun may start a two-word head: высшая школа
        if i and " ".join(lemmas[i - 1 : i + 1]) in table:
            return table[" ".join(lemmas[i - 1 : i + 1])]
    return "Organization"


AGE = re.compile(r"\d+-летн[а-яё]+")


def trim_tokens(tokens: list) -> list:
    """Cut a span at a bracket or a line break, and drop unmatched quotes at its ends."""
    out = []
    for token in tokens:
        if token.text in "()[]" or (out and "\n" in token.text):
            break
        out.append(token)
    while out and (out[-1].text in "«„“,:;-–—" or AGE.fullmatch(out[-1].text.lower()) or odd_quote(out)):
        out.pop()  # "ГРУ 66-летний": an age before the next name is not the organisation's
    while out and out[0].text in '»"“,:;-–—':
        out.pop(0)
    return out


def odd_quote(tokens: list) -> bool:
    """A straight quote at the end that closes none: not the one of 'ООО "МНКТ"'."""
    return tokens[-1].text == '"' and sum(t.text == '"' for t in tokens) % 2 == 1


def crosses_line(text: str, start: int, stop: int) -> bool:
    return "\n" in text[start:stop]


@cache
def generic_words() -> frozenset[str]:
    """Common nouns the recogniser may tag as a name on their own: "Компания", "Университет" (of an
    organisation), "Директор" (a post), "Внуки" (kinship); built once, not per article."""
    return (
        frozenset(load_table("orgs.tsv"))
        | frozenset(load_words("posts.txt"))
        | frozenset(load_words("not_posts.txt"))
    )


def find_names(parsed: Parsed, vocab, gazetteer: RuGazetteer) -> list[Cand]:
    """Persons, organisations and places named in the text."""
    cands: list[Cand] = []
    spans = sorted(parsed.spans, key=lambda s: s.start)
    generic = generic_words()
    skip = set()
    for i, span in enumerate(spans):
        if i in skip:
            continue
        sent = parsed.sent_at(span.start)
        if sent is None:
            continue
        tokens = list(span.tokens)
        # an organisation followed by the place or body it belongs to: Правительство + Новосибирской области
        j = i
        while span.type == "ORG" and j + 1 < len(spans):
            nxt = spans[j + 1]
            if parsed.text[tokens[-1].stop : nxt.start].strip() or nxt.type == "PER":
                break
            if not any(t.head_id in {x.id for x in tokens} for t in nxt.tokens):
                break
            tokens += list(nxt.tokens)
            skip.add(j + 1)
            j += 1
        # a post at the head of an ORG span belongs to the person, not to the name: Председателя Думы; a
        # delegation is the organisation's people, not an organisation: Делегацию ТУСУРа
        while len(tokens) > 1 and (tokens[0].lemma or "").lower() in {*load_words("posts.txt"), "делегация"}:
            tokens = tokens[1:]
        tokens = trim_tokens(tokens)
        if not tokens or crosses_line(parsed.text, tokens[0].start, tokens[-1].stop):
            continue
        start, stop = tokens[0].start, tokens[-1].stop
        text = parsed.text[start:stop]
        if len(tokens) == 1 and (tokens[0].lemma or "").lower() in generic:
            continue  # a common noun, not a name
        if span.type == "PER":
            tokens = extend_person(sent, tokens)
            start, stop = tokens[0].start, tokens[-1].stop
            cands.append(
                Cand(start, stop, "Person", normalize_phrase(vocab, tokens, syntax=False, person=True), sent)
            )
            continue
        name = normalize_phrase(vocab, tokens, syntax=True)
        entry = gazetteer.find(text, tokens)
        if entry and entry.type != "EventSeries":
            alt = [name] if gazetteer.gazetteer.get(name) is entry else []
            cands.append(Cand(start, stop, entry.type, entry.name, sent, alt, gazetteer=True))
        elif entry:
            continue  # a forum's name: the event finder owns it
        elif span.type == "LOC":
            cands.append(Cand(start, stop, "Place", name, sent))
        else:
            cands.append(org_cand(parsed, sent, tokens, name, vocab))
    cands.extend(gov_bodies(parsed, vocab, gazetteer, cands))
    cands.extend(known_names(parsed, gazetteer, cands))
    return sorted(cands, key=lambda c: (c.start, c.stop))


def known_names(parsed: Parsed, gazetteer: RuGazetteer, cands: list[Cand], width: int = 4) -> list[Cand]:
    """Gazetteer names the tagger missed ("Глава Минобрнауки …"): windows of up to `width` tokens."""
    taken = overlap_test((c.start, c.stop) for c in cands)
    out = []
    for sent in parsed.sents:
        covered: list[tuple[int, int]] = []  # names found here: sentences do not overlap, earlier ones cannot
        tokens = sent.tokens
        i = 0
        while i < len(tokens):
            found = None
            if not tokens[i].text[:1].isupper():  # a name starts with a capital letter
                i += 1
                continue
            for j in range(min(len(tokens), i + width) - 1, i - 1, -1):
                start, stop = tokens[i].start, tokens[j].stop
                if taken(start, stop) or any(a < stop and start < b for a, b in covered):
                    continue
                entry = gazetteer.gazetteer.get(parsed.text[start:stop])
                if entry is None and i == j:
                    entry = gazetteer.by_lemmas.get(gazetteer.key_of_tokens(tokens[i : j + 1]))
                if entry is not None and entry.type != "EventSeries":
                    found = Cand(start, stop, entry.type, entry.name, sent, [], gazetteer=True)
                    i = j
                    break
            if found:
                out.append(found)
                covered.append((found.start, found.stop))
            i += 1
    return out


PATRONYMIC = re.compile(r"(вич|вна|ична|инична)(а|у|ем|ом|е|ы|ой)?$", re.IGNORECASE)


def extend_person(sent: Sent, tokens: list) -> list:
    """Add a surname the tagger left out: "Юрия Борисовича | Гриценко"."""
    if tokens[-1] not in sent.tokens:
        return tokens  # a span across a sentence break
    index = sent.tokens.index(tokens[-1])
    ids = {t.id for t in tokens}
    while index + 1 < len(sent.tokens):
        nxt = sent.tokens[index + 1]
        if not (nxt.text[:1].isupper() and nxt.text.isalpha()):
            break
        if not (nxt.head_id in ids and nxt.rel.startswith("flat")) and not PATRONYMIC.search(tokens[-1].text):
            break
        tokens = [*tokens, nxt]
        ids.add(nxt.id)
        index += 1
    return tokens


def org_cand(parsed: Parsed, sent: Sent, tokens: list, name: str, vocab) -> Cand:
    """An organisation not in the gazetteer: a quoted name with its head words, or head words."""
    start, stop = tokens[0].start, tokens[-1].stop
    text = parsed.text
    quoted = start > 0 and text[start - 1] in '«"' and stop < len(text) and text[stop] in '»"'
    lead: list = []
    if quoted:
        # the head words before a quoted name: группы компаний «Элекард», ПАО «МТС»
        table = load_table("orgs.tsv")
        for token in reversed([t for t in sent.tokens if t.stop < start][-4:]):
            lemma = (token.lemma or token.text).lower()
            if token.text in '«"':
                continue
            if lemma in LEGAL_FORMS or lemma in table or lemma in {"группа", "компания"}:
                lead.insert(0, token)
            else:
                break
    if quoted:
        # quoted names stay as written, but a one-word name is put into the nominative (с «БелАЗом»)
        name = name if len(tokens) == 1 else text[start:stop]
    alt = []
    if lead:
        alt.append(f"{normalize_phrase(vocab, lead, syntax=True)} «{name}»")
        start, stop = lead[0].start, stop + 1
    cls = org_type(lead + tokens)
    if cls == "Organization" and (quoted or any((t.lemma or "").lower() in LEGAL_FORMS for t in lead)):
        # Russian news quotes the names of enterprises and brands, not of universities or ministries
        cls = "Company"
    return Cand(start, stop, cls, name, sent, alt)


def subtree_right(sent: Sent, head) -> list:
    """The head and the contiguous tokens after it that depend on it (its genitive chain)."""
    index = sent.tokens.index(head)
    span = [head]
    for token in sent.tokens[index + 1 :]:
        node, seen = token, set()
        while node is not None and node.id != head.id and node.id not in seen:
            seen.add(node.id)
            node = sent.head(node)
        if node is None or "\n" in token.text:
            break
        span.append(token)
    while span and span[-1].pos in {"PUNCT", "CCONJ", "ADP"}:
        span.pop()
    return span


def gov_bodies(parsed: Parsed, vocab, gazetteer: RuGazetteer, cands: list[Cand]) -> list[Cand]:
    """Government bodies written with common nouns: министерство промышленности и торговли края."""
    covered = [(c.start, c.stop) for c in cands]
    out = []
    for sent in parsed.sents:
        for token in sent.tokens:
            if (token.lemma or "").lower() not in GOV_HEADS or token.pos not in ("NOUN", "PROPN"):
                continue
            if any(a <= token.start < b for a, b in covered):
                continue
            span = subtree_right(sent, token)
            if len(span) < 2 or any(t.pos == "PUNCT" and t.text not in ",-" for t in span):
                continue
            start, stop = span[0].start, span[-1].stop
            text = parsed.text[start:stop]
            entry = gazetteer.find(text, span)
            if entry:
                out.append(Cand(start, stop, entry.type, entry.name, sent, [], gazetteer=True))
            else:
                name = normalize_phrase(vocab, span, syntax=True)
                out.append(Cand(start, stop, "GovernmentBody", name[:1].upper() + name[1:], sent, [name]))
            covered.append((start, stop))
    return out
