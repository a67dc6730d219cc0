"""natasha's MorphVocab, with each pymorphy tag converted to UD part of speech and features once.

natasha's `MorphForm` converts the tag of every analysis it makes: every reading of every new word,
and every form of a paradigm that `inflect` walks (`get_lexeme`). A few hundred distinct tags
cover them all, so the conversion is memoised per tag; the forms are the same, so are lemmas.
"""

from __future__ import annotations

import heapq

from natasha import MorphVocab
from natasha.morph.vocab import MorphForm, ud_feats, ud_pos
from pymorphy2.analyzer import MorphAnalyzer as PymorphyAnalyzer
from pymorphy2.analyzer import Parse as PymorphyParse

__all__ = ["RuMorphVocab", "TagMemoForm"]

_UD: dict = {}  # pymorphy tag -> (UD part of speech, UD features)


class TagMemoForm(MorphForm):
    """A `MorphForm` whose `pos` and `feats` come from the memo of its tag."""

    def __new__(cls, *args):
        self = PymorphyParse.__new__(cls, *args)
        found = _UD.get(self.tag)
        if found is None:
            found = _UD[self.tag] = (ud_pos(self.tag), dict(ud_feats(self.tag)))
        self.normal = self.normal_form
        self.pos = found[0]
        self.feats = dict(found[1])  # a dict of its own, as natasha gives each form
        return self


class RuMorphVocab(MorphVocab):
    """natasha's MorphVocab (its cached `parse`, `lemmatize`, `inflect`), making `TagMemoForm`s."""

    def __init__(self):
        PymorphyAnalyzer.__init__(self, result_type=TagMemoForm)

    def _inflect(self, form, required_grammemes):
        """pymorphy2's `_inflect`, with the paradigm walked as plain tuples: only the chosen form is
        made a `TagMemoForm` (pymorphy2 makes one of every form of the lexeme, twice when it retries)."""
        lexeme = form[4][-1][0].get_lexeme(form)
        possible = [f for f in lexeme if required_grammemes <= f[1].grammemes]
        if not possible:
            required_grammemes = self.TagClass.fix_rare_cases(required_grammemes)
            possible = [f for f in lexeme if required_grammemes <= f[1].grammemes]
        grammemes = form[1].updated_grammemes(required_grammemes)

        def similarity(frm):
            tag = frm[1]
            return len(grammemes & tag.grammemes) - 0.1 * len(grammemes ^ tag.grammemes)

        return [self._result_type(*p) for p in heapq.nlargest(1, possible, key=similarity)]
