"""The package layout: no import circle between the modules of graph/ and extractors/, none too long, none undocumented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph", "extractors")
MAX_LINES = 300


def module_files(root: Path) -> dict[str, Path]:
    """Every module of the project's packages under root, by dotted name (a package by its own name)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules that a module imports anywhere in its text, inside functions too.

    `from package import name` counts as importing the submodule package.name when there is one,
    else the package itself; relative imports are resolved against the module's package.
    """
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in known:
                    out.add(sub)
                elif base in known:
                    out.add(base)
    out.discard(name)
    return out


def import_graph(root: Path) -> dict[str, set[str]]:
    files = module_files(root)
    known = set(files)
    return {name: imported_modules(name, path, known) for name, path in files.items()}


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One circle per strongly connected group of modules (Tarjan's algorithm), as a closed list of names."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return [circle_in(group, edges) for group in sorted(groups)]


def circle_in(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest closed path through the group's first module, for the failure message."""
    start = group[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(edges[node] & set(group)):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return group


def long_modules(root: Path) -> list[str]:
    out = []
    for path in module_files(root).values():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            out.append(f"{path.relative_to(root)}: {lines} lines")
    return out


def undocumented(root: Path) -> list[str]:
    """Modules, packages included, that do not open with a docstring saying what they own."""
    out = []
    for path in module_files(root).values():
        if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            out.append(str(path.relative_to(root)))
    return out


def test_no_import_circle():
    cycles = find_cycles(import_graph(ROOT))
    assert not cycles, "import circles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_no_long_module():
    long = long_modules(ROOT)
    assert not long, f"modules over {MAX_LINES} lines: " + ", ".join(long)


def test_every_module_has_a_docstring():
    missing = undocumented(ROOT)
    assert not missing, "modules without a docstring: " + ", ".join(missing)


def write_package(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


CIRCLES = [
    # (files, the circle expected), every kind of import statement the walk must see
    ({"graph/a.py": "import graph.b\n", "graph/b.py": "import graph.a\n"}, ["graph.a", "graph.b", "graph.a"]),
    (
        {
            "graph/a.py": "from graph.b import x\n",
            "graph/b.py": "def f():\n    from graph.c import y\n",
            "graph/c.py": "from graph import a\n",
        },
        ["graph.a", "graph.b", "graph.c", "graph.a"],
    ),
    (
        {
            "extractors/p/__init__.py": "from .q import z\n",
            "extractors/p/q.py": "from extractors.p import w\n",
        },
        ["extractors.p", "extractors.p.q", "extractors.p"],
    ),
    (
        {"extractors/p/r.py": "from . import s\n", "extractors/p/s.py": "from .r import t\n"},
        ["extractors.p.r", "extractors.p.s", "extractors.p.r"],
    ),
]


@pytest.mark.parametrize("files, circle", CIRCLES)
def test_a_circle_is_found_and_named(tmp_path, files, circle):
    write_package(tmp_path, {"graph/__init__.py": "", "extractors/__init__.py": "", **files})
    assert find_cycles(import_graph(tmp_path)) == [circle]


def test_one_way_imports_are_no_circle(tmp_path):
    write_package(
        tmp_path,
        {
            "graph/__init__.py": "",
            "graph/a.py": "from graph.b import x\nimport graph.c\n",
            "graph/b.py": "from graph.c import y\nfrom extractors import doc\n",
            "graph/c.py": "import json\n",
            "extractors/__init__.py": "",
            "extractors/doc.py": "from __future__ import annotations\n",
        },
    )
    assert find_cycles(import_graph(tmp_path)) == []


def test_a_long_module_is_named(tmp_path):
    write_package(
        tmp_path,
        {
            "graph/__init__.py": "",
            "graph/short.py": "x = 1\n" * MAX_LINES,
            "extractors/__init__.py": "",
            "extractors/deep/long.py": "x = 1\n" * (MAX_LINES + 1),
        },
    )
    assert long_modules(tmp_path) == [f"extractors/deep/long.py: {MAX_LINES + 1} lines"]


def test_a_module_without_docstring_is_named(tmp_path):
    write_package(
        tmp_path,
        {
            "graph/__init__.py": '"""Facts to RDF."""\n',
            "graph/store/__init__.py": "# a comment is no docstring\n",
            "extractors/__init__.py": '"""Articles to facts."""\n',
            "extractors/doc.py": '"""Records."""\n\nx = 1\n',
        },
    )
    assert undocumented(tmp_path) == ["graph/store/__init__.py"]
