"""A Position: a person's post with its role and organisation, and the Official type its holder earns."""

from __future__ import annotations

from dataclasses import replace

from extractors.vocab import fold

__all__ = ["add_post"]

# posts whose holders are officials whatever the organisation's class
OFFICIAL_POSTS = {
    "губернатор", "вице-губернатор", "министр", "замминистра", "премьер-министр", "вице-премьер", "посол",
    "мэр", "депутат", "сенатор", "полпред", "консул", "президент", "председатель правительства",
}  # fmt: skip


def add_post(ctx, sent, person_key: str, role: str, org_key: str | None) -> None:
    """A Position with its role, and its organisation when the text names one."""
    from extractors.doc import Value

    person = ctx.entities[person_key]
    org = ctx.entities[org_key] if org_key else None
    ident = f"{person.ident or person.name}|{role}|{org.name if org else ''}"
    label = f"{person.name}, {role}" + (f", {org.name}" if org else "")
    pos_key = ctx.entity("position:" + fold(ident), "Position", label, ident=ident)
    ctx.add(person_key, "holdsPosition", pos_key, sent)
    ctx.add(pos_key, "role", Value(role, lang="ru"), sent)
    if org_key:
        ctx.add(pos_key, "organization", org_key, sent)
        ctx.add(person_key, "affiliatedWith", org_key, sent)
    words = set(role.split())
    official = (org is not None and org.type in ("GovernmentBody", "Place")) or words & OFFICIAL_POSTS
    if official and "Official" not in person.extra_types:
        ctx.entities[person_key] = replace(person, extra_types=(*person.extra_types, "Official"))
