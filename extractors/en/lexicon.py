"""English word lists kept as data in extractors/vocab/en_*: posts, events, triggers, furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.vocab import Gazetteer, load_gazetteer, load_table, load_words

__all__ = ["Lexicon", "load_lexicon", "norm_phrase"]


def norm_phrase(text: str) -> str:
    """Lower case, single spaces, one kind of hyphen: the key of the English tables."""
    text = re.sub(r"[‐‑‒–—]", "-", text.lower())
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip(" ,.")


def _alternation(phrases: list[str]) -> str:
    # longest first, so that "deputy prime minister" wins over "minister"; spaces and hyphens flexible
    parts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]*") for p in parts)


@dataclass(frozen=True)
class Lexicon:
    posts: dict[str, str]  # english post -> russian post
    modifiers: tuple[str, ...]
    official: frozenset[str]
    national: frozenset[str]
    university: frozenset[str]
    countries: dict[str, str]  # english name or adjective -> canonical place name
    events: dict[str, str]  # english event noun -> class
    event_refs: frozenset[str]
    org_heads: dict[str, str]
    triggers: tuple[tuple[re.Pattern, str], ...]
    furniture: dict[str, str]
    gazetteer: Gazetteer
    post_re: re.Pattern
    event_re: re.Pattern

    def russian_role(self, role: str) -> str:
        """The Russian post for an English one, or "" when the tables do not know it."""
        role = norm_phrase(role)
        if role in self.posts:
            return self.posts[role]
        bare = re.sub(r"^(?:acting|interim|honorary) ", "", role.split(" for ")[0])
        return self.posts.get(role.split(" for ")[0]) or self.posts.get(bare, "")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    posts = {norm_phrase(k): v for k, v in load_table("en_posts.tsv").items()}
    heads = sorted({p.split(" for ")[0] for p in posts})
    modifiers = load_words("en_post_modifiers.txt")
    mods = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True))
    post_re = re.compile(
        rf"(?<![\w-])(?P<post>(?:(?:{mods})[\s-]+)*(?:{_alternation(heads)}))(?![\w-])"
        r"(?P<compl>\s+for\s+(?:[A-Za-z][\w-]*)(?:\s+(?:and\s+)?[A-Za-z][\w-]*){0,4})?",
        re.IGNORECASE,
    )
    events = {norm_phrase(k): v for k, v in load_table("en_events.tsv").items()}
    event_re = re.compile(rf"(?<![\w-])(?:{_alternation(list(events))})(?:e?s)?(?![\w-])", re.IGNORECASE)
    triggers = tuple((re.compile(k), v) for k, v in load_table("en_participation.tsv").items())
    return Lexicon(
        posts=posts,
        modifiers=modifiers,
        official=frozenset(norm_phrase(w) for w in load_words("en_official_posts.txt")),
        national=frozenset(norm_phrase(w) for w in load_words("en_national_posts.txt")),
        university=frozenset(norm_phrase(w) for w in load_words("en_university_posts.txt")),
        countries=load_table("en_countries.tsv"),
        events=events,
        event_refs=frozenset(load_words("en_event_refs.txt")),
        org_heads={norm_phrase(k): v for k, v in load_table("en_org_heads.tsv").items()},
        triggers=triggers,
        furniture={norm_phrase(k): v for k, v in load_table("en_furniture.tsv").items()},
        gazetteer=load_gazetteer(),
        post_re=post_re,
        event_re=event_re,
    )
