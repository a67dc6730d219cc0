"""natasha's named entities (slovnet's NER tagger), tagged on the tokens the segmenter already made.

natasha's `Doc.tag_ner` hands slovnet the raw text: slovnet tokenises it a second time with razdel,
tags the words, then searches the text for each word again to give the spans their offsets, and its
CRF walks the sentence with a dozen numpy calls per word. Here the tagger gets the words of
`doc.tokens` (razdel's tokens of the same text, the words slovnet would make: tests/test_parse.py
checks both against `doc.tag_ner`), the spans take the tokens' own offsets, and the Viterbi walk makes
the same float32 sums in three numpy calls a word. The spans are `doc.tag_ner(tagger)`'s.
"""

from __future__ import annotations

import numpy as np
from natasha.doc import DocSpan
from slovnet.bio import bio_spans

__all__ = ["tag_ner", "viterbi"]


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best tag path of one sequence (words x tags): slovnet's `CRF.decode` for a batch of one,
    with its sums made in its order (score + transitions, then + the word's emissions), so its ties
    break the same way (the first best previous tag)."""
    length, tags = emissions.shape
    if length == 0:
        return []
    score = emissions[0]
    history = np.empty((length - 1, tags), dtype=np.intp)
    for index in range(1, length):
        step = score[:, None] + transitions
        step += emissions[index]
        history[index - 1] = step.argmax(0)
        score = step.max(0)
    best = int(score.argmax())
    path = [best]
    for previous in history[::-1].tolist():
        best = previous[best]
        path.append(best)
    path.reverse()
    return path


def tag_ner(doc, tagger) -> None:
    """`doc.tag_ner(tagger)` for a segmented doc: `doc.spans` with their tokens, sentences their spans."""
    doc.spans = []
    if not doc.tokens:  # a blank text: natasha's own tag_ner leaves it no spans and nothing to envelop
        return
    infer = tagger.infer
    words = [token.text for token in doc.tokens]
    (batch,) = infer.encoder([words])  # one sequence, the whole text, as slovnet tags it
    emissions = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)[0]
    path = viterbi(emissions, infer.model.head.crf.transitions.array)
    tags = next(infer.decoder([path]))
    doc.spans = [
        DocSpan(span.start, span.stop, span.type, doc.text[span.start : span.stop])
        for span in bio_spans(doc.tokens, tags)
    ]
    doc.envelop_span_tokens()
    doc.envelop_sent_spans()
