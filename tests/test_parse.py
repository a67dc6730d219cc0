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


def test_inflection_is_pymorphys_own(ru_models):
    """`RuMorphVocab._inflect` walks the paradigm as plain tuples; every inflection is the one
    natasha's own MorphVocab (pymorphy2's `_inflect`) gives, form class included."""
    import re
    from pathlib import Path

    from natasha import MorphVocab

    from extractors.ru.morph import TagMemoForm

    theirs, ours = MorphVocab(), ru_models.morph_vocab
    articles = Path(__file__).resolve().parent.parent / "data" / "articles"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt")))
    words = sorted(set(re.findall(r"[а-яё-]+", text.lower())))
    assert len(words) > 500
    checked = 0
    for word in words:
        for mine, their in zip(ours(word), theirs(word)):
            for grams in ({"Nom"}, {"Gen"}, {"Dat", "Plur"}, {"Ins"}, {"Loc", "Sing"}):
                a, b = mine.inflect(grams), their.inflect(grams)
                assert (a is None) == (b is None), (word, grams)
                if a is not None:
                    assert isinstance(a, TagMemoForm)
                    fields = ("word", "tag", "normal", "pos", "feats")
                    assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
                    checked += 1
    assert checked > 2000


def test_memoised_encoders_give_slovnets_own_ids(ru_models):
    """`memoise_encoder` computes each word's vocabulary and shape ids once; they are slovnet's own."""
    from pathlib import Path

    from extractors.ru.parse import memoise_encoder

    articles = Path(__file__).resolve().parent.parent / "data" / "articles"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt")))
    words = text.split() + ["СИЗО-6", "2011-2020", "?!", "...", "iPhone", "Рулевский", "рулевский"]
    for model in (ru_models.morph_tagger, ru_models.syntax_parser, ru_models.ner_tagger):
        encoder = model.infer.encoder
        memoise_encoder(encoder)
        memoise_encoder(encoder)  # idempotent
        assert "item" in vars(encoder)
        theirs = type(encoder).item(encoder, words)
        assert encoder.item(words) == theirs  # first pass fills the memo
        assert encoder.item(words) == theirs  # second pass reads it
        assert len(set(theirs[1])) > 3  # several shapes: the check is not vacuous


def test_viterbi_is_slovnets_crf_decode_ties_included():
    """The Viterbi walk of extractors/ru/ner.py gives slovnet's own path, on ties too (integer scores
    tie often; both take the first best previous tag), for one word and for none."""
    import numpy as np
    from slovnet.exec.model import CRF, Weight

    from extractors.ru.ner import viterbi

    rng = np.random.default_rng(7)
    for length in (1, 2, 3, 17, 200):
        for tied in (False, True):
            for _ in range(20):
                shape = (length, 7)
                emissions = rng.integers(-3, 3, shape) if tied else rng.normal(size=shape)
                transitions = rng.integers(-2, 2, (7, 7)) if tied else rng.normal(size=(7, 7))
                emissions, transitions = emissions.astype(np.float32), transitions.astype(np.float32)
                crf = CRF(Weight(transitions.shape, transitions.dtype.name, transitions))
                (theirs,) = crf.decode(emissions[None], np.ones((1, length), dtype=bool))
                assert viterbi(emissions, transitions) == theirs.tolist()
    assert viterbi(np.zeros((0, 7), dtype=np.float32), np.zeros((7, 7), dtype=np.float32)) == []


def test_ner_on_the_segmenters_tokens_gives_natashas_spans(ru_models):
    """`tag_ner` tags the words the segmenter made (slovnet would make the same from the raw text) and
    gives each span its tokens' offsets: the spans, their tokens and each sentence's spans are those
    of natasha's `Doc.tag_ner`; a blank text and one with no word have none."""
    from pathlib import Path

    from natasha import Doc
    from slovnet.token import tokenize

    from extractors.ru.ner import tag_ner
    from extractors.ru.parse import parseable

    articles = Path(__file__).resolve().parent.parent / "data" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    texts += ["", " \n ", "…", "Ректор\u0378 ТУСУРа Виктор Рулевский (Томск)  выступил.\n\nМинобрнауки РФ"]
    found = 0
    for text in texts:
        text = parseable(text)
        ours, theirs = Doc(text), Doc(text)
        for doc in (ours, theirs):
            doc.segment(ru_models.segmenter)
        assert [t.text for t in ours.tokens] == [t.text for t in tokenize(text)]
        tag_ner(ours, ru_models.ner_tagger)
        theirs.tag_ner(ru_models.ner_tagger)

        def spans(doc):
            return [(s.start, s.stop, s.type, s.text, [t.id for t in s.tokens]) for s in doc.spans]

        assert spans(ours) == spans(theirs)

        def sent_spans(doc):  # a blank sentence is left with None, as natasha leaves it
            return [None if st.spans is None else [(s.start, s.type) for s in st.spans] for st in doc.sents]

        assert sent_spans(ours) == sent_spans(theirs)
        found += len(ours.spans)
    assert found > 100  # the texts name people, organisations and places: the check is not vacuous
