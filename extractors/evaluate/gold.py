"""Gold readers: a JSONL file (the shape of the eval README) or a BRAT folder -> gold documents."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from extractors.errors import InputError
from extractors.evaluate.brat import load_brat
from extractors.evaluate.records import GoldDoc, GoldEntity, GoldRelation, make_gold_doc

__all__ = ["load_gold", "load_jsonl"]


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read gold documents from a JSONL file or a folder of BRAT .txt + .ann files."""
    path = Path(path)
    if path.is_dir():
        return load_brat(path)
    if not path.exists():
        raise InputError(f"{path}: expected a gold JSONL file or a BRAT folder, got no such path")
    return load_jsonl(path)


def load_jsonl(path: str | Path) -> list[GoldDoc]:
    """Read one gold document a line (the shape of the eval README)."""
    path = Path(path)
    docs = []
    try:
        # a .gz file is read through gzip (NEREL's train split ships so)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, 1):
                if line.strip():
                    docs.append(_adapt_jsonl(line, f"{path}:{lineno}", f"{path.name}#{lineno}"))
    except (OSError, EOFError) as err:  # gzip.BadGzipFile is an OSError
        raise InputError(f"{path}: cannot read the gold file: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: expected UTF-8 text, got a byte {err.object[err.start]:#x}") from err
    return docs


def _adapt_jsonl(line: str, where: str, default_id: str) -> GoldDoc:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{where}: expected a JSON object, got bad JSON ({err.msg}, column {err.colno})"
        ) from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{where}: expected an object with a string 'text', got {line[:60]!r}")
    text = record["text"]
    try:
        entities = [
            GoldEntity(str(e["id"]), str(e["type"]), start, end, text[start:end])
            for e in record.get("entities") or ()
            for start, end in [_entity_span(e)]
        ]
        types = {e.id: e.type for e in entities}
        clusters, reps = [], {}
        for cluster in record.get("clusters") or ():
            mentions = [str(m) for m in cluster["mentions"]]
            if mentions:
                # relations name the cluster: read it as its first mention of the cluster's own type
                same = [m for m in mentions if types.get(m) == cluster.get("type")]
                reps[cluster["id"]] = (same or mentions)[0]
                clusters.append(mentions)
        relations = [
            GoldRelation(
                str(r["type"]),
                reps.get(r["head"], str(r["head"])),
                reps.get(r["tail"], str(r["tail"])),
                tuple(reps.get(a, str(a)) for a in r.get("alternatives") or ()),
            )
            for r in record.get("relations") or ()
        ]
        links = [
            (str(k["entity"]), str(k["wikidata"])) for k in record.get("links") or () if k.get("wikidata")
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputError(
            f"{where}: expected entities, relations, clusters and links as in the eval README, "
            f"got {type(err).__name__}: {err}"
        ) from err
    doc_id = str(record.get("id") or default_id)
    return make_gold_doc(doc_id, text, entities, relations, clusters, links, where)


def _entity_span(entity: dict) -> tuple[int, int]:
    """start, end; a discontinuous entity written out of order (NEREL train's "fragments") covers them all."""
    start, end = int(entity["start"]), int(entity["end"])
    if start >= end and entity.get("fragments"):
        start = min(int(f[0]) for f in entity["fragments"])
        end = max(int(f[1]) for f in entity["fragments"])
    return start, end
