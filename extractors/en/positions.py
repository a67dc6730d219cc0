"""English posts: "Rector of AltSU Sergey Bocharov", "X, rector of Y", "Y spokesman X" -> Position facts."""

from __future__ import annotations

import re
from collections import Counter

from extractors.doc import ORG_TYPES, Value
from extractors.en.document import EnDoc, Hit, Node, Sent, position_key
from extractors.en.entities import main_node
from extractors.en.lexicon import Lexicon, norm_phrase
from extractors.en.syntax import token_at

__all__ = ["extract_positions", "article_country"]

ORG_OR_PLACE = (*ORG_TYPES, "Place")
_COPULA = r"(?:(?:who|which)\s+)?(?:is|was|has been|had been|became|becomes|serves as|served as|works as|worked as|remains|as|now)\s+"
# person -> post: "X, 58, was acting comptroller", "X, a former", "X, leader of Serbs and vice-president"
_LEAD = re.compile(
    rf"(?:\s*,\s*(?:\d{{1,3}}\s*,\s*)?(?:{_COPULA})?|\s+{_COPULA})"
    r"(?:(?:an?|the|its|their|another|one)\s+)?(?P<past>(?:former|ex-|late)\s*)?(?:[a-z][\w-]*\s+)?"
    r"(?:[^,;()]{1,40}?\s+and\s+)?"
)
# organisation -> post: "Chevron spokesman", "NASA's administrator", "CNEN Radioprotection Director"
_ORG_POST = re.compile(r"\s*['’]s\s+|\s+(?:[A-Za-z][\w-]*\s+)?")
# post -> organisation: "rector of AltSU", "professor of political science at Queens College"
_POST_ORG = re.compile(
    r"(?:\s+(?:of|for|in|on)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)?\s*,?\s+(?:of|at|for|with|in)\s+(?:[Tt]he\s+)?"
)
_NAME_GAP = re.compile(r"\s*,\s*|\s+")
_PERSON_OF = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s*,?\s+(?P<prep>of|from|at)\s+(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){0,3}(?:of\s+(?:the\s+)?)?"
)
# "Harrington taught at Harvard", "who served 24 years in Congress", "X, who works for Y"
_WORKS = re.compile(
    r"(?:\s*,)?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:works?|worked|teach(?:es)?|taught|serves?|served|lectures?|lectured)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:at|for|in|with)\s+(?:[Tt]he\s+)?"
)
_PERSON_S = re.compile(r"\s*['’]s\s+(?:[a-z][\w-]*\s+){0,2}")


def article_country(doc: EnDoc, lexicon: Lexicon) -> str | None:
    """The country named most often in the article (names and adjectives alike), as a Place node key."""
    counts: Counter[str] = Counter()
    for english, canonical in lexicon.countries.items():
        counts[canonical] += len(re.findall(rf"(?<![\w-]){re.escape(english)}(?![\w-])", doc.text))
    if not counts or counts.most_common(1)[0][1] == 0:
        return None
    return doc.node("Place", counts.most_common(1)[0][0], "ru")


def _between(
    text: str, hits: list[Hit], at: int, pattern: re.Pattern, types: tuple[str, ...], after: bool
) -> Hit | None:
    """The nearest hit after (or before) `at` whose gap to `at` is matched whole by the pattern."""
    ordered = hits if after else list(reversed(hits))
    for hit in ordered:
        if hit.type in types and (hit.start >= at if after else hit.stop <= at):
            gap = text[at : hit.start] if after else text[hit.stop : at]
            if len(gap) <= 80 and pattern.fullmatch(gap):
                return hit
    return None


def _post_pairs(doc: EnDoc, sent: Sent, lexicon: Lexicon):
    """(post start, post stop, role, person hit, org hit or None, past) for every post said of a person."""
    text, hits = doc.text, doc.hits_in(sent.start, sent.stop)
    for match in lexicon.post_re.finditer(text, sent.start, sent.stop):
        stop = match.end("post")
        if match.group(
            "compl"
        ):  # "for Academic Affairs" belongs to the post, "for The Associated Press" does not
            inner = [h for h in hits if stop < h.start < match.end()]
            if (
                inner
                and inner[0].type != "Person"
                and re.fullmatch(r"\s+for\s+(?:[Tt]he\s+)?", text[stop : inner[0].start])
            ):
                pass
            else:
                end = min([match.end()] + [h.start for h in inner])
                stop = stop + len(re.sub(r"(?:\s+(?:the|The|a|an|of|and))*[\s,]*$", "", text[stop:end]))
        role = norm_phrase(text[match.start() : stop])
        org = _between(text, hits, stop, _POST_ORG, ORG_OR_PLACE, after=True)
        past = False
        person = _between(text, hits, org.stop if org else stop, _NAME_GAP, ("Person",), after=True)
        if person is not None:  # "Rector of AltSU Sergey Bocharov", "Chevron spokesman Jonathan Lifa"
            org = org or _between(text, hits, match.start(), _ORG_POST, ORG_OR_PLACE, after=False)
            tail = re.compile(r"\s*,?\s+(?:of|at)\s+(?:the\s+)?")  # "Rector Sergey Bocharov of AltSU"
            org = org or _between(text, hits, person.stop, tail, ORG_TYPES, after=True)
        else:  # "Sergey Bocharov, rector of AltSU", "X, Chevron's spokesman", "X, 53, a former Yale law professor"
            before = _between(text, hits, match.start(), _ORG_POST, ORG_OR_PLACE, after=False)
            edge = before.start if before else match.start()
            for hit in reversed(hits):
                if hit.type == "Person" and hit.stop <= edge:
                    lead = _LEAD.fullmatch(text[hit.stop : edge])
                    if lead:
                        person, org, past = hit, org or before, bool(lead.group("past"))
                    break
        if person is not None:
            yield match.start(), stop, role, person, org, past


def _head(role: str) -> str:
    """The post without its portfolio or interim marks: "acting minister of finance" -> "minister"."""
    return re.sub(r"^(?:acting|interim) ", "", re.split(r" (?:for|of) ", role)[0])


def _fallback_org(doc: EnDoc, lexicon: Lexicon, role: str, sent: Sent) -> str | None:
    """The organisation of a post the text gives without one: a university's, or the country's government."""
    base = _head(role)
    if base.split()[-1] in lexicon.university or base in lexicon.university:
        return main_node(doc, "University")
    portfolio = re.match(r"minister of (.+)", role)
    entry = portfolio and lexicon.gazetteer.get(f"ministry of {portfolio.group(1)}")
    if entry:  # "Minister of Science and Higher Education" -> the ministry the gazetteer knows
        return doc.node(entry.type, entry.name, "ru")
    if base in lexicon.national:
        block = [s for s in doc.sents if s.block == sent.block]
        for hit in doc.hits_in(block[0].start, block[-1].stop):
            name = doc.nodes[hit.key].name
            if hit.type == "GovernmentBody" and re.match(r"(?:Government|Правительство)\b", name):
                return hit.key
        return article_country(doc, lexicon)
    return None


def _add_position(
    doc: EnDoc, lexicon: Lexicon, sent: Sent, span: tuple[int, int], role: str, person: str, org: str | None
) -> None:
    key = position_key(person, role, org)
    label = f"{role} — {doc.nodes[org].name}" if org else role
    doc.nodes.setdefault(key, Node(key, "Position", label, "en"))
    doc.add_hit(span[0], span[1], key)
    doc.add_fact(person, "holdsPosition", key, sent)
    doc.add_fact(key, "role", Value(role, lang="en"), sent)
    russian = lexicon.russian_role(role)
    if russian:
        doc.add_fact(key, "role", Value(russian, lang="ru"), sent)
    if org:
        doc.add_fact(key, "organization", org, sent)
        doc.add_fact(person, "affiliatedWith", org, sent)
    official = (org and doc.type_of(org) in ("GovernmentBody", "Place")) or _head(role) in lexicon.official
    if official and "Official" not in doc.nodes[person].extra_types:
        doc.nodes[person].extra_types.append("Official")


def _affiliations(doc: EnDoc, sent: Sent) -> None:
    """Affiliations without a post: "Roger K. Crouch of NASA", "Walesa's Solidarity", "NFL placekicker X"."""
    text, hits = doc.text, doc.hits_in(sent.start, sent.stop)
    for hit in hits:
        if hit.type != "Person":
            continue
        of = _PERSON_OF.match(text, hit.stop, sent.stop)
        org = _between(text, hits, hit.stop, _PERSON_OF, ORG_TYPES, after=True) if of else None
        if org and (of.group("prep") != "at" or org.type != "Organization"):
            doc.add_fact(hit.key, "affiliatedWith", org.key, sent)
        org = _between(text, hits, hit.stop, _WORKS, ORG_TYPES, after=True)
        if org:
            doc.add_fact(hit.key, "affiliatedWith", org.key, sent)
        org = _between(text, hits, hit.stop, _PERSON_S, ORG_TYPES, after=True)
        if org:
            doc.add_fact(hit.key, "affiliatedWith", org.key, sent)
        org = _between(
            text, hits, hit.start, re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}"), ORG_TYPES, after=False
        )
        if org:
            words = [token_at(sent, m.start()) for m in re.finditer(r"\S+", text[org.stop : hit.start])]
            if words and all(t is not None and t.pos_ == "NOUN" for t in words):
                doc.add_fact(hit.key, "affiliatedWith", org.key, sent)


def extract_positions(doc: EnDoc, lexicon: Lexicon) -> None:
    """holdsPosition, role (en and ru), organization, affiliatedWith; Official for posts of a state."""
    found = []
    for sent in doc.sents:
        for start, stop, role, person, org, past in _post_pairs(doc, sent, lexicon):
            found.append((sent, (start, stop), role, person.key, org.key if org else None, past))
    known = {(p, r): o for _, _, r, p, o, _ in found if o}
    for sent, span, role, person, org, past in found:
        past = past or role.split()[0].split("-")[0] in ("former", "ex", "late")
        role = re.sub(r"^(?:former|ex|late)[\s-]+", "", role)
        org = org or known.get((person, role)) or _fallback_org(doc, lexicon, role, sent)
        if not past:
            _add_position(doc, lexicon, sent, span, role, person, org)
        elif org:  # a post held once: the affiliation stands, the position is not asserted
            doc.add_fact(person, "affiliatedWith", org, sent)
    for sent in doc.sents:
        _affiliations(doc, sent)
    doc.sort_hits()
