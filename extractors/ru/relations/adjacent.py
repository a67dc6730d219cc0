"""Affiliation stated by an organisation right beside a name: "Игорь Журавлёв из группы «Альянс»",
"коллега из Минкомсвязи Николай Никифоров", "Юрий Царёв (проект «Метро»)"."""

from __future__ import annotations

from extractors.ru.relations.common import ORG_SET, story_sents

__all__ = ["extract_from_affiliations"]

# "Игорь Журавлёв из группы «Альянс»": a name, then a preposition and an organisation; also
# "Юрий Царёв (проект «Метро»)": the name's organisation in parentheses
FROM_WORDS = {"из", "("}
MAX_FROM_GAP = 2  # common nouns between the preposition and the name: "из группы", "из компании"


def extract_from_affiliations(ctx) -> None:
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        if not orgs:
            continue
        for person in ctx.in_sent(sent, {"Person"}):
            first = org_after(ctx, sent, person, orgs)
            for org in (first, *listed_after(ctx, first, orgs), org_before(sent, person, orgs)):
                if org is not None:
                    ctx.add(person.key, "affiliatedWith", org.key, sent)


def listed_after(ctx, first, orgs: list) -> list:
    """The organisations listed after the first in the parentheses after a name: "Неймар («Барселона»/
    «ПСЖ»)"."""
    if first is None or ctx.article.text[: first.start].rstrip(' «"')[-1:] != "(":
        return []
    out = []
    last = first
    for org in orgs:
        if last is None or org.start < last.stop:
            continue
        if ctx.article.text[last.stop : org.start].strip(' «»"') not in ("/", ","):
            break
        out.append(org)
        last = org
    if out and ctx.article.text[last.stop :].lstrip(' »"')[:1] != ")":
        return []  # not closed right after the list: not a parenthesis of organisations
    return out


def org_after(ctx, sent, person, orgs: list):
    """The organisation named by "из <организации>" right after a person's name."""
    after = [t for t in sent.tokens if t.start >= person.stop]
    if not after or (after[0].lemma or after[0].text).lower() not in FROM_WORDS:
        return None
    for org in orgs:
        if org.start < after[0].stop:
            continue
        between = [t for t in after[1:] if t.stop <= org.start]
        return org if from_gap(between) else None
    return None


def org_before(sent, person, orgs: list):
    """The organisation of "из <организации>" right before a name: "коллега из Минкомсвязи Николай Никифоров"."""
    org = next((o for o in reversed(orgs) if o.stop <= person.start), None)
    if org is None or [t for t in sent.tokens if org.stop <= t.start and t.stop <= person.start]:
        return None
    before = [t for t in sent.tokens if t.stop <= org.start]
    for index in range(len(before) - 1, max(-1, len(before) - MAX_FROM_GAP - 2), -1):
        if (before[index].lemma or "").lower() == "из":
            return org if from_gap(before[index + 1 :]) else None
    return None


def from_gap(between: list) -> bool:
    """The words between "из" and an organisation: a few common nouns and adjectives ("из группы")."""
    return len(between) <= MAX_FROM_GAP and all(t.pos in ("NOUN", "ADJ") or t.text in '«"' for t in between)
