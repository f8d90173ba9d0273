/* diplograph viewer: renders the JSON in #dg-data with vis-network.
 * All graph text is untrusted (it comes from news articles): it is only ever written with
 * textContent / createTextNode, never innerHTML, and links are made only for http(s) URLs. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var meta = data.meta;
  var TYPES = {};
  data.types.forEach(function (t) { TYPES[t.key] = t; });
  var RELS = {};
  data.relations.forEach(function (r) { RELS[r.key] = r; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  var incident = {};
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    (incident[e.from] = incident[e.from] || []).push(e);
    (incident[e.to] = incident[e.to] || []).push(e);
  });

  var state = {
    types: {}, year: "", colorBy: meta.colorBy, edgeLabels: meta.edgeLabels
  };
  data.types.forEach(function (t) { state.types[t.key] = true; });

  // ------------------------------------------------------------------ DOM helpers (text only)
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  function nodeColor(n) {
    if (state.colorBy === "community") {
      return n.community < data.communityColors.length ? data.communityColors[n.community] : data.otherCommunityColor;
    }
    return TYPES[n.type].color;
  }
  function visNode(n) {
    var c = nodeColor(n);
    return {
      id: n.id, label: n.label, shape: TYPES[n.type].shape, size: n.size, x: n.x, y: n.y,
      color: { background: c, border: "#2b2b2b", highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } },
      font: { size: 13, color: "#1d2330", strokeWidth: 3, strokeColor: "#ffffff" },
      physics: !n.isolated, hidden: false
    };
  }
  function edgeColor(e) { var r = RELS[e.rels[0]]; return r ? r.color : "#999"; }
  function visEdge(e) {
    return {
      id: e.id, from: e.from, to: e.to, label: state.edgeLabels ? e.label : undefined,
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: edgeColor(e), highlight: "#222", hover: "#222", opacity: 0.85 },
      font: { size: 10, color: "#445", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      width: 1.2, hidden: false
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var big = data.nodes.length > 1000;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 42 },
    physics: {
      enabled: meta.physics,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, centralGravity: 0.08, springLength: 140, springConstant: 0.03, damping: 0.35, avoidOverlap: 0.4 },
      stabilization: { enabled: meta.physics, iterations: meta.stabilizationIterations, updateInterval: 50, fit: true },
      minVelocity: 1.0
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false, navigationButtons: false, keyboard: false },
    edges: { smooth: false, selectionWidth: 2 },
    nodes: { borderWidth: 1, scaling: { label: { enabled: false } } }
  };
  var container = document.getElementById("dg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var api = window.diplograph = {
    network: network, nodes: nodes, edges: edges, data: data,
    settled: false, settleMs: null,
    physicsEnabled: function () { return !!(network.physics && network.physics.physicsEnabled); },
    visibleNodeIds: function () { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); },
    visibleEdgeIds: function () { return edges.getIds({ filter: function (e) { return !e.hidden; } }); },
    idByIri: function (iri) { for (var i = 0; i < data.nodes.length; i++) if (data.nodes[i].iri === iri) return data.nodes[i].id; return null; },
    search: null, setYear: null, setType: null, showNode: null, showEdge: null
  };

  function settle() {
    if (api.settled) return;
    network.setOptions({ physics: { enabled: false } });
    api.settled = true;
    api.settleMs = Math.round(performance.now() - t0);
    document.body.setAttribute("data-settled", "true");
    updateStatus();
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
    // Never let a page keep the CPU busy: whatever happens, physics is off after 20 s.
    setTimeout(settle, 20000);
  } else {
    network.once("afterDrawing", settle);
    setTimeout(settle, 2000);
  }

  // ------------------------------------------------------------------ legend and type filter
  function buildLegend() {
    var legend = document.getElementById("dg-legend");
    clear(legend);
    if (state.colorBy === "type") {
      legend.appendChild(el("h2", "Node types (click to filter)"));
    } else {
      legend.appendChild(el("h2", "Node types (filter) — colour: community"));
    }
    var counts = {};
    data.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
    var ul = el("ul");
    var symbols = { dot: "●", square: "■", triangle: "▲", diamond: "◆", star: "★" };
    data.types.forEach(function (t) {
      var li = el("li");
      var label = el("label");
      var box = document.createElement("input");
      box.type = "checkbox"; box.checked = state.types[t.key]; box.setAttribute("data-type", t.key);
      box.addEventListener("change", function () { state.types[t.key] = box.checked; applyFilters(); });
      var sw = el("span", symbols[t.shape] || "●", "dg-swatch");
      sw.style.color = state.colorBy === "type" ? t.color : "#666";
      label.appendChild(box); label.appendChild(sw);
      label.appendChild(document.createTextNode(" " + t.label + " · " + t.labelVi + " "));
      label.appendChild(el("span", "(" + fmt(counts[t.key] || 0) + ")", "dg-count"));
      li.appendChild(label); ul.appendChild(li);
    });
    legend.appendChild(ul);
    if (state.colorBy === "community") {
      legend.appendChild(el("h2", "Communities (Louvain, seeded)"));
      var cu = el("ul");
      data.communitySizes.forEach(function (size, i) {
        if (i >= data.communityColors.length) return;
        var li = el("li");
        var sw = el("span", "●", "dg-swatch"); sw.style.color = data.communityColors[i];
        li.appendChild(sw); li.appendChild(document.createTextNode(" community " + (i + 1) + " "));
        li.appendChild(el("span", "(" + fmt(size) + " nodes)", "dg-count"));
        cu.appendChild(li);
      });
      if (data.communitySizes.length > data.communityColors.length) {
        var li = el("li"); var sw = el("span", "●", "dg-swatch"); sw.style.color = data.otherCommunityColor;
        li.appendChild(sw); li.appendChild(document.createTextNode(" " + (data.communitySizes.length - data.communityColors.length) + " smaller communities"));
        cu.appendChild(li);
      }
      legend.appendChild(cu);
    }
    legend.appendChild(el("h2", "Relations (edges)"));
    var ru = el("ul", "", "dg-rels");
    var present = {};
    data.edges.forEach(function (e) { e.rels.forEach(function (r) { present[r] = true; }); });
    data.relations.forEach(function (r) {
      if (!present[r.key]) return;
      var li = el("li"); var sw = el("span", "", "dg-edge-swatch"); sw.style.borderColor = r.color;
      li.appendChild(sw); li.appendChild(document.createTextNode(r.key)); ru.appendChild(li);
    });
    legend.appendChild(ru);
    legend.appendChild(el("p", "Node size: " + meta.sizeBy + " centrality.", "dg-count"));
  }

  // ------------------------------------------------------------------ filters
  function nodeVisible(n) {
    return state.types[n.type] && (state.year === "" || n.years.indexOf(state.year) >= 0);
  }
  function applyFilters() {
    var vis_ = {};
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var v = nodeVisible(n);
      vis_[n.id] = v;
      var cur = nodes.get(n.id, { fields: ["hidden"] });
      if (!cur || !!cur.hidden === v) nodeUpdates.push({ id: n.id, hidden: !v });
    });
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var v = vis_[e.from] && vis_[e.to] && (state.year === "" || e.years.indexOf(state.year) >= 0);
      var cur = edges.get(e.id, { fields: ["hidden"] });
      if (!cur || !!cur.hidden === v) edgeUpdates.push({ id: e.id, hidden: !v });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    updateStatus();
  }
  function updateStatus() {
    var shown = api.visibleNodeIds().length, shownE = api.visibleEdgeIds().length;
    var text = fmt(shown) + " of " + fmt(data.nodes.length) + " nodes, " + fmt(shownE) + " edges shown";
    if (!api.settled) text += " · laying out…";
    document.getElementById("dg-status").textContent = text;
  }
  api.setYear = function (y) { state.year = y ? String(y) : ""; document.getElementById("dg-year").value = state.year; applyFilters(); };
  api.setType = function (t, on) {
    state.types[t] = !!on;
    var box = document.querySelector('#dg-legend input[data-type="' + t + '"]');
    if (box) box.checked = !!on;
    applyFilters();
  };

  var yearSel = document.getElementById("dg-year");
  meta.years.forEach(function (y) { var o = el("option", y); o.value = y; yearSel.appendChild(o); });
  yearSel.addEventListener("change", function () { state.year = yearSel.value; applyFilters(); });

  var colourSel = document.getElementById("dg-colour");
  colourSel.value = state.colorBy;
  colourSel.addEventListener("change", function () {
    state.colorBy = colourSel.value;
    nodes.update(data.nodes.map(function (n) { var v = visNode(n); return { id: n.id, color: v.color }; }));
    buildLegend();
  });
  var labelBox = document.getElementById("dg-edge-labels");
  labelBox.checked = state.edgeLabels;
  labelBox.addEventListener("change", function () {
    state.edgeLabels = labelBox.checked;
    edges.update(data.edges.map(function (e) { return { id: e.id, label: state.edgeLabels ? e.label : "" }; }));
  });

  // ------------------------------------------------------------------ banner (what was left out)
  (function banner() {
    var b = document.getElementById("dg-banner");
    var parts = [];
    if (meta.notes.length) parts.push("Showing " + meta.notes.join("; ") + ".");
    if (meta.leftOutNodes > 0) {
      var by = data.types.filter(function (t) { return meta.leftOutByType[t.key]; })
        .map(function (t) { return fmt(meta.leftOutByType[t.key]) + " " + t.key; });
      parts.push("Left out " + fmt(meta.leftOutNodes) + " less central nodes (" + by.join(", ") + ") and " +
        fmt(meta.leftOutEdges) + " edges of " + fmt(meta.totalNodes) + " nodes / " + fmt(meta.totalEdges) + " edges in the graph.");
    }
    if (parts.length) { b.textContent = parts.join(" "); b.hidden = false; }
  })();

  // ------------------------------------------------------------------ details panel
  function sourceLine(ai) {
    var art = typeof ai === "number" ? data.articles[ai] : null;
    var span = el("span", "", "dg-src");
    if (!art) return span;
    span.appendChild(document.createTextNode("— "));
    var headline = art.headline || art.file || "article";
    var url = safeUrl(art.url);
    if (url) {
      var a = el("a", headline);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      span.appendChild(a);
    } else {
      span.appendChild(document.createTextNode(headline));
    }
    var extra = [art.date, art.file].filter(Boolean).join(", ");
    if (extra) span.appendChild(document.createTextNode(" (" + extra + ")"));
    return span;
  }
  function evidenceItem(text, ai, prefix) {
    var li = el("li");
    if (prefix) li.appendChild(el("strong", prefix + ": "));
    if (text) li.appendChild(el("span", "“" + text + "”", "dg-quote"));
    li.appendChild(sourceLine(ai));
    return li;
  }
  function nodeLink(id) {
    var n = byId[id];
    var b = el("button", n ? n.name : id, "dg-link");
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function addFields(panel, pairs) {
    var dl = el("dl"), any = false;
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "") return;
      dl.appendChild(el("dt", p[0])); dl.appendChild(el("dd", p[1])); any = true;
    });
    if (any) panel.appendChild(dl);
  }
  var FIELD_NAMES = {
    date: "date", kind: "kind", classes: "class", status: "status", format: "format", theme: "theme",
    place: "place", organizer: "organizer", heldDuring: "held during", otherNames: "other names",
    abbreviation: "abbreviation", englishName: "English name", text: "text", year: "year",
    setBy: "set by", setAt: "set at"
  };
  function showNode(id) {
    var n = byId[id];
    var panel = document.getElementById("dg-details");
    clear(panel);
    if (!n) return;
    var t = TYPES[n.type];
    var badge = el("span", t.label + " · " + t.labelVi, "dg-badge");
    badge.style.background = t.color;
    panel.appendChild(badge);
    panel.appendChild(el("div", n.name, "dg-title"));
    if (n.labelEn && n.labelEn !== n.name) panel.appendChild(el("div", n.labelEn, "dg-en"));
    panel.appendChild(el("div", n.iri, "dg-iri"));
    var pairs = [];
    Object.keys(FIELD_NAMES).forEach(function (k) {
      if (typeof n.details[k] === "string") pairs.push([FIELD_NAMES[k], n.details[k]]);
    });
    pairs.push(["years", n.years.join(", ")]);
    pairs.push(["centrality", meta.sizeBy + " " + n.centrality]);
    pairs.push(["community", String(n.community + 1)]);
    addFields(panel, pairs);
    if (n.details.posts && n.details.posts.length) {
      panel.appendChild(el("h3", "Posts over time · Chức vụ"));
      var ol = el("ol");
      n.details.posts.forEach(function (p) {
        var text = (p.qualifier ? "[" + p.qualifier + "] " : "") + (p.title || "") +
          (p.organization ? " — " + p.organization : "") + (p.asOf ? " (as of " + p.asOf + ")" : "");
        ol.appendChild(el("li", text));
      });
      panel.appendChild(ol);
    }
    if (n.details.actions && n.details.actions.length) {
      panel.appendChild(el("h3", "Actions on the agreement"));
      var al = el("ul");
      n.details.actions.forEach(function (a) {
        al.appendChild(evidenceItem(a.evidence, a.a, [a.action, a.actionType, a.tense].filter(Boolean).join(" · ")));
      });
      panel.appendChild(al);
    }
    var inc = incident[id] || [];
    if (inc.length) {
      panel.appendChild(el("h3", "Relations (" + inc.length + ")"));
      var rl = el("ul");
      inc.forEach(function (e) {
        var li = el("li");
        if (e.from === id) { li.appendChild(el("span", e.label + " → ")); li.appendChild(nodeLink(e.to)); }
        else { li.appendChild(nodeLink(e.from)); li.appendChild(el("span", " " + e.label + " → this")); }
        rl.appendChild(li);
      });
      panel.appendChild(rl);
    }
    var ev = el("ul"), count = 0;
    n.evidence.forEach(function (x) { ev.appendChild(evidenceItem(x.text, x.a)); count++; });
    inc.forEach(function (e) {
      e.facts.forEach(function (f) {
        if (!f.evidence) return;
        var other = byId[e.from === id ? e.to : e.from];
        ev.appendChild(evidenceItem(f.evidence, f.a, f.rel + (f.title ? " (" + f.title + ")" : "") + (other ? " · " + other.name : "")));
        count++;
      });
    });
    if (count) { panel.appendChild(el("h3", "Evidence · Câu trích dẫn (" + count + ")")); panel.appendChild(ev); }
    if (n.sources.length) {
      panel.appendChild(el("h3", "Source articles"));
      var sl = el("ul");
      n.sources.forEach(function (ai) { var li = el("li"); li.appendChild(sourceLine(ai)); sl.appendChild(li); });
      panel.appendChild(sl);
    }
  }
  function showEdge(eid) {
    var e = edgeById[eid];
    var panel = document.getElementById("dg-details");
    clear(panel);
    if (!e) return;
    panel.appendChild(el("div", e.label, "dg-title"));
    var p = el("p");
    p.appendChild(nodeLink(e.from)); p.appendChild(document.createTextNode(" → ")); p.appendChild(nodeLink(e.to));
    panel.appendChild(p);
    addFields(panel, [["years", e.years.join(", ")]]);
    panel.appendChild(el("h3", "Facts and evidence (" + e.facts.length + ")"));
    var ul = el("ul");
    e.facts.forEach(function (f) {
      var head = [f.rel, f.title, f.qualifier, f.date, f.action, f.tense, f.coMention ? "same article" : ""].filter(Boolean).join(" · ");
      ul.appendChild(evidenceItem(f.evidence, f.a, head));
    });
    panel.appendChild(ul);
  }

  // ------------------------------------------------------------------ tooltip (hover)
  var tip = document.getElementById("dg-tooltip");
  function showTip(lines, x, y) {
    clear(tip);
    lines.forEach(function (l, i) { if (l) tip.appendChild(el("div", l, i === 1 ? "dg-tt-type" : "")); });
    var rect = container.getBoundingClientRect();
    tip.style.left = Math.round(rect.left + x + 14) + "px";
    tip.style.top = Math.round(rect.top + y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    if (!n) return;
    var t = TYPES[n.type];
    var posts = (n.details.posts || []).slice(-1).map(function (x) { return x.title + (x.asOf ? " (" + x.asOf + ")" : ""); });
    showTip([n.name, t.label + " · " + t.labelVi + (n.years.length ? " · " + n.years.join(", ") : ""),
      n.labelEn && n.labelEn !== n.name ? n.labelEn : "", n.details.date || "", posts[0] || "",
      (incident[n.id] || []).length + " relations — click for details"], p.pointer.DOM.x, p.pointer.DOM.y);
  });
  network.on("hoverEdge", function (p) {
    var e = edgeById[p.edge];
    if (!e) return;
    showTip([byId[e.from].name + " → " + byId[e.to].name, e.label, e.years.join(", ")], p.pointer.DOM.x, p.pointer.DOM.y);
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ------------------------------------------------------------------ search
  function norm(s) {
    return String(s || "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var keys = data.nodes.map(function (n) { return { id: n.id, k: [norm(n.name), norm(n.labelEn)] }; });
  var degree = {};
  data.nodes.forEach(function (n) { degree[n.id] = (incident[n.id] || []).length; });
  function find(query, visibleOnly) {
    var q = norm(query);
    if (!q) return null;
    var tests = [function (k) { return k === q; }, function (k) { return k.indexOf(q) === 0; }, function (k) { return k.indexOf(q) >= 0; }];
    for (var i = 0; i < tests.length; i++) {
      var best = null;
      keys.forEach(function (x) {
        if (visibleOnly && !nodeVisible(byId[x.id])) return;
        if (x.k.some(function (k) { return k && tests[i](k); })) {
          if (!best || degree[x.id] > degree[best]) best = x.id;
        }
      });
      if (best) return best;
    }
    return null;
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  api.search = function (query) {
    var id = find(query, true);
    var status = document.getElementById("dg-status");
    if (!id) {
      var hidden = find(query, false);
      status.textContent = hidden ? "“" + byId[hidden].name + "” is hidden by the current filters" : "No node matches “" + query + "”";
      return null;
    }
    focusNode(id);
    updateStatus();
    return id;
  };
  var names = document.getElementById("dg-names");
  data.nodes.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }).forEach(function (n) {
    var o = document.createElement("option"); o.value = n.name; names.appendChild(o);
  });
  document.getElementById("dg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    api.search(document.getElementById("dg-search").value);
  });

  buildLegend();
  updateStatus();
  if (meta.center) { network.once("afterDrawing", function () { network.selectNodes([meta.center]); showNode(meta.center); }); }
})();
