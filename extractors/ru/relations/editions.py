"""Event series and editions: Технопром-2024 is edition 11 of the series Технопром, year 2024."""

from __future__ import annotations

from extractors.doc import Value
from extractors.vocab import fold

__all__ = ["extract_editions"]


def extract_editions(ctx) -> None:
    for cand in ctx.cands:
        if not cand.key or not cand.series:
            continue
        series_key = "series:" + fold(cand.series)
        if cand.kind == "series" or cand.type == "EventSeries":
            continue
        entry = ctx.gazetteer.gazetteer.get(cand.series)
        alts = entry.names if entry else ()
        ctx.entity(series_key, "EventSeries", cand.series, alts)
        ctx.add(cand.key, "editionOf", series_key, cand.sent)
        if cand.year:
            ctx.add(cand.key, "year", Value(str(cand.year), "gYear"), cand.sent)
        if cand.edition:
            ctx.add(cand.key, "editionNumber", Value(str(cand.edition), "integer"), cand.sent)
