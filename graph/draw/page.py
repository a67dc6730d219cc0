"""The HTML of a drawn graph: vis-network from the pyvis package inlined, data as JSON, DOM-built tooltips."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from extractors.errors import StoreError

__all__ = ["render_page", "vis_assets", "page_json"]

VIS_VERSION = "9.1.2"
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)

STYLE = """
html, body { margin: 0; height: 100%; font: 14px/1.35 system-ui, sans-serif; color: #222; }
#fg-network { position: absolute; inset: 0; }
#fg-panel { position: absolute; top: 8px; left: 8px; z-index: 5; max-width: 300px; max-height: 90%; overflow: auto;
  background: rgba(255,255,255,0.93); border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; }
#fg-panel h1 { font-size: 15px; margin: 0 0 4px; } #fg-panel h2 { font-size: 13px; margin: 8px 0 2px; }
#fg-panel ul { list-style: none; margin: 0; padding: 0; } #fg-panel li { white-space: nowrap; }
#fg-search { width: 100%; box-sizing: border-box; margin: 4px 0; } #fg-status, .fg-note { color: #666; font-size: 12px; }
.fg-glyph { display: inline-block; width: 1.3em; text-align: center; }
div.vis-tooltip { white-space: normal; max-width: 440px; font: 13px/1.35 system-ui, sans-serif; padding: 6px 8px; }
.fg-tip-name { font-weight: bold; } .fg-tip-kind { color: #666; margin-bottom: 3px; }
.fg-tip-ev { margin: 4px 0 0; padding-left: 16px; } .fg-tip-src, .fg-tip-more { color: #666; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var marks = {start: performance.now()};  // read by bench/draw.py
  var data = JSON.parse(document.getElementById("fg-data").textContent);
  marks.parsed = performance.now();
  var GLYPH = {dot: "\u25CF", square: "\u25A0", diamond: "\u25C6", triangle: "\u25B2", triangleDown: "\u25BC", star: "\u2605", hexagon: "\u2B22"};
  // Everything taken from articles reaches the page as text nodes, never as HTML.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function tipElement(t) {
    var box = el("div", "fg-tip");
    box.appendChild(el("div", "fg-tip-name", t.name));
    box.appendChild(el("div", "fg-tip-kind", t.kind));
    t.rows.forEach(function (r) {
      var row = el("div", "fg-tip-row");
      row.appendChild(el("b", null, r[0] + ": "));
      row.appendChild(document.createTextNode(r[1]));
      box.appendChild(row);
    });
    if (t.evidence.length) {
      var list = el("ul", "fg-tip-ev");
      t.evidence.forEach(function (e) {
        var li = el("li", null, "\u00AB" + e[0] + "\u00BB");
        li.appendChild(el("span", "fg-tip-src", " \u2014 " + e[1]));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (t.more) box.appendChild(el("div", "fg-tip-more", "+" + t.more + " more"));
    return box;
  }
  var base = {}, byName = {};
  data.nodes.forEach(function (n) {
    n.title = tipElement(n.tip); delete n.tip; base[n.id] = n.color;
    var key = n.label.toLowerCase(); if (!(key in byName)) byName[key] = n.id;
  });
  data.edges.forEach(function (e) { e.title = tipElement(e.tip); delete e.tip; });
  marks.tooltips = performance.now();
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var large = !data.physics;
  var options = {
    nodes: {font: {size: 14}, borderWidth: 1},
    edges: {font: {size: 10, align: "middle", color: "#555"}, color: {color: "#9aa", highlight: "#333"},
            scaling: {min: 1, max: 6, label: {enabled: false}}, smooth: large ? false : {type: "continuous"}},
    // Fewer stabilisation steps as the graph grows: 300 for small pages, 100 at the 1,000-node limit.
    physics: data.physics && data.nodes.length ? {solver: "forceAtlas2Based",
      stabilization: {iterations: Math.round(Math.max(100, Math.min(300, 100000 / data.nodes.length)))}} : false,
    layout: {improvedLayout: data.nodes.length <= 300, randomSeed: 7},
    // Hover highlighting redraws the whole canvas on every move: off for large pages (tooltips still show).
    interaction: {hover: !large, tooltipDelay: 120, hideEdgesOnDrag: large, hideEdgesOnZoom: large}
  };
  var container = document.getElementById("fg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  marks.network = performance.now();
  window.fg = {network: network, nodes: nodes, edges: edges, ready: false, marks: marks};

  function ready() {
    if (window.fg.ready) return;
    window.fg.ready = true; window.fg.readyAt = performance.now();
    document.body.setAttribute("data-fg-ready", "1");
  }
  if (options.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false}); network.fit();
      network.once("afterDrawing", ready); network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  // Click: the node and its neighbours keep their colours, the rest fades.
  var FADED = "rgba(190,190,190,0.35)";
  function highlight(id) {
    var keep = {}; keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var near = {}; network.getConnectedEdges(id).forEach(function (e) { near[e] = true; });
    nodes.update(nodes.getIds().map(function (n) { return {id: n, color: keep[n] ? base[n] : FADED}; }));
    edges.update(edges.getIds().map(function (e) { return {id: e, hidden: !near[e]}; }));
    window.fg.highlighted = id;
  }
  function reset() {
    if (window.fg.highlighted === undefined) return;
    nodes.update(nodes.getIds().map(function (n) { return {id: n, color: base[n]}; }));
    edges.update(edges.getIds().map(function (e) { return {id: e, hidden: false}; }));
    window.fg.highlighted = undefined;
  }
  network.on("click", function (p) { if (p.nodes.length) highlight(p.nodes[0]); else reset(); });

  // Legend, notes and the search box.
  document.getElementById("fg-title").textContent = data.title;
  document.getElementById("fg-counts").textContent = data.nodes.length + " nodes, " + data.edges.length + " edges";
  var notes = document.getElementById("fg-notes");
  data.notes.forEach(function (n) { notes.appendChild(el("div", "fg-note", n)); });
  var legend = document.getElementById("fg-legend");
  data.legend.forEach(function (k) {
    var li = el("li"), glyph = el("span", "fg-glyph", GLYPH[k.shape] || "\u25CF");
    glyph.style.color = k.color; li.appendChild(glyph); li.appendChild(document.createTextNode(k.kind + " (" + k.count + ")"));
    legend.appendChild(li);
  });
  var rels = document.getElementById("fg-relations");
  data.relations.forEach(function (r) { rels.appendChild(el("li", null, "\u2192 " + r.label + " (" + r.count + ")")); });
  var names = document.getElementById("fg-names");
  Object.keys(byName).sort().slice(0, 20000).forEach(function (k) { var o = el("option"); o.value = nodes.get(byName[k]).label; names.appendChild(o); });
  var search = document.getElementById("fg-search"), status = document.getElementById("fg-status");
  function find() {
    var q = search.value.trim().toLowerCase(), id = byName[q];
    if (!q) { status.textContent = ""; reset(); return; }
    if (id === undefined) { var hit = Object.keys(byName).filter(function (k) { return k.indexOf(q) >= 0; }).sort()[0]; id = byName[hit]; }
    if (id === undefined) { status.textContent = "no node named \u201C" + search.value + "\u201D"; return; }
    status.textContent = nodes.get(id).label;
    network.selectNodes([id]); highlight(id); network.focus(id, {scale: 1.3});
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") find(); });
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>@TITLE@</title>
<style>@VIS_CSS@</style>
<style>@STYLE@</style>
<script>@VIS_JS@</script>
</head>
<body>
<div id="fg-network"></div>
<div id="fg-panel">
<h1 id="fg-title"></h1><div id="fg-counts" class="fg-note"></div><div id="fg-notes"></div>
<input id="fg-search" list="fg-names" placeholder="Find a node by name" autocomplete="off"><datalist id="fg-names"></datalist>
<div id="fg-status"></div>
<h2>Nodes</h2><ul id="fg-legend"></ul><h2>Edges</h2><ul id="fg-relations"></ul>
</div>
<script type="application/json" id="fg-data">@DATA@</script>
<script>@SCRIPT@</script>
</body>
</html>
"""


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS as the pyvis package ships them (licence header kept)."""
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise StoreError(
            f"{folder}: vis-network {VIS_VERSION} is missing from the pyvis package: {err.strerror}"
        ) from err
    # The source-map comment is the one URL that a browser's developer tools would try to fetch.
    return SOURCE_MAP.sub("", js), css


def page_json(data: dict) -> str:
    """JSON that is safe inside <script>: no `<`, `>` or `&` can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def render_page(data: dict, output: str | Path) -> int:
    """Write the page atomically; returns its size in bytes."""
    js, css = vis_assets()
    title = data["title"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts = {
        "@TITLE@": title,
        "@VIS_CSS@": css,
        "@STYLE@": STYLE,
        "@VIS_JS@": js,
        "@DATA@": page_json(data),
        "@SCRIPT@": SCRIPT,
    }
    html = re.sub("|".join(map(re.escape, parts)), lambda m: parts[m.group(0)], PAGE)
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path.stat().st_size
