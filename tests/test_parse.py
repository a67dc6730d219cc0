"""natasha's input: text it can take, offsets unchanged."""

from __future__ import annotations


def test_parseable_replaces_only_letters_unicode_cannot_name():
    from extractors.ru.parse import parseable

    text = "Ректор\x01ТУСУРа \u0378\ue000 Виктор\tРулевский\n"
    assert parseable(text) == "Ректор?ТУСУРа ?? Виктор\tРулевский\n"
    assert len(parseable(text)) == len(text)  # offsets unchanged
    plain = "Ректор ТУСУРа Виктор Рулевский."
    assert parseable(plain) is plain


def test_batching_by_length_changes_no_tag_and_no_arc(ru_models):
    """Sentences are tagged and parsed shortest first; each gets what natasha's own order gives it."""
    from pathlib import Path

    from natasha import Doc

    from extractors.ru.parse import tag_and_parse

    models = ru_models
    articles = Path(__file__).resolve().parent.parent / "data" / "articles"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt")))
    ours, theirs = Doc(text), Doc(text)
    for doc in (ours, theirs):
        doc.segment(models.segmenter)
    lengths = [len(sent.tokens) for sent in ours.sents]
    assert len(lengths) > 40 and len(set(lengths)) > 20 and lengths != sorted(lengths)  # the order changes
    tag_and_parse(ours, models.morph_tagger, models.syntax_parser)
    theirs.tag_morph(models.morph_tagger)
    theirs.parse_syntax(models.syntax_parser)
    assert [(t.pos, t.feats, t.id, t.head_id, t.rel) for t in ours.tokens] == [
        (t.pos, t.feats, t.id, t.head_id, t.rel) for t in theirs.tokens
    ]
