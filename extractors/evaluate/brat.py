"""BRAT standoff reader: a folder of .txt + .ann pairs -> the gold documents `evaluate` scores.

Read: T (entities; a discontinuous span "0 5;9 14" counts from its first start to its last stop),
R (relations, Arg1 -> Arg2), * (equivalence: one coreference cluster), N (normalisation: the id after
the colon, e.g. Wikidata:Q76; NULL/NIL is no link). A, M, E and # lines are skipped. A document's id is
its path below the folder without the suffix; BRAT has no relation alternatives.
"""

from __future__ import annotations

from pathlib import Path

from extractors.errors import InputError
from extractors.evaluate.records import GoldDoc, GoldEntity, GoldRelation, make_gold_doc

__all__ = ["load_brat", "read_brat"]

SKIPPED = ("A", "M", "E", "#")
NO_LINK = {"", "NULL", "NIL"}


def load_brat(root: str | Path) -> list[GoldDoc]:
    """Every .txt file below `root` with the .ann file beside it, in path order."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: expected a folder of BRAT .txt + .ann files, got no such folder")
    texts = sorted(root.rglob("*.txt"))
    if not texts:
        raise InputError(f"{root}: expected BRAT .txt + .ann pairs, got no .txt file")
    return [
        read_brat(txt, txt.with_suffix(".ann"), txt.relative_to(root).with_suffix("").as_posix())
        for txt in texts
    ]


def _read(path: Path) -> str:
    try:
        # newline="": BRAT offsets count every character of the file, "\r" included
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError as err:
        raise InputError(f"{path}: expected a BRAT file, got no such file") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: expected UTF-8 text, got a byte {err.object[err.start]:#x}") from err


def read_brat(txt_path: Path, ann_path: Path, doc_id: str) -> GoldDoc:
    """One document from its text and its standoff annotations."""
    text = _read(txt_path)
    entities, relations, clusters, links = [], [], [], []
    for lineno, line in enumerate(_read(ann_path).splitlines(), 1):
        if not line.strip() or line.startswith(SKIPPED):
            continue
        cells = line.split("\t")
        try:
            kind = cells[0][0]
            if kind == "T":
                type_, _, offsets = cells[1].partition(" ")
                pieces = [[int(n) for n in piece.split()] for piece in offsets.split(";")]
                start, stop = min(p[0] for p in pieces), max(p[1] for p in pieces)
                entities.append(GoldEntity(cells[0], type_, start, stop, text[start:stop]))
            elif kind == "R":
                type_, *args = cells[1].split()
                roles = dict(arg.split(":", 1) for arg in args)
                relations.append(GoldRelation(type_, roles["Arg1"], roles["Arg2"]))
            elif kind == "*":
                clusters.append(cells[1].split()[1:])
            elif kind == "N":
                _, entity, ref = cells[1].split()
                ident = ref.split(":", 1)[-1]
                if ident.upper() not in NO_LINK:
                    links.append((entity, ident))
            else:
                raise ValueError(f"unknown annotation kind {kind!r}")
        except (IndexError, KeyError, ValueError) as err:
            raise InputError(
                f"{ann_path}:{lineno}: expected a BRAT T, R, *, N, A, M, E or # line, got {line[:80]!r}"
            ) from err
    return make_gold_doc(doc_id, text, entities, relations, clusters, links, str(ann_path))
