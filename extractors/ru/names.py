"""Names in the nominative: natasha's normaliser, with the shape of the written word kept."""

from __future__ import annotations

import re

from natasha.norm import normal_word, recover_spaces, select_inflectable

__all__ = ["normalize_phrase", "nominative", "recover_case", "inflect_phrase", "strip_quotes"]

QUOTES = '«»"“”„'
# an ordinal written in digits with a case ending: "43-м президентом" -> "43-й президент"
ORDINAL = re.compile(r"(\d+)-(?:й|я|е|го|му|м|ми|х|ю|ой|ая|ое|ые|ых|ым|ыми|ий|ого|ому|ом|ую|ей)")
ORDINAL_NOMINATIVE = {"Masc": "й", "Fem": "я", "Neut": "е"}
# the old superlatives in -ший the dictionary files under another word: высший, старший, младший, лучший
SUPERLATIVE = re.compile(r"((?:выс|стар|млад|луч|низ|худ)ш)(?:ей|его|ему|им|ем|ую|ие|их|ими|ая|ий|ее)")
SUPERLATIVE_NOMINATIVE = {"Masc": "ий", "Fem": "ая", "Neut": "ее"}


def recover_case(word: str, written: str) -> str:
    """Give `word` (lower case) the shape of `written`: ТУСУРа -> ТУСУР, БелАЗом -> БелАЗ."""
    if written.isupper() and len(written) > 1 and not written[1:].islower():
        # abbreviation with an inflection: keep the letters as written where they agree
        common = 0
        for a, b in zip(word, written.lower()):
            if a != b:
                break
            common += 1
        return written[:common] + word[common:]
    if written[:1].isupper():
        common = 0
        for a, b in zip(word, written.lower()):
            if a != b:
                break
            common += 1
        if common and written[:common].lower() == word[:common]:
            return written[:common] + word[common:]
        return word[:1].upper() + word[1:]
    return word


INFLECTED = ("PROPN", "NOUN", "ADJ", "VERB")


def _form_for(forms, token):
    """The analysis of the word that agrees with the tagger: all features, then case and number, then case."""
    pos = "NOUN" if token.pos == "PROPN" else token.pos
    case, number, gender = (token.feats.get(k) for k in ("Case", "Number", "Gender"))

    def same_pos(form) -> bool:
        return ("NOUN" if form.pos == "PROPN" else form.pos) == pos

    tests = (
        lambda f: (
            same_pos(f)
            and (f.feats.get("Case"), f.feats.get("Number"), f.feats.get("Gender")) == (case, number, gender)
        ),
        lambda f: same_pos(f) and f.feats.get("Case") == case and f.feats.get("Number") == number,
        lambda f: f.feats.get("Case") == case,
    )
    for test in tests:
        for form in forms:
            if test(form):
                return form
    return None


INFLECTIONS_CACHE_SIZE = 100_000
_INFLECTIONS: dict = {}


def inflect_word(vocab, token, trust_nominative: bool = False) -> str:
    """natasha's inflect_word, less strict when the tagger and the dictionary disagree on gender or animacy.

    Memoised per (word, pos, feats): a name is normalised once however often the article repeats it.
    """
    key = (token.text, token.pos, tuple(token.feats.items()) if token.feats else None, trust_nominative)
    found = _INFLECTIONS.get(key)
    if found is None:
        if len(_INFLECTIONS) >= INFLECTIONS_CACHE_SIZE:  # bounded, so a long build's memory stays flat
            _INFLECTIONS.clear()
        found = _INFLECTIONS[key] = _inflect_word(vocab, token, trust_nominative)
    return found


def _inflect_word(vocab, token, trust_nominative: bool) -> str:
    word = normal_word(token.text)
    if token.pos not in INFLECTED or "Case" not in token.feats:
        return word
    ordinal = ORDINAL.fullmatch(word)
    if ordinal and token.pos == "ADJ":
        plural = token.feats.get("Number") == "Plur"
        return f"{ordinal[1]}-{'е' if plural else ORDINAL_NOMINATIVE.get(token.feats.get('Gender'), 'й')}"
    forms = vocab(word)
    if token.feats["Case"] == "Nom":
        # the tagger says nominative; believe it unless the dictionary knows no nominative reading
        if trust_nominative or not forms or any(f.feats.get("Case") == "Nom" for f in forms):
            return word
        form = forms[0]
        if form.feats.get("Number") != token.feats.get("Number"):
            return word  # "Ливанов" is no plural genitive of "ливаны"
    else:
        form = _form_for(forms, token)
    if form:
        inflected = form.inflect({"Nom"})
        new = normal_word(inflected.word) if inflected else ""
        # a different stem means another word (высшей -> высочайшая): keep what was written
        keep = max(3, len(word) - (3 if token.pos == "ADJ" else 2))
        if new and new.startswith(word[:keep]) and len(new) <= len(word) + 2:
            return new
        if new and new == normal_word(form.normal):
            return new  # the word's own lemma, its vowel dropped in the other cases: "бойца" -> "боец"
        superlative = SUPERLATIVE.fullmatch(word) if token.pos == "ADJ" else None
        if superlative:  # "высшей" is "высокий" to the dictionary: "высшая", not "высочайшая"
            gender = token.feats.get("Gender")
            ending = "ие" if token.feats.get("Number") == "Plur" else SUPERLATIVE_NOMINATIVE.get(gender, "ий")
            return superlative[1] + ending
    return word


def inflect_words(vocab, tokens, ids=None, trust_nominative: bool = False):
    for token in tokens:
        yield inflect_word(vocab, token, trust_nominative) if not ids or token.id in ids else token.text


def _shape(words, tokens):
    for word, token in zip(words, tokens):
        yield recover_case(word, token.text)


def normalize_phrase(vocab, tokens, syntax: bool = True, person: bool = False) -> str:
    """The nominative of a phrase: its syntactic head and the adjectives agreeing with it.

    For a person's name the tagger's nominative is trusted: foreign names (Фухимори) are not
    declined even when the dictionary knows a lookalike only in other cases.
    """
    if not tokens:
        return ""
    ids = set(select_inflectable(tokens)) if syntax else None
    words = inflect_words(vocab, tokens, ids, trust_nominative=person)
    if person:
        words = (surname(word, token) for word, token in zip(words, tokens))
    return recover_spaces(list(_shape(words, tokens)), tokens)


# a surname the dictionary does not know, read as an adjective: "Травниковым" -> "травниковый"
SURNAME_AS_ADJECTIVE = re.compile(r"(\w{3,}(?:ов|ев|ёв|ин|ын))(ый|ая)")
MASCULINE_OBLIQUE = re.compile(r"(\w{3,}(?:ов|ев|ёв|ин|ын))[ау]", re.IGNORECASE)


def surname(word: str, token) -> str:
    """A person's surname in the nominative, not the adjective the dictionary guessed for its other cases:
    "Андреем Травниковым" is "Травников", "Анной Травниковой" "Травникова"; a name written in the
    nominative ("Андрей Белый") is kept. A man's genitive or dative the dictionary knows only as a short
    adjective is cut back too: "Андрея Травникова" is "Травников", not "Травникова"."""
    masculine = MASCULINE_OBLIQUE.fullmatch(word)
    if (
        masculine
        and token.pos == "PROPN"
        and token.feats.get("Gender") == "Masc"
        and token.feats.get("Case") in ("Gen", "Acc", "Dat")
        and token.text.lower() == word.lower()
    ):
        return masculine[1]
    found = SURNAME_AS_ADJECTIVE.fullmatch(word.lower())
    if token.pos != "PROPN" or found is None or token.text.lower() == word.lower():
        return word
    return found[1] + ("а" if found[2] == "ая" else "")


def normalize_post(vocab, tokens) -> str:
    """A post in the nominative: its first noun and the adjectives agreeing with it; the rest as written.

    "первого заместителя Губернатора" -> "первый заместитель Губернатора".
    """
    nouns = [i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")]
    if not nouns:
        return normalize_phrase(vocab, tokens, syntax=False)
    head = tokens[nouns[0]]
    ids = {head.id} | {t.id for t in tokens[: nouns[0]] if t.pos == "ADJ"}
    ids |= {
        t.id
        for t in tokens[nouns[0] + 1 :]
        if t.pos == "ADJ" and t.head_id == head.id and t.feats.get("Case") == head.feats.get("Case")
    }
    words = inflect_words(vocab, tokens, ids)
    return recover_spaces(list(_shape(words, tokens)), tokens)


def nominative(vocab, token) -> str:
    """One word in the nominative, keeping its number; unknown words are returned as written."""
    return normalize_phrase(vocab, [token], syntax=False)


def inflect_phrase(vocab, words: list[str], case: str) -> str:
    """Put a nominative phrase into `case` ("Gen", "Loc" ...): Хабаровский край -> Хабаровского края."""
    out = []
    for word in words:
        forms = [f for f in vocab(word.lower()) if f.feats.get("Case") == "Nom"]
        form = forms[0].inflect({case}) if forms else None
        out.append(recover_case(form.word, word) if form else word)
    return " ".join(out)


def strip_quotes(text: str) -> str:
    text = text.strip()
    while len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES:
        text = text[1:-1].strip()
    return re.sub(r"\s+", " ", text)
