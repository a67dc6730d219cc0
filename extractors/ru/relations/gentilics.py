"""What a country named with a post says: "британский премьер" holds a post of Britain, "американский певец"
is only American, and "народный артист СССР" holds an honorary title, no post in the USSR."""

from __future__ import annotations

from extractors.ru.names import normalize_post
from extractors.ru.relations.common import place_of_adjective
from extractors.ru.relations.postwords import NATIONAL_POSTS
from extractors.vocab import load_table

__all__ = ["gentilic_org", "honorary_title"]

# "народный артист СССР", "заслуженный мастер спорта России" ("заслуженный" lemmatised as its verb)
HONORARY = {"народный", "заслуженный", "заслужить"}
# but "народный депутат Украины", "народный комиссар" are posts
PEOPLES_POSTS = {"депутат", "комиссар", "судья", "заседатель", "избранник"}


def honorary_title(ctx, role_tokens: list, orgs: list) -> str | None:
    """An honorary title of a country ("народный артист СССР", "Заслуженный мастер спорта России") as the
    role, the country written as it is; None for a post (NEREL too counts the title as an award and the
    profession as the person's, with no workplace in the country)."""
    if not (role_tokens and orgs and orgs[0].type == "Place"):
        return None
    if (role_tokens[0].lemma or "").lower() not in HONORARY:
        return None
    if any((t.lemma or "").lower() in PEOPLES_POSTS for t in role_tokens):
        return None
    title = normalize_post(ctx.models.morph_vocab, role_tokens).lower()
    return f"{title} {ctx.article.text[orgs[0].start : orgs[0].stop]}"


def gentilic_org(ctx, role_tokens: list) -> tuple[str | None, list, bool]:
    """ "британский премьер": the country of the adjective, named by a mention on the adjective.

    The country is the post's territory for national posts (vocab/national_posts.txt). For any other
    post or profession ("российский предприниматель", "армянский полузащитник", "американский певец") the
    adjective is a nationality: no organisation, but the profession is still the person's (the third
    value says so).
    """
    table = load_table("gentilics.tsv")
    head = next(((t.lemma or "").lower() for t in role_tokens if t.pos == "NOUN"), "")
    for token in role_tokens:
        place = table.get((token.lemma or "").lower()) if token.pos == "ADJ" else None
        if place is None:
            continue
        rest = [t for t in role_tokens if t is not token]
        if head not in NATIONAL_POSTS:
            return None, rest, True
        return place_of_adjective(ctx, token, place), rest, False
    return None, role_tokens, False
