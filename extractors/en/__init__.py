"""English articles to facts: spaCy for names and syntax, word lists in extractors/vocab/en_* for the rest."""

from __future__ import annotations

from extractors.doc import Article, Extraction
from extractors.en.document import EnDoc
from extractors.en.entities import find_anaphora, find_entities, merge_persons
from extractors.en.events import extract_event_facts, find_events
from extractors.en.lexicon import load_lexicon
from extractors.en.meetings import extract_meetings
from extractors.en.models import MODEL_NAME, MODEL_VERSION, load_nlp
from extractors.en.participation import extract_participation
from extractors.en.positions import extract_positions
from extractors.en.segments import segment_doc

__all__ = ["extract_en", "MODEL_NAME", "MODEL_VERSION"]


def extract_en(article: Article) -> Extraction:
    """Entities, mentions and facts of one English article; the spaCy model loads on the first call."""
    lexicon = load_lexicon()
    doc = EnDoc(article)
    segment_doc(doc, load_nlp(), lexicon)
    find_entities(doc, lexicon)
    merge_persons(doc)
    find_anaphora(doc)
    refs = find_events(doc, lexicon)
    extract_event_facts(doc, refs)
    extract_participation(doc, lexicon, refs)
    extract_meetings(doc)
    extract_positions(doc, lexicon)
    return doc.to_extraction()
