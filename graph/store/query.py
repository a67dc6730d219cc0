"""SPARQL results as a terminal table, CSV, TSV or the standard SPARQL 1.1 JSON."""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.query import Result

from graph.store.vocab import PREFIXES

__all__ = ["format_result", "short", "RESULT_FORMATS"]

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def short(term) -> str:
    """A term for people: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns) :]}"
        return str(term)
    return str(term)


def json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)  # plain strings carry no datatype in SPARQL JSON
    return out


def rows_of(result: Result) -> tuple[list[str], list[list]]:
    names = [str(v) for v in result.vars]
    return names, [[row[i] if i < len(row) else None for i in range(len(names))] for row in result]


def format_result(result: Result, fmt: str = "table") -> str:
    """One result in the chosen format; ASK gives true/false, CONSTRUCT gives Turtle."""
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "true" if result.askAnswer else "false"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names, rows = rows_of(result)
    if fmt == "json":
        bindings = [{n: json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]
        return json.dumps(
            {"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += [
            "\t".join("" if v is None else v.n3().replace("\t", "\\t").replace("\n", "\\n") for v in row)
            for row in rows
        ]
        return "\n".join(lines)
    return table(names, [[short(v) for v in row] for row in rows])


def table(names: list[str], rows: list[list[str]], width: int = 60) -> str:
    """A plain-text table; long cells are cut with an ellipsis."""
    cells = [
        [c if len(c) <= width else c[: width - 1] + "…" for c in (x.replace("\n", " ") for x in row)]
        for row in rows
    ]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
