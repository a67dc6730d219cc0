"""natasha's input: text it can take, offsets unchanged."""

from __future__ import annotations


def test_parseable_replaces_only_letters_unicode_cannot_name():
    from extractors.ru.parse import parseable

    text = "Ректор\x01ТУСУРа \u0378\ue000 Виктор\tРулевский\n"
    assert parseable(text) == "Ректор?ТУСУРа ?? Виктор\tРулевский\n"
    assert len(parseable(text)) == len(text)  # offsets unchanged
    plain = "Ректор ТУСУРа Виктор Рулевский."
    assert parseable(plain) is plain
