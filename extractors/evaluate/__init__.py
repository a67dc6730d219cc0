"""Evaluation: precision, recall and F1 of an extract function against annotated gold documents.

Modules: records (gold documents, classes, measures), gold and brat (readers), mapping, matching,
sides (a document's gold and predicted sides), scoring, report. The rules they implement:

Gold documents come from JSONL (one document a line: id, text, entities, relations, optional links and
clusters, as in the eval README) or from a folder of BRAT .txt + .ann pairs (`extractors.evaluate.brat`).
A mapping file (`extractors/vocab/mappings/*.tsv`) says which gold entity type is which of our classes and which
gold relation type is which measure; gold types it does not list are ignored.

Entities
  Gold entities take the class of their type in the mapping. Predicted mentions take the class of their
  entity's type: Person; Organization (Organization, University, GovernmentBody, Company); Place; Event
  (Event, Forum, Exhibition, Congress, Conference, Session, RoundTable, EventSeries). Position entities
  and other types are not scored. A (start, stop, class) span counts once on either side; nested gold
  entities are separate gold items.
  - "entities" (exact): a predicted span is a TP when a gold entity has the same start, stop and class.
  - "entities_overlap": predicted and gold spans of one class that overlap are paired one-to-one
    (maximum matching, per document); unpaired predicted spans are FP, unpaired gold spans FN.

Nodes and identity
  A predicted node is `Entity.ident`, else the entity's (type, name): the node the graph builder makes.
  Its spans are the mentions of all its entities. Gold identity groups join entities of one coreference
  cluster (factRuEval, BRAT `*` lines), entities with the same Wikidata id (NEREL links, BRAT N lines),
  and the two ends of an altname relation when they have the same class. A gold relation argument is
  covered by the spans of its whole group.

Relations: entity pairs per document
  - Gold pairs come from relations mapped to a measure (INVERSE 1 swaps head and tail). A factRuEval
    reference to a cluster names the cluster's first mention of the cluster's type; `alternatives` are
    other acceptable tails. A relation whose head is a position span (the tail of a gold role relation,
    e.g. NEREL WORKPLACE "Ректор МГУ" -> "МГУ") is read as a relation of each holder of that position.
  - Argument classes, the same for gold and predicted pairs (others are out of scope): affiliation
    Person -> Organization|Place; role Person -> head noun; participation Person|Organization|Place ->
    Event; organizer Event -> Organization|Person|Place; place Event -> Place|Organization; date Event ->
    date; meeting Person|Organization|Place <-> the same, in either order. Gold pairs between the same
    groups count once; predicted pairs between the same nodes count once.
  - Predicted pairs: affiliatedWith; holdsPosition + role; participatedIn, spokeAt, moderated,
    ledDelegationTo; organizedBy; heldIn; startDate, endDate; metWith.
  - A predicted pair (a, b) matches a gold pair when a mention of a overlaps the gold head spans and a
    mention of b overlaps the gold tail spans. Role compares the lemmatised head noun (first noun,
    pymorphy3) of the predicted role value with that of the gold position span ("председателя Банка
    России" -> "председатель"). Date: the predicted Value must be a date ("YYYY-MM-DD", "YYYY-MM" or
    "YYYY") whose day is a number in the gold date text and whose month and year agree with any month
    name and four-digit year there (a value without a day needs its year or month named there).
  - Pairs are matched one-to-one by maximum bipartite matching: unmatched predictions FP, unmatched gold FN.
    Role only: an unmatched prediction whose person node also has the matched prediction of a gold pair
    whose tail holds two or more head nouns (one post the gold writes in two words: "Президент", "Глава
    государства"), and which that gold pair would accept, restates it: neither TP nor FP.
  - `scope MEASURE gathering`: only gold pairs whose event group has a gathering-like text
    (vocab/gatherings.txt, by lemma) count, and a predicted pair whose event overlaps gold events that
    are all out of scope is dropped (neither TP nor FP).

Resolution
  - altname pairs: gold altname relations between two Person or two Organization entities, plus, for
    every Person or Organization cluster, its first mention paired with each mention of another text.
    altname_merge_rate = merged / pairs, where merged means one predicted node has mentions overlapping
    both spans; altname_covered counts pairs whose two spans are overlapped by any mentions.
  - person_overmerge_rate = overmerged / person_nodes: predicted Person nodes whose mentions overlap a
    gold Person entity, and those among them that stand for gold Person entities of two or more identity
    groups; a mention stands for the gold Person entity it overlaps most (ties: the closest in length,
    so "миссис Обама" is not also the nested "Обама").

p = tp / (tp + fp), r = tp / (tp + fn), f1 = 2pr / (p + r); 0.0 on zero division; rounded to 4 places.
"""

from __future__ import annotations

from extractors.evaluate.gold import load_gold, load_jsonl
from extractors.evaluate.mapping import Mapping, guess_mapping, load_mapping
from extractors.evaluate.matching import Lemmas, adapt_article, date_matches, match, sentence_around
from extractors.evaluate.records import (
    CLASSES,
    MAPPINGS,
    MEASURES,
    GoldDoc,
    GoldEntity,
    GoldRelation,
    make_gold_doc,
)
from extractors.evaluate.report import Mistake, Report, Resolution, Score
from extractors.evaluate.scoring import evaluate, score_document

__all__ = [
    "CLASSES",
    "MAPPINGS",
    "MEASURES",
    "GoldDoc",
    "GoldEntity",
    "GoldRelation",
    "Lemmas",
    "Mapping",
    "Mistake",
    "Report",
    "Resolution",
    "Score",
    "adapt_article",
    "date_matches",
    "evaluate",
    "guess_mapping",
    "load_gold",
    "load_jsonl",
    "load_mapping",
    "make_gold_doc",
    "match",
    "score_document",
    "sentence_around",
]
