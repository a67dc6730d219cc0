"""One word put in the nominative, as posts and organisations are named: the cases the dictionary gets wrong."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractors.ru.names import inflect_word


def token(text: str, pos: str, **feats: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, pos=pos, feats=feats)


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        # a vowel dropped in the other cases: the lemma is the word's own
        (token("бойца", "NOUN", Animacy="Anim", Case="Acc", Gender="Masc", Number="Sing"), "боец"),
        # the old superlatives the dictionary files under another word ("высокий" -> "высочайшая")
        (token("высшей", "ADJ", Case="Gen", Gender="Fem", Number="Sing"), "высшая"),
        (token("Высшего", "ADJ", Case="Gen", Gender="Masc", Number="Sing"), "высший"),
        (token("старшему", "ADJ", Case="Dat", Gender="Masc", Number="Sing"), "старший"),
        # an ordinal in digits takes its noun's gender; an age is no ordinal
        (token("43-м", "ADJ", Case="Ins", Gender="Masc", Number="Sing"), "43-й"),
        (token("5-й", "ADJ", Case="Gen", Gender="Fem", Number="Sing"), "5-я"),
        (token("64-летнего", "ADJ", Case="Gen", Gender="Masc", Number="Sing"), "64-летний"),
    ],
    ids=lambda t: getattr(t, "text", t),
)
def test_nominative(ru_models, word, nominative):
    assert inflect_word(ru_models.morph_vocab, word).lower() == nominative


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname the dictionary does not know, read as an adjective in its other cases
        ("Ректор встретился с губернатором Андреем Травниковым.", "Андрей Травников"),
        ("Она встретилась с Анной Травниковой.", "Анна Травникова"),
        # a man's genitive and dative the dictionary knows only as a woman's short adjective
        ("Состоялась встреча губернатора Андрея Травникова с ректором.", "Андрей Травников"),
        ("Письмо направлено губернатору Андрею Травникову.", "Андрей Травников"),
        ("Речь Анны Травниковой опубликована.", "Анна Травникова"),
        # a name written in the nominative is kept; so is a surname the dictionary knows
        ("Андрей Белый выступил на конференции.", "Андрей Белый"),
        ("Он встретился с Сергеем Ивановым.", "Сергей Иванов"),
    ],
)
def test_person_name_nominative(extract_ru_text, text, name):
    ext, _ = extract_ru_text(text)
    assert name in {e.name for e in ext.entities if e.type == "Person"}, ext.entities
