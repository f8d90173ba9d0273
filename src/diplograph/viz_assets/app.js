/* diplograph viewer: renders the JSON in #dg-data with vis-network.
 * All graph text is untrusted (it comes from news articles): it is only ever written with
 * textContent / createTextNode / canvas fillText, never innerHTML, and links are made only for
 * http(s) URLs.
 *
 * The page holds every node of the graph (all searchable); vis-network holds only the "view": the
 * opening selection (meta.start) plus what search, focus and expansion added. Filters hide, the
 * focus dims or hides what is outside the selected node's neighbourhood. Node labels are drawn by
 * this script after vis-network has drawn the graph, most important first, skipping any label whose
 * box would overlap one already drawn, so the text on screen never overlaps at any zoom. */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var meta = data.meta;
  var FOCUS_CAP = 200;   // nodes a focus adds at most (highest PageRank first)
  var EXPAND_CAP = 150;  // neighbours one double-click adds at most
  var DIM = { background: "#e4e7eb", border: "#d0d4da" };
  var DIM_EDGE = "#e8eaee";
  var LABEL_FONT = "12px system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
  var LABEL_H = 15;
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
  function other(e, id) { return e.from === id ? e.to : e.from; }

  var state = {
    types: {}, rels: {}, from: "", to: "", minArticles: 1,
    colorBy: meta.colorBy, edgeLabels: meta.edgeLabels, depth: 1, others: "dim",
    focus: null  // {center: id, expanded: [ids]}
  };
  data.types.forEach(function (t) { state.types[t.key] = true; });
  data.relations.forEach(function (r) { state.rels[r.key] = true; });
  var history = [], historyAt = -1;

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
  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------ filters (pure functions of state)
  function inRange(periods) {
    if (!state.from && !state.to) return true;
    var lo = state.from || "0000-00", hi = state.to || "9999-99";
    for (var i = 0; i < periods.length; i++) {
      var p = periods[i];
      if (p.length === 7 ? (p >= lo && p <= hi) : (p >= lo.slice(0, 4) && p <= hi.slice(0, 4))) return true;
    }
    return false;
  }
  function nodePasses(n) {
    return state.types[n.type] && (state.minArticles <= 1 || n.na >= state.minArticles) && inRange(n.t);
  }
  function edgeOwnPasses(e) {
    var rel = false;
    for (var i = 0; i < e.rels.length; i++) if (state.rels[e.rels[i]]) { rel = true; break; }
    return rel && inRange(e.t);
  }
  function edgePasses(e) { return edgeOwnPasses(e) && nodePasses(byId[e.from]) && nodePasses(byId[e.to]); }
  function neighbours(id) {
    // passing neighbours of a node, most important first (PageRank, then id for a stable order)
    var seen = {}, out = [];
    (incident[id] || []).forEach(function (e) {
      var o = other(e, id);
      if (!seen[o] && edgePasses(e)) { seen[o] = true; out.push(o); }
    });
    out.sort(function (a, b) { return byId[b].pr - byId[a].pr || (a < b ? -1 : 1); });
    return out;
  }
  /** The focus set: the centre's neighbourhood to state.depth (at most FOCUS_CAP nodes), plus each
   * expanded node and its neighbours; null without a focus. */
  function focusSet() {
    if (!state.focus) return null;
    var set = {}, count = 0, c = state.focus.center;
    set[c] = true; count = 1;
    var level = [c];
    for (var d = 0; d < state.depth && level.length && count < FOCUS_CAP; d++) {
      var next = [];
      for (var i = 0; i < level.length && count < FOCUS_CAP; i++) {
        var nb = neighbours(level[i]);
        for (var j = 0; j < nb.length && count < FOCUS_CAP; j++) {
          if (!set[nb[j]]) { set[nb[j]] = true; count++; next.push(nb[j]); }
        }
      }
      level = next;
    }
    state.focus.expanded.forEach(function (x) {
      set[x] = true;
      neighbours(x).slice(0, EXPAND_CAP).forEach(function (o) { set[o] = true; });
    });
    return set;
  }

  // ------------------------------------------------------------------ vis data (the view)
  function nodeColor(n) {
    if (state.colorBy === "community") {
      return n.community >= 0 && n.community < data.communityColors.length ? data.communityColors[n.community] : data.otherCommunityColor;
    }
    return TYPES[n.type].color;
  }
  function colorSpec(n, dim) {
    var c = nodeColor(n);
    if (dim) return { background: DIM.background, border: DIM.border, highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } };
    return { background: c, border: "#2b2b2b", highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } };
  }
  function visNode(n, x, y) {
    return {
      id: n.id, shape: TYPES[n.type].shape, size: n.size, x: x, y: y,
      color: colorSpec(n, false), physics: !n.isolated, hidden: false
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

  var inView = {};
  meta.start.forEach(function (id) { inView[id] = true; });
  var nodes = new vis.DataSet(meta.start.map(function (id) { var n = byId[id]; return visNode(n, n.x, n.y); }));
  var edges = new vis.DataSet(data.edges.filter(function (e) { return inView[e.from] && inView[e.to]; }).map(visEdge));
  var applied = {};  // id -> "h" hidden, "d" dimmed, "v" visible, as last sent to vis (to send only changes)
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
  var container = $("dg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  var api = window.diplograph = {
    network: network, nodes: nodes, edges: edges, data: data, state: state,
    settled: false, settleMs: null, animating: false, labelBoxes: [], labelView: null, draws: 0,
    physicsEnabled: function () { return !!(network.physics && network.physics.physicsEnabled); },
    visibleNodeIds: function () { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); },
    visibleEdgeIds: function () { return edges.getIds({ filter: function (e) { return !e.hidden; } }); },
    litNodeIds: function () { return nodes.getIds().filter(function (id) { return applied[id] === "v"; }); },
    dimmedNodeIds: function () { return nodes.getIds().filter(function (id) { return applied[id] === "d"; }); },
    litEdgeIds: function () { return edges.getIds().filter(function (id) { return applied[id] === "v"; }); },
    inViewIds: function () { return nodes.getIds(); },
    idByIri: function (iri) { for (var i = 0; i < data.nodes.length; i++) if (data.nodes[i].iri === iri) return data.nodes[i].id; return null; },
    labelsCurrent: function () {
      var v = api.labelView, p = network.getViewPosition();
      return !!v && Math.abs(v.scale - network.getScale()) < 1e-9 && Math.abs(v.x - p.x) < 1e-6 && Math.abs(v.y - p.y) < 1e-6;
    }
  };

  // ------------------------------------------------------------------ adding nodes to the view
  /** Put ``ids`` (not yet in the view) into it, each on a ring around its most important
   * neighbour already placed; a part with no placed neighbour starts from its most important node,
   * put in the next cell of a grid right of the drawing, and grows around it the same way. */
  function addToView(ids) {
    var todo = ids.filter(function (id) { return !inView[id]; });
    if (!todo.length) return 0;
    var pos = network.getPositions();
    var placed = {};
    Object.keys(pos).forEach(function (id) { placed[id] = pos[id]; });
    var pending = todo.slice();
    var out = [];
    var grid = null;
    while (pending.length) {
      var groups = {}, order = [], rest = [];
      pending.forEach(function (id) {
        var best = null;
        (incident[id] || []).forEach(function (e) {
          var o = other(e, id);
          if (placed[o] && (!best || byId[o].pr > byId[best].pr)) best = o;
        });
        if (best) { if (!groups[best]) { groups[best] = []; order.push(best); } groups[best].push(id); }
        else rest.push(id);
      });
      if (!order.length) {
        if (!grid) {
          var xs = Object.keys(placed).map(function (id) { return placed[id].x; });
          var ys = Object.keys(placed).map(function (id) { return placed[id].y; });
          grid = { left: xs.length ? Math.max.apply(null, xs) + 300 : 0, top: ys.length ? Math.min.apply(null, ys) : 0,
                   cols: Math.max(1, Math.ceil(Math.sqrt(rest.length / 2))), i: 0 };
        }
        rest.sort(function (a, b) { return byId[b].pr - byId[a].pr || (a < b ? -1 : 1); });
        var seed = rest.shift();
        placed[seed] = { x: grid.left + (grid.i % grid.cols) * 240, y: grid.top + Math.floor(grid.i / grid.cols) * 200 };
        grid.i++;
        out.push(seed);
        pending = rest;
        continue;
      }
      order.forEach(function (a) {
        var kids = groups[a], k = kids.length, c = placed[a];
        var already = (incident[a] || []).filter(function (e) { return placed[other(e, a)]; }).length;
        var r = Math.max(k > 3 ? 120 : 70, 30 * k / (2 * Math.PI)) + 15 * Math.min(already, 8);
        var phase = (a.length * 0.7 + already) % (2 * Math.PI);
        kids.forEach(function (id, i) {
          var ang = phase + 2 * Math.PI * i / k;
          var rr = r + (k > 24 ? (i % 3) * 35 : 0);
          placed[id] = { x: c.x + rr * Math.cos(ang), y: c.y + rr * Math.sin(ang) };
          out.push(id);
        });
      });
      pending = rest;
    }
    nodes.add(out.map(function (id) { var p = placed[id]; var v = visNode(byId[id], p.x, p.y); v.physics = false; return v; }));
    out.forEach(function (id) { inView[id] = true; });
    var newEdges = [];
    out.forEach(function (id) {
      (incident[id] || []).forEach(function (e) {
        if (inView[e.from] && inView[e.to] && !edges.get(e.id)) newEdges.push(visEdge(e));
      });
    });
    var uniq = {};
    edges.add(newEdges.filter(function (e) { if (uniq[e.id]) return false; uniq[e.id] = true; return true; }));
    return out.length;
  }
  function setViewTo(ids) {
    // the view becomes exactly ``ids`` (history, "show everything"): drop the others, add the missing
    var want = {};
    ids.forEach(function (id) { want[id] = true; });
    var drop = nodes.getIds().filter(function (id) { return !want[id]; });
    if (drop.length) {
      var dropped = {};
      drop.forEach(function (id) { dropped[id] = true; delete inView[id]; delete applied[id]; });
      var dropEdges = edges.getIds().filter(function (eid) { var e = edgeById[eid]; return dropped[e.from] || dropped[e.to]; });
      dropEdges.forEach(function (eid) { delete applied[eid]; });
      edges.remove(dropEdges);
      nodes.remove(drop);
    }
    addToView(ids);
  }

  // ------------------------------------------------------------------ applying filters and focus
  function render() {
    var F = focusSet();
    if (F) addToView(Object.keys(F));
    var nodeUpdates = [], edgeUpdates = [], shown = {};
    nodes.getIds().forEach(function (id) {
      var n = byId[id], s;
      if (!nodePasses(n)) s = "h";
      else if (F && !F[id]) s = state.others === "hide" ? "h" : "d";
      else s = "v";
      shown[id] = s;
      if (applied[id] !== s) {
        applied[id] = s;
        nodeUpdates.push({ id: id, hidden: s === "h", color: colorSpec(n, s === "d") });
      }
    });
    edges.getIds().forEach(function (eid) {
      var e = edgeById[eid], s;
      var a = shown[e.from], b = shown[e.to];
      if (a === "h" || b === "h" || !edgeOwnPasses(e)) s = "h";
      else if (a === "d" || b === "d") s = "d";
      else s = "v";
      if (applied[eid] !== s) {
        applied[eid] = s;
        edgeUpdates.push({ id: eid, hidden: s === "h", color: { color: s === "d" ? DIM_EDGE : edgeColor(e), highlight: "#222", hover: "#222", opacity: s === "d" ? 0.6 : 0.85 } });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    updateStatus();
    buildLegend();
    drawTimeline();
  }
  function recolour() {
    nodes.update(nodes.getIds().map(function (id) { return { id: id, color: colorSpec(byId[id], applied[id] === "d") }; }));
    buildLegend();
  }

  // ------------------------------------------------------------------ focus and its history
  function snapshot() {
    return { focus: state.focus ? { center: state.focus.center, expanded: state.focus.expanded.slice() } : null,
             depth: state.depth, view: nodes.getIds().sort() };
  }
  function pushHistory() {
    history = history.slice(0, historyAt + 1);
    history.push(snapshot());
    historyAt = history.length - 1;
    updateHistoryButtons();
  }
  function restore(h) {
    state.focus = h.focus ? { center: h.focus.center, expanded: h.focus.expanded.slice() } : null;
    state.depth = h.depth;
    $("dg-depth").value = String(h.depth);
    setViewTo(h.view);
    render();
    if (state.focus) { network.selectNodes([state.focus.center]); showNode(state.focus.center); }
    else network.unselectAll();
    updateHistoryButtons();
  }
  function updateHistoryButtons() {
    $("dg-back").disabled = historyAt <= 0;
    $("dg-forward").disabled = historyAt >= history.length - 1;
  }
  function setFocus(id) {
    if (state.focus && state.focus.center === id && !state.focus.expanded.length) { showNode(id); return; }
    state.focus = { center: id, expanded: [] };
    addToView([id]);
    render();
    network.selectNodes([id]);
    showNode(id);
    pushHistory();
  }
  function expand(id) {
    if (!inView[id]) addToView([id]);
    if (state.focus) {
      if (state.focus.expanded.indexOf(id) < 0) state.focus.expanded.push(id);
    }
    var added = addToView(neighbours(id).slice(0, EXPAND_CAP));
    render();
    pushHistory();
    return added;
  }
  function fitTo(ids, animate) {
    var present = ids.filter(function (id) { return inView[id]; });
    if (!present.length) return;
    if (animate) api.animating = true;
    network.fit({ nodes: present, animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    if (network.getScale() > 1.6 && !animate) network.moveTo({ scale: 1.6 });
  }
  /** Lay the focus out around its centre: its neighbours on an ellipse (wider than high, as
   * labels are), the next depths on larger ones, each node near the angle of the node that brought
   * it in. Only the focus moves; the rest of the view stays where it was. */
  function arrangeFocus() {
    if (!state.focus) return false;
    var F = focusSet(), c = state.focus.center;
    var pos = network.getPositions([c])[c];
    var levels = [[c]], seen = {}, angle = {};
    seen[c] = true; angle[c] = 0;
    while (true) {
      var next = [], last = levels[levels.length - 1];
      last.forEach(function (id) {
        neighbours(id).forEach(function (o) {
          if (F[o] && !seen[o]) { seen[o] = true; next.push({ id: o, parent: id }); }
        });
      });
      if (!next.length) {
        // focus nodes no path inside the focus reaches (an expansion restored from history): outermost
        Object.keys(F).sort().forEach(function (id) { if (!seen[id]) { seen[id] = true; next.push({ id: id, parent: c }); } });
        if (!next.length) break;
      }
      next.sort(function (a, b) { return angle[a.parent] - angle[b.parent] || byId[b.id].pr - byId[a.id].pr || (a.id < b.id ? -1 : 1); });
      levels.push(next.map(function (x) { return x.id; }));
      var k = next.length;
      var ry = Math.max(130 * (levels.length - 1), k * 15), rx = 1.9 * ry;
      var upd = next.map(function (x, i) {
        var a = -Math.PI / 2 + 2 * Math.PI * (i + 0.5) / k;
        angle[x.id] = a;
        return { id: x.id, x: pos.x + rx * Math.cos(a), y: pos.y + ry * Math.sin(a) };
      });
      nodes.update(upd);
    }
    // fitted with room for the labels of the nodes at the left and right ends
    network.fit({ nodes: Object.keys(F), animation: false });
    network.moveTo({ scale: network.getScale() * 0.8 });
    return true;
  }
  api.arrange = arrangeFocus;
  api.focus = function (id) { setFocus(id); return api.focusIds(); };
  api.focusIds = function () { var F = focusSet(); return F ? Object.keys(F).sort() : []; };
  api.expand = expand;
  api.back = function () { if (historyAt > 0) { historyAt--; restore(history[historyAt]); } };
  api.forward = function () { if (historyAt < history.length - 1) { historyAt++; restore(history[historyAt]); } };
  api.reset = function () {
    state.focus = null;
    setViewTo(meta.start);
    render();
    network.unselectAll();
    network.fit();
    pushHistory();
  };
  api.addAll = function () {
    addToView(data.nodes.map(function (n) { return n.id; }));
    render();
    pushHistory();
  };

  // ------------------------------------------------------------------ labels (drawn here, never overlapping)
  var textWidth = {};
  function labelCandidates() {
    var sel = network.getSelectedNodes();
    var ids = nodes.getIds().filter(function (id) { return applied[id] === "v"; });
    var first = {};
    sel.forEach(function (id) { first[id] = 2; });
    if (state.focus) first[state.focus.center] = Math.max(first[state.focus.center] || 0, 1);
    ids.sort(function (a, b) {
      return (first[b] || 0) - (first[a] || 0) || byId[b].pr - byId[a].pr || (a < b ? -1 : 1);
    });
    return ids;
  }
  function drawLabels(ctx) {
    var canvas = ctx.canvas;
    var ratio = canvas.width / (canvas.clientWidth || canvas.width) || 1;
    var W = canvas.clientWidth, H = canvas.clientHeight;
    var scale = network.getScale();
    var budget = Math.max(12, Math.floor(W * H / 7000));
    var cell = 80, grid = {};
    var boxes = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = LABEL_FONT;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var ids = labelCandidates();
    var bodyNodes = network.body.nodes;
    for (var i = 0; i < ids.length && boxes.length < budget; i++) {
      var id = ids[i], bn = bodyNodes[id];
      if (!bn) continue;
      var n = byId[id];
      var p = network.canvasToDOM({ x: bn.x, y: bn.y });
      if (p.x < -50 || p.y < -50 || p.x > W + 50 || p.y > H + 50) continue;
      var text = n.label;
      var w = textWidth[text];
      if (w === undefined) w = textWidth[text] = ctx.measureText(text).width;
      var bx = p.x - w / 2 - 2, by = p.y + n.size * scale + 2, bw = w + 4, bh = LABEL_H;
      if (bx < 0 || by < 0 || bx + bw > W || by + bh > H) continue;
      var gx0 = Math.floor(bx / cell), gx1 = Math.floor((bx + bw) / cell);
      var gy0 = Math.floor(by / cell), gy1 = Math.floor((by + bh) / cell);
      var hit = false;
      for (var gx = gx0; gx <= gx1 && !hit; gx++) {
        for (var gy = gy0; gy <= gy1 && !hit; gy++) {
          var list = grid[gx + "," + gy];
          if (!list) continue;
          for (var k = 0; k < list.length; k++) {
            var o = list[k];
            if (bx < o.x + o.w && o.x < bx + bw && by < o.y + o.h && o.y < by + bh) { hit = true; break; }
          }
        }
      }
      if (hit) continue;
      var box = { id: id, text: text, x: bx, y: by, w: bw, h: bh };
      boxes.push(box);
      for (gx = gx0; gx <= gx1; gx++) for (gy = gy0; gy <= gy1; gy++) (grid[gx + "," + gy] = grid[gx + "," + gy] || []).push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(text, p.x, by + 1);
      ctx.fillStyle = "#1d2330";
      ctx.fillText(text, p.x, by + 1);
    }
    ctx.restore();
    var vp = network.getViewPosition();
    api.labelBoxes = boxes;
    api.labelView = { scale: scale, x: vp.x, y: vp.y };
    api.draws++;
  }
  network.on("afterDrawing", drawLabels);
  network.on("animationFinished", function () { api.animating = false; network.redraw(); });

  // ------------------------------------------------------------------ settling
  function settle() {
    if (api.settled) return;
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    api.settled = true;
    api.settleMs = Math.round(performance.now() - t0);
    document.body.setAttribute("data-settled", "true");
    network.redraw();
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

  // ------------------------------------------------------------------ legend (type and relation filters, with counts)
  function checkbox(attr, key, checked, onChange) {
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = checked; box.setAttribute(attr, key);
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }
  function buildLegend() {
    var legend = $("dg-legend");
    var scroll = legend.scrollTop;
    clear(legend);
    var total = {}, shown = {};
    data.nodes.forEach(function (n) { total[n.type] = (total[n.type] || 0) + 1; });
    nodes.getIds().forEach(function (id) { if (applied[id] !== "h") { var t = byId[id].type; shown[t] = (shown[t] || 0) + 1; } });
    legend.appendChild(el("h2", state.colorBy === "type" ? "Node types (click to filter) · shown / all" : "Node types (filter) — colour: community"));
    var ul = el("ul");
    var symbols = { dot: "●", square: "■", triangle: "▲", diamond: "◆", star: "★" };
    data.types.forEach(function (t) {
      var li = el("li");
      var label = el("label");
      label.appendChild(checkbox("data-type", t.key, state.types[t.key], function (on) { state.types[t.key] = on; render(); }));
      var sw = el("span", symbols[t.shape] || "●", "dg-swatch");
      sw.style.color = state.colorBy === "type" ? t.color : "#666";
      label.appendChild(sw);
      label.appendChild(document.createTextNode(" " + t.label + " · " + t.labelVi + " "));
      label.appendChild(el("span", "(" + fmt(shown[t.key] || 0) + " / " + fmt(total[t.key] || 0) + ")", "dg-count"));
      label.lastChild.setAttribute("data-count-type", t.key);
      li.appendChild(label); ul.appendChild(li);
    });
    legend.appendChild(ul);
    if (state.colorBy === "community") {
      legend.appendChild(el("h2", "Communities (Louvain, seeded, connected nodes only)"));
      var cu = el("ul");
      data.communitySizes.forEach(function (size, i) {
        if (i >= data.communityColors.length) return;
        var li = el("li");
        var sw = el("span", "●", "dg-swatch"); sw.style.color = data.communityColors[i];
        li.appendChild(sw); li.appendChild(document.createTextNode(" community " + (i + 1) + " "));
        li.appendChild(el("span", "(" + fmt(size) + " nodes)", "dg-count"));
        cu.appendChild(li);
      });
      var grey = [];
      if (data.communitySizes.length > data.communityColors.length) grey.push((data.communitySizes.length - data.communityColors.length) + " smaller communities");
      if (meta.unconnected) grey.push("unconnected (" + fmt(meta.unconnected) + " nodes without an edge)");
      if (grey.length) {
        var li2 = el("li"); var sw2 = el("span", "●", "dg-swatch"); sw2.style.color = data.otherCommunityColor;
        li2.appendChild(sw2); li2.appendChild(document.createTextNode(" " + grey.join("; ")));
        cu.appendChild(li2);
      }
      legend.appendChild(cu);
    }
    legend.appendChild(el("h2", "Relations (click to filter) · shown"));
    var ru = el("ul", "", "dg-rels");
    var present = {}, relShown = {};
    data.edges.forEach(function (e) { e.rels.forEach(function (r) { present[r] = true; }); });
    edges.getIds().forEach(function (eid) {
      if (applied[eid] === "h") return;
      edgeById[eid].rels.forEach(function (r) { if (state.rels[r]) relShown[r] = (relShown[r] || 0) + 1; });
    });
    data.relations.forEach(function (r) {
      if (!present[r.key]) return;
      var li = el("li"); var label = el("label");
      label.appendChild(checkbox("data-rel", r.key, state.rels[r.key], function (on) { state.rels[r.key] = on; render(); }));
      var sw = el("span", "", "dg-edge-swatch"); sw.style.borderColor = r.color;
      label.appendChild(sw); label.appendChild(document.createTextNode(r.key + " "));
      var c = el("span", "(" + fmt(relShown[r.key] || 0) + ")", "dg-count"); c.setAttribute("data-count-rel", r.key);
      label.appendChild(c);
      li.appendChild(label); ru.appendChild(li);
    });
    legend.appendChild(ru);
    legend.appendChild(el("p", "Node size: " + meta.sizeBy + " centrality. Labels: most important (PageRank) first, none overlapping; zoom in for more.", "dg-count"));
    legend.scrollTop = scroll;
  }
  function updateStatus() {
    var shown = 0, lit = 0, shownE = 0;
    nodes.getIds().forEach(function (id) { if (applied[id] !== "h") shown++; if (applied[id] === "v") lit++; });
    edges.getIds().forEach(function (id) { if (applied[id] !== "h") shownE++; });
    var text = fmt(shown) + " nodes, " + fmt(shownE) + " edges shown";
    if (state.focus) text += " (" + fmt(lit) + " in focus)";
    text += " · " + fmt(nodes.length) + " in view of " + fmt(data.nodes.length);
    if (!api.settled) text += " · laying out…";
    $("dg-status").textContent = text;
    api.counts = { shown: shown, lit: lit, edges: shownE, view: nodes.length };
  }

  // ------------------------------------------------------------------ controls
  function setRange(from, to) {
    state.from = from || ""; state.to = to || "";
    if (state.from && state.to && state.from > state.to) { var x = state.from; state.from = state.to; state.to = x; }
    $("dg-from").value = state.from; $("dg-to").value = state.to;
    render();
  }
  api.setRange = setRange;
  api.setYear = function (y) { if (y) setRange(y + "-01", y + "-12"); else setRange("", ""); };
  api.setType = function (t, on) { state.types[t] = !!on; render(); };
  api.setRelation = function (r, on) { state.rels[r] = !!on; render(); };
  api.setMinArticles = function (k) { state.minArticles = Math.max(1, k | 0); $("dg-min-art").value = String(state.minArticles); render(); };
  api.setDepth = function (d) { state.depth = d; $("dg-depth").value = String(d); render(); if (state.focus) pushHistory(); };
  var allPeriods = [];
  data.nodes.forEach(function (n) { n.t.forEach(function (p) { allPeriods.push(p); }); });
  allPeriods.sort();
  if (allPeriods.length) {
    var lo = allPeriods[0], hi = allPeriods[allPeriods.length - 1];
    $("dg-from").min = $("dg-to").min = lo.length === 7 ? lo : lo + "-01";
    $("dg-from").max = $("dg-to").max = hi.length === 7 ? hi : hi + "-12";
  }
  $("dg-from").addEventListener("change", function () { setRange($("dg-from").value, state.to); });
  $("dg-to").addEventListener("change", function () { setRange(state.from, $("dg-to").value); });
  $("dg-range-clear").addEventListener("click", function () { setRange("", ""); });
  $("dg-min-art").addEventListener("change", function () { api.setMinArticles(parseInt($("dg-min-art").value, 10) || 1); });
  $("dg-depth").addEventListener("change", function () { api.setDepth(parseInt($("dg-depth").value, 10) || 1); });
  $("dg-others").addEventListener("change", function () { state.others = $("dg-others").value; render(); });
  $("dg-back").addEventListener("click", api.back);
  $("dg-forward").addEventListener("click", api.forward);
  $("dg-reset").addEventListener("click", api.reset);
  $("dg-arrange").addEventListener("click", arrangeFocus);
  $("dg-all").addEventListener("click", api.addAll);
  $("dg-all").textContent = "Add all " + fmt(data.nodes.length) + " nodes";
  var colourSel = $("dg-colour");
  colourSel.value = state.colorBy;
  colourSel.addEventListener("change", function () { state.colorBy = colourSel.value; recolour(); });
  var labelBox = $("dg-edge-labels");
  labelBox.checked = state.edgeLabels;
  labelBox.addEventListener("change", function () {
    state.edgeLabels = labelBox.checked;
    edges.update(edges.getIds().map(function (id) { return { id: id, label: state.edgeLabels ? edgeById[id].label : "" }; }));
  });

  // ------------------------------------------------------------------ timeline: meetings per month, brushed
  var months = [], monthIndex = {}, perMonth = [], earlier = { count: 0, first: "" };
  (function () {
    // The chart spans the latest run of months with meetings that has no gap of more than two years
    // (a few meetings of decades ago, named in today's news, would squeeze the rest into one bar),
    // and at least a year.
    var all = [];
    data.nodes.forEach(function (n) { if (n.type === "conference") n.t.forEach(function (p) { if (p.length === 7) all.push(p); }); });
    if (!all.length) return;
    all.sort();
    var end = all[all.length - 1];
    var num = function (p) { return +p.slice(0, 4) * 12 + (+p.slice(5, 7)) - 1; };
    var first = end;
    for (var j = all.length - 2; j >= 0 && num(first) - num(all[j]) <= 24; j--) first = all[j];
    var ey = +end.slice(0, 4), em = +end.slice(5, 7);
    var yearBefore = (em === 12 ? ey : ey - 1) + "-" + (em === 12 ? "01" : (em + 1 < 10 ? "0" : "") + (em + 1));
    if (first > yearBefore) first = yearBefore;
    all.forEach(function (p) { if (p < first) { earlier.count++; if (!earlier.first) earlier.first = p; } });
    var y = +first.slice(0, 4), m = +first.slice(5, 7);
    for (var guard = 0; guard < 1200; guard++) {
      var k = y + "-" + (m < 10 ? "0" : "") + m;
      monthIndex[k] = months.length; months.push(k);
      if (k >= end) break;
      m++; if (m > 12) { m = 1; y++; }
    }
    perMonth = months.map(function () { return 0; });
    data.nodes.forEach(function (n) {
      if (n.type !== "conference") return;
      n.t.forEach(function (p) { if (p.length === 7 && monthIndex[p] !== undefined) perMonth[monthIndex[p]]++; });
    });
  })();
  var tl = $("dg-timeline"), brush = null;
  function tlGeometry() {
    var w = tl.clientWidth || 600;
    var left = 4, right = w - 4;
    var bw = months.length ? (right - left) / months.length : 0;
    return { w: w, left: left, bw: bw };
  }
  function drawTimeline() {
    var ratio = window.devicePixelRatio || 1;
    var w = tl.clientWidth || 600, h = 56;
    if (tl.width !== Math.round(w * ratio)) { tl.width = Math.round(w * ratio); tl.height = Math.round(h * ratio); }
    var ctx = tl.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var note = $("dg-time-note");
    if (!months.length) { note.textContent = "No meeting with a known month: the timeline is empty; the from/to fields still filter by year."; return; }
    var g = tlGeometry(), max = Math.max.apply(null, perMonth) || 1;
    var lit = months.map(function () { return 0; });
    nodes.getIds().forEach(function (id) {
      var n = byId[id];
      if (n.type === "conference" && applied[id] !== "h") n.t.forEach(function (p) { if (p.length === 7 && monthIndex[p] !== undefined) lit[monthIndex[p]]++; });
    });
    var sel0 = -1, sel1 = -1;
    if (brush) { sel0 = Math.min(brush.a, brush.b); sel1 = Math.max(brush.a, brush.b); }
    else if (state.from || state.to) {
      months.forEach(function (k, i) { if (inRange([k])) { if (sel0 < 0) sel0 = i; sel1 = i; } });
    }
    if (sel0 >= 0) {
      ctx.fillStyle = "#dfeaf7";
      ctx.fillRect(g.left + sel0 * g.bw, 0, (sel1 - sel0 + 1) * g.bw, h - 14);
    }
    for (var i = 0; i < months.length; i++) {
      var bh = Math.round((h - 18) * perMonth[i] / max);
      ctx.fillStyle = "#c5ccd6";
      ctx.fillRect(g.left + i * g.bw + 0.5, h - 14 - bh, Math.max(1, g.bw - 1), bh);
      var lh = Math.round((h - 18) * lit[i] / max);
      ctx.fillStyle = "#009E73";
      ctx.fillRect(g.left + i * g.bw + 0.5, h - 14 - lh, Math.max(1, g.bw - 1), lh);
    }
    ctx.fillStyle = "#556"; ctx.font = "10px system-ui, sans-serif"; ctx.textBaseline = "bottom";
    ctx.textAlign = "left"; ctx.fillText(months[0], g.left, h);
    ctx.textAlign = "right"; ctx.fillText(months[months.length - 1], g.w - 4, h);
    var total = perMonth.reduce(function (a, b) { return a + b; }, 0);
    note.textContent = fmt(total) + " meetings with a known month (grey: all, green: shown)" +
      (earlier.count ? "; " + fmt(earlier.count) + " earlier ones (from " + earlier.first + ") are left off the chart but not the graph" : "") +
      ". Drag to choose months; click the chart once to clear.";
  }
  function monthAt(ev) {
    var r = tl.getBoundingClientRect(), g = tlGeometry();
    var i = Math.floor((ev.clientX - r.left - g.left) / (g.bw || 1));
    return Math.max(0, Math.min(months.length - 1, i));
  }
  tl.addEventListener("mousedown", function (ev) { if (!months.length) return; brush = { a: monthAt(ev), b: monthAt(ev), moved: false }; drawTimeline(); });
  tl.addEventListener("mousemove", function (ev) { if (brush) { var b = monthAt(ev); if (b !== brush.b) { brush.b = b; brush.moved = true; } drawTimeline(); } });
  window.addEventListener("mouseup", function () {
    if (!brush) return;
    var b = brush; brush = null;
    if (!b.moved && b.a === b.b && (state.from || state.to)) { setRange("", ""); return; }
    setRange(months[Math.min(b.a, b.b)], months[Math.max(b.a, b.b)]);
  });
  api.months = months;
  api.timelineX = function (i) { var r = tl.getBoundingClientRect(), g = tlGeometry(); return r.left + g.left + (i + 0.5) * g.bw; };
  api.timelineY = function () { var r = tl.getBoundingClientRect(); return r.top + r.height / 2; };

  // ------------------------------------------------------------------ export: PNG and the selection as text
  function download(blob, name) {
    var a = document.createElement("a");
    var url = URL.createObjectURL(blob);
    a.href = url; a.download = name; a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }
  api.exportPng = function () {
    var src = container.querySelector("canvas");
    var c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height);
    g.drawImage(src, 0, 0);
    c.toBlob(function (b) { download(b, "diplograph-view.png"); }, "image/png");
  };
  function oneLine(s) { return String(s || "").replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " "); }
  /** The selected nodes (the focus, else every node shown) as a SPARQL VALUES block: IRIs that
   * could break out of <…> are left out, labels become comments on one line. */
  api.selectionText = function () {
    var F = focusSet();
    var ids = nodes.getIds().filter(function (id) { return F ? F[id] && applied[id] !== "h" : applied[id] !== "h"; });
    ids.sort(function (a, b) { return byId[b].pr - byId[a].pr || (a < b ? -1 : 1); });
    var lines = ["# diplograph: " + ids.length + " nodes" + (state.focus ? ", focus " + oneLine(byId[state.focus.center].name) + ", depth " + state.depth : ", all shown"),
      "VALUES ?node {"];
    ids.forEach(function (id) {
      var n = byId[id];
      if (/^[^\s<>"{}|^`\\]+$/.test(n.iri)) lines.push("  <" + n.iri + ">  # " + oneLine(n.name));
    });
    lines.push("}");
    return lines.join("\n") + "\n";
  };
  $("dg-png").addEventListener("click", api.exportPng);
  $("dg-list-dl").addEventListener("click", function () {
    download(new Blob([api.selectionText()], { type: "text/plain;charset=utf-8" }), "diplograph-selection.txt");
  });
  $("dg-list-copy").addEventListener("click", function () {
    var text = api.selectionText();
    var done = function () { $("dg-status").textContent = "Copied " + (text.split("\n").length - 4) + " IRIs (SPARQL VALUES block)"; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    else { fallbackCopy(text); done(); }
  });
  function fallbackCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text; document.body.appendChild(ta); ta.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }

  // ------------------------------------------------------------------ banner (what the page opens on, what was left out)
  (function banner() {
    var b = $("dg-banner");
    var parts = [];
    if (meta.notes.length) parts.push("Showing " + meta.notes.join("; ") + ".");
    if (meta.leftOutNodes > 0) {
      var by = data.types.filter(function (t) { return meta.leftOutByType[t.key]; })
        .map(function (t) { return fmt(meta.leftOutByType[t.key]) + " " + t.key; });
      parts.push("Left out " + fmt(meta.leftOutNodes) + " less central nodes (" + by.join(", ") + ") and " +
        fmt(meta.leftOutEdges) + " edges of " + fmt(meta.totalNodes) + " nodes / " + fmt(meta.totalEdges) + " edges in the graph.");
    }
    if (meta.startCut) {
      parts.push("Opened on the " + fmt(meta.start.length) + " people and meetings of highest PageRank, of " + fmt(data.nodes.length) +
        " nodes; search, click or double-click to reach the others, or add all.");
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
    b.addEventListener("click", function () { focusNode(id, true); });
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
    var panel = $("dg-details");
    clear(panel);
    if (!n) return;
    var t = TYPES[n.type];
    var badge = el("span", t.label + " · " + t.labelVi, "dg-badge");
    badge.style.background = t.color;
    panel.appendChild(badge);
    panel.appendChild(el("div", n.name, "dg-title"));
    if (n.labelEn && n.labelEn !== n.name) panel.appendChild(el("div", n.labelEn, "dg-en"));
    panel.appendChild(el("div", n.iri, "dg-iri"));
    var inc = incident[id] || [];
    var act = el("p");
    var ex = el("button", "Add its " + fmt(neighbours(id).length) + " neighbours (double-click)");
    ex.type = "button"; ex.id = "dg-expand";
    ex.addEventListener("click", function () { expand(id); });
    act.appendChild(ex);
    panel.appendChild(act);
    var pairs = [];
    Object.keys(FIELD_NAMES).forEach(function (k) {
      if (typeof n.details[k] === "string") pairs.push([FIELD_NAMES[k], n.details[k]]);
    });
    pairs.push(["years", n.years.join(", ")]);
    pairs.push(["articles", String(n.na)]);
    pairs.push(["centrality", meta.sizeBy + " " + n.centrality + " · PageRank " + n.pr]);
    pairs.push(["community", n.community >= 0 ? String(n.community + 1) : "unconnected"]);
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
    if (inc.length) {
      panel.appendChild(el("h3", "Relations (" + inc.length + ")"));
      var rl = el("ul");
      inc.slice().sort(function (a, b) {
        var da = (a.facts[0] && a.facts[0].date) || "", db = (b.facts[0] && b.facts[0].date) || "";
        return da < db ? 1 : da > db ? -1 : 0;
      }).forEach(function (e) {
        var li = el("li");
        var date = e.facts.map(function (f) { return f.date; }).filter(Boolean)[0];
        if (e.from === id) { li.appendChild(el("span", e.label + " → ")); li.appendChild(nodeLink(e.to)); }
        else { li.appendChild(nodeLink(e.from)); li.appendChild(el("span", " " + e.label + " → this")); }
        if (date) li.appendChild(el("span", " (" + date + ")", "dg-count"));
        rl.appendChild(li);
      });
      panel.appendChild(rl);
    }
    var ev = el("ul"), count = 0;
    n.evidence.forEach(function (x) { ev.appendChild(evidenceItem(x.text, x.a)); count++; });
    inc.forEach(function (e) {
      e.facts.forEach(function (f) {
        if (!f.evidence) return;
        var o = byId[other(e, id)];
        ev.appendChild(evidenceItem(f.evidence, f.a, f.rel + (f.title ? " (" + f.title + ")" : "") + (o ? " · " + o.name : "")));
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
    var panel = $("dg-details");
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

  // ------------------------------------------------------------------ tooltip (hover), click, double-click
  var tip = $("dg-tooltip");
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
      (incident[n.id] || []).length + " relations — click to focus, double-click to expand"], p.pointer.DOM.x, p.pointer.DOM.y);
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
    if (p.nodes.length) setFocus(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) expand(p.nodes[0]); });

  // ------------------------------------------------------------------ search (every node of the graph)
  function norm(s) {
    return String(s || "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var keys = data.nodes.map(function (n) { return { id: n.id, k: [norm(n.name), norm(n.labelEn)] }; });
  var degree = {};
  data.nodes.forEach(function (n) { degree[n.id] = (incident[n.id] || []).length; });
  function find(query, passingOnly) {
    var q = norm(query);
    if (!q) return null;
    var tests = [function (k) { return k === q; }, function (k) { return k.indexOf(q) === 0; }, function (k) { return k.indexOf(q) >= 0; }];
    for (var i = 0; i < tests.length; i++) {
      var best = null;
      keys.forEach(function (x) {
        if (passingOnly && !nodePasses(byId[x.id])) return;
        if (x.k.some(function (k) { return k && tests[i](k); })) {
          if (!best || degree[x.id] > degree[best]) best = x.id;
        }
      });
      if (best) return best;
    }
    return null;
  }
  function focusNode(id, zoom) {
    setFocus(id);
    if (zoom) fitTo(api.focusIds(), true);
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  api.search = function (query) {
    var id = find(query, true);
    var status = $("dg-status");
    if (!id) {
      var hidden = find(query, false);
      status.textContent = hidden ? "“" + byId[hidden].name + "” is hidden by the current filters" : "No node matches “" + query + "”";
      return null;
    }
    focusNode(id, true);
    return id;
  };
  var names = $("dg-names");
  data.nodes.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }).forEach(function (n) {
    var o = document.createElement("option"); o.value = n.name; names.appendChild(o);
  });
  $("dg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    api.search($("dg-search").value);
  });

  render();
  pushHistory();
  window.addEventListener("resize", drawTimeline);
  if (meta.center) { network.once("afterDrawing", function () { network.selectNodes([meta.center]); showNode(meta.center); }); }
})();
