"""Other names of one thing in one article: names in brackets, nicknames, acronyms, legal forms, regions."""

from __future__ import annotations

import re

from extractors.merging import Notes, family, rename, surface
from extractors.nameforms import abbreviates, sounds_alike
from extractors.vocab import fold, load_gazetteer

__all__ = [
    "link_brackets",
    "link_nicknames",
    "link_acronyms",
    "link_legal_forms",
    "link_territories",
    "genitive",
]

LATIN_NAME = re.compile(
    r"^[A-Z][\w’'.-]*(?:\s+(?:[A-Z(][\w’'.()-]*|of|the|and|for|de|du|des|la|le|pour|von|van)){0,7}$"
)
ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё&.-]{1,11}$")
CJK = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\s·]+$")
CYRILLIC_NAME = re.compile(r"^«?[А-ЯЁ][\w-]*(?:\s+«?[\w-]+»?){0,7}»?$")
LANGUAGE_TAG = re.compile(r"^(?:англ|фр|нем|исп|итал|кит|яп|араб|лат|порт|пол)\.?\s+")
BRACKETS = re.compile(r"[»\"”]*\s?\(([^()\n]{1,120})\)")
NICKNAME = re.compile(
    r",?\s*(?:известн\w+\s+(?:как|под\s+(?:именем|псевдонимом|прозвищем))|по\s+(?:прозвищу|кличке)"
    r"|под\s+псевдонимом|(?:он|она)\s+же)\s*[«\"(]?"
)
NAME_RUN = re.compile(r"\s*([A-ZА-ЯЁ][\w-]*(?:[ \t]+[A-ZА-ЯЁ][\w-]*){0,2})")
CAPS = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]{2,6}(?![\w-])")
LEGAL_FORMS = frozenset("пао оао зао ооо ао нко ано гк фгбоу фгаоу llc inc ltd corp plc jsc pjsc".split())  # noqa: SIM905
TERRITORY = {"края": "край", "области": "область", "республики": "республика", "округа": "округ"}


# Names in brackets and nicknames ------------------------------------------------------------------


def bracket_parts(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the names in brackets right after `start`: «… (ТУСУР)», «… (King's College London, KCL)»."""
    m = BRACKETS.match(text, start)
    if m is None or (m.group(1)[:1].islower() and not LANGUAGE_TAG.match(m.group(1))):
        return []  # "(далее — Университет)", "(ранее — …)": a remark, not a name
    out = []
    for part in re.finditer(r"[^,;]+", m.group(1)):
        for piece in re.split(r"\s[—–-]\s", part.group()):
            at = m.start(1) + part.start() + part.group().index(piece)
            lead = re.match(r"\s*", piece).end()
            tag = LANGUAGE_TAG.match(piece[lead:])
            lead += tag.end() if tag else 0
            body = piece[lead:].rstrip()
            if body:
                out.append((at + lead, at + lead + len(body)))
    return out


def alias_kind(anchor, piece: str, written: str) -> str:
    """What the bracketed text is to `anchor`: "abbreviation", "spelling", "name", or "" for no name of it."""
    if CJK.match(piece):
        return "spelling"  # the name in its own script: Чжан Инъин (章莹颖)
    if anchor.type == "Person":
        if re.search(r"[а-яё]", piece, re.IGNORECASE) or not re.fullmatch(r"[A-Z][\w .’'-]*", piece):
            return ""
        return "spelling" if max(sounds_alike(n, piece) for n in (anchor.name, written)) >= 0.5 else ""
    if family(anchor.type) != "org" or re.search(r"\d", piece):
        return ""
    if sum(ch.isupper() for ch in piece) >= 2 and ACRONYM.match(piece):
        return "abbreviation"
    if not re.search(r"[а-яё]", piece, re.IGNORECASE):
        return "spelling" if LATIN_NAME.match(piece) else ""
    return "name" if CYRILLIC_NAME.match(piece) else ""


def link_brackets(cands: list, notes: Notes) -> None:
    """ "Полное название (АББР)", "Имя (Latin Name)", "X (Y)": the bracketed name names the thing before it."""
    text = notes.text
    for anchor in list(cands):
        if anchor.type != "Person" and family(anchor.type) != "org":
            continue
        for start, stop in bracket_parts(text, anchor.stop):
            piece = text[start:stop]
            kind = alias_kind(anchor, piece, surface(anchor, text))
            entry = load_gazetteer().get(piece)
            if entry is not None and family(entry.type) != family(anchor.type):
                continue
            inside = [c for c in cands if c.start < stop and start < c.stop and c is not anchor]
            if not kind or any(family(c.type) != family(anchor.type) for c in inside):
                continue
            rule = "abbreviation defined in text" if kind == "abbreviation" else "name in brackets"
            score = 1.0 if kind == "abbreviation" else 0.9
            if inside:
                for other in inside:
                    source, target = (
                        (anchor, other) if other.gazetteer and not anchor.gazetteer else (other, anchor)
                    )
                    rename(cands, source, target, notes, rule, score)
                continue
            # an inflected name in brackets is kept as a mention, and as a label only when the name before it
            # stands in the nominative too
            nominative = fold(surface(anchor, text)) == fold(anchor.name) or kind != "name"
            notes.alias(anchor, start, stop, rule, score, alt=nominative)
            if kind == "abbreviation":
                abbreviation_elsewhere(cands, anchor, piece, notes)


def abbreviation_elsewhere(cands: list, anchor, abbr: str, notes: Notes) -> None:
    """An abbreviation defined in brackets names the same thing everywhere in the article."""
    for cand in cands:
        if family(cand.type) == "org" and fold(cand.name) == fold(abbr) and cand is not anchor:
            rename(cands, cand, anchor, notes, "abbreviation defined in text", 1.0)
            break
    taken = [(c.start, c.stop) for c in cands] + [(a, b) for a, b, _ in notes.spans]
    for m in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", notes.text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            notes.alias(anchor, m.start(), m.end(), "abbreviation defined in text", 1.0, alt=False)


def link_nicknames(cands: list, notes: Notes) -> None:
    """ "Шон Картер, известный как Джей Зи", "Фрэнк Кали по прозвищу Фрэнки Бой": one person."""
    text = notes.text
    for anchor in [c for c in cands if c.type == "Person"]:
        lead = NICKNAME.match(text, anchor.stop)
        if lead is None:
            continue
        other = next((c for c in cands if c.start >= lead.end() and c.start - lead.end() <= 2), None)
        if other is not None and other.type == "Person":
            rename(cands, other, anchor, notes, "nickname or pseudonym", 0.9)
            anchor.alt.append(surface(other, text))
            continue
        run = NAME_RUN.match(text, lead.end())
        if run and (other is None or other.start >= run.end(1)):
            notes.alias(anchor, run.start(1), run.end(1), "nickname or pseudonym", 0.9)


# Abbreviations and legal forms --------------------------------------------------------------------


def link_acronyms(cands: list, notes: Notes) -> None:
    """An abbreviation and a full name of the article that it abbreviates are one organisation (СК, МВД)."""
    orgs = [c for c in cands if family(c.type) == "org"]
    full = {fold(c.name): c for c in orgs if len(c.name.split()) >= 2}

    def expansion(abbr: str):
        fits = {k: c for k, c in full.items() if abbreviates(abbr, c.name)}
        return next(iter(fits.values())) if len(fits) == 1 else None

    for cand in orgs:
        if " " in cand.name or not any(ch.isupper() for ch in cand.name[1:]) and len(cand.name) > 8:
            continue
        target = expansion(cand.name)
        if target is not None:
            source, target = (target, cand) if cand.gazetteer and not target.gazetteer else (cand, target)
            rename(cands, source, target, notes, "acronym of a name in the article", 0.8)
    # the same abbreviation where the tagger saw no name: "В Москве пришёл СК"
    taken = [(c.start, c.stop) for c in cands] + [(a, b) for a, b, _ in notes.spans]
    gazetteer = load_gazetteer()
    for m in CAPS.finditer(notes.text):
        entry = gazetteer.get(m.group())
        if any(a < m.end() and m.start() < b for a, b in taken) or entry and family(entry.type) != "org":
            continue
        target = expansion(m.group())
        if target is not None:
            notes.alias(target, m.start(), m.end(), "acronym of a name in the article", 0.8)


def bare_name(name: str) -> str:
    """The name without its legal form and quotes: ООО «МНКТ» -> мнкт."""
    return " ".join(w for w in fold(name).split() if w not in LEGAL_FORMS)


def link_legal_forms(cands: list, notes: Notes) -> None:
    """ "ООО «МНКТ»" and "МНКТ", "ПАО «МТС»" and "МТС": one company, named without its legal form."""
    orgs = [c for c in cands if family(c.type) == "org"]
    bare = {}
    for cand in sorted(orgs, key=lambda c: (len(c.name), c.name)):
        bare.setdefault(bare_name(cand.name), cand)
    for cand in orgs:
        target = bare.get(bare_name(cand.name))
        if target is not None and fold(target.name) != fold(cand.name) and bare_name(cand.name):
            rename(cands, cand, target, notes, "legal form dropped", 0.9)


# The region of the article ------------------------------------------------------------------------


def genitive(region: str) -> str:
    """ "Хабаровский край" -> "Хабаровского края"; "Республика Татарстан" -> "Республики Татарстан"."""
    words = region.split()
    if fold(words[0]) == "республика":
        return " ".join(["Республики", *words[1:]])
    out = []
    for word in words:
        low = word.lower()
        for a, b in (("ский", "ского"), ("цкий", "цкого"), ("кий", "кого"), ("ый", "ого"), ("ий", "его"),
                     ("ская", "ской"), ("кая", "кой"), ("ая", "ой"), ("яя", "ей")):  # fmt: skip
            if low.endswith(a):
                word = word[: -len(a)] + b
                break
        else:
            word = {"край": "края", "область": "области", "округ": "округа"}.get(low, word)
        out.append(word)
    return " ".join(out)


def link_territories(cands: list, notes: Notes) -> None:
    """ "министерство промышленности и торговли края" is the ministry of the one край the article names."""
    gazetteer = load_gazetteer()
    places = sorted({c.name for c in cands if c.type == "Place"})
    # a regional centre stands for its region when the article names no region of that kind (column 4)
    centres = sorted({e.kind for e in map(gazetteer.get, places) if e and e.type == "Place" and e.kind})
    for cand in cands:
        if family(cand.type) != "org":
            continue
        words = cand.name.split()
        kind = TERRITORY.get(words[-1].lower()) if len(words) >= 2 else None
        if kind is not None and not re.search(r"(ого|его|ой|ей)$", words[-2]):
            regions = [p for p in places if kind in fold(p).split()]
            regions = regions or [p for p in centres if kind in fold(p).split()]
            if len(regions) == 1:
                notes.merge(cand, "region of the article", surface(cand, notes.text), 0.8)
                cand.alt.append(cand.name)
                cand.name = " ".join([*words[:-1], genitive(regions[0])])
        entry = gazetteer.get(cand.name)
        if entry is not None and family(entry.type) == "org" and entry.name != cand.name:
            notes.merge(cand, "gazetteer alias", cand.name, 1.0)
            cand.alt.append(cand.name)
            cand.name, cand.type = entry.name, entry.type
