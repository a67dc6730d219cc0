"""Linear models per relation, stored as sorted JSON in gzip: safe to load, small and byte-reproducible."""

from __future__ import annotations

import gzip
import json
import math
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractors.errors import InputError
from extractors.learn.features import FEATURES_VERSION

__all__ = ["DEFAULT_MODEL", "FORMAT", "LinearModel", "Weights", "dump_model", "load_model", "read_model"]

FORMAT = "forumgraph-model"
DEFAULT_MODEL = Path(__file__).parent / "default-model.json.gz"


@dataclass(frozen=True)
class Weights:
    """One relation's logistic model: P(yes) = sigmoid(intercept + sum of the weights of the features).

    A pair the rules missed is added at P >= threshold; one they found is dropped below `veto` (0: never).
    """

    intercept: float
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)
    veto: float = 0.0

    def probability(self, features: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class LinearModel:
    """The relations a model scores, and what it was trained on (file names and document counts)."""

    relations: dict[str, Weights]
    trained_on: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "features": FEATURES_VERSION,
            "trained_on": list(self.trained_on),
            "relations": {
                name: {
                    "intercept": w.intercept,
                    "threshold": w.threshold,
                    "veto": w.veto,
                    "weights": w.weights,
                }
                for name, w in sorted(self.relations.items())
            },
        }


def dump_model(model: LinearModel, path: str | Path) -> None:
    """Write the model: keys sorted, no timestamp in the gzip header, so the same model gives the same bytes."""
    data = json.dumps(model.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    path = Path(path)
    try:
        with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle:
            handle.write(data.encode("utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot write the model: {err.strerror or err}") from err


def read_model(path: str | Path) -> LinearModel:
    """Read a model file; anything else (corrupt, foreign, of other features) is an InputError naming it."""
    path = Path(path)
    try:
        with gzip.open(path, "rb") as handle:
            record = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError as err:
        raise InputError(f"{path}: expected a forumgraph model file, got no such file") from err
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(
            f"{path}: expected a forumgraph model (gzip JSON), got unreadable data: {err}"
        ) from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: expected a forumgraph model (gzip JSON), got bad JSON") from err
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise InputError(f"{path}: expected a forumgraph model (format {FORMAT!r}), got another kind of JSON")
    if record.get("features") != FEATURES_VERSION:
        raise InputError(
            f"{path}: expected a model of features version {FEATURES_VERSION}, got {record.get('features')!r}: "
            "retrain it with `forumgraph train`"
        )
    try:
        relations = {
            str(name): Weights(
                float(rel["intercept"]),
                float(rel["threshold"]),
                {str(k): float(v) for k, v in rel["weights"].items()},
                float(rel.get("veto", 0.0)),
            )
            for name, rel in record["relations"].items()
        }
        trained_on = tuple(str(s) for s in record.get("trained_on") or ())
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise InputError(
            f"{path}: expected relations with intercept, threshold and weights, got {err!r}"
        ) from err
    return LinearModel(relations, trained_on)


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> LinearModel:
    """A model read once per process (the shipped one by default)."""
    return read_model(path or DEFAULT_MODEL)
