/* claimscope dashboard: draws everything from window.CLAIMSCOPE with textContent, never innerHTML. */
(function () {
  "use strict";
  var DATA = window.CLAIMSCOPE || {papers: [], claims: [], comparisons: [], flags: []};
  var PAGE = 50;
  var papersById = {};
  DATA.papers.forEach(function (p) { papersById[p.paper_id] = p; });
  var flagsByClaim = {};
  DATA.flags.forEach(function (f) { (flagsByClaim[f.claim_id] = flagsByClaim[f.claim_id] || []).push(f); });

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; }
      else if (k === "cls") { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    return node;
  }
  function num(v) { return v === null || v === undefined ? "" : (Math.round(v * 100) / 100).toString(); }
  function value(c) {
    var v = c.value_low === c.value_high ? num(c.value_low) : num(c.value_low) + "–" + num(c.value_high);
    return v + (c.unit === "x" ? "×" : c.unit === "%" ? "%" : c.unit === "pp" ? " pp" : c.unit ? " " + c.unit : "");
  }
  function paperLabel(p) { return p ? (p.system || p.title || p.paper_id) : ""; }
  function paperLink(paperId) {
    var p = papersById[paperId];
    var a = el("a", {href: "#paper", text: paperLabel(p) || paperId, "data-paper": paperId});
    a.addEventListener("click", function () { showPaper(paperId); });
    return a;
  }

  /* --- overview ------------------------------------------------------------------------------ */
  function overview() {
    var baselines = sharedBaselines();
    var cards = [
      ["papers", DATA.papers.length], ["claims", DATA.claims.length],
      ["papers with claims", DATA.papers.filter(function (p) { return p.n_claims > 0; }).length],
      ["claims vs a named system", DATA.comparisons.length],
      ["baselines shared by ≥ 2 papers", baselines.length], ["reviewer flags", DATA.flags.length]];
    var box = document.getElementById("cards");
    cards.forEach(function (c) {
      box.appendChild(el("div", {cls: "card"}, [el("div", {cls: "big", text: String(c[1])}), el("div", {text: c[0]})]));
    });
  }

  /* --- baseline views ------------------------------------------------------------------------ */
  function byBaseline() {
    var groups = {};
    DATA.comparisons.forEach(function (c) { (groups[c.baseline] = groups[c.baseline] || []).push(c); });
    // a paper that names a baseline as compared but states no figure for it is in its view too
    DATA.papers.forEach(function (p) {
      (p.baselines || []).forEach(function (b) {
        var rows = groups[b] || [];
        if (ownVariant(b, p.system) || rows.some(function (r) { return r.paper_id === p.paper_id; })) { return; }
        groups[b] = rows.concat([{baseline: b, paper_id: p.paper_id, placeholder: true}]);
      });
    });
    return groups;
  }
  function ownVariant(b, system) {
    var x = b.toLowerCase(), s = (system || "").toLowerCase();
    return /\bours?\b/.test(x) || (s !== "" && (x === s || [" ", "-", "(", "_"].some(function (c) { return x.indexOf(s + c) === 0; })));
  }
  function sharedBaselines() {
    var groups = byBaseline();
    return Object.keys(groups).filter(function (b) {
      var papers = {};
      groups[b].forEach(function (c) { papers[c.paper_id] = true; });
      return Object.keys(papers).length >= 2;
    }).sort(function (a, b) { return groups[b].length - groups[a].length || a.localeCompare(b); });
  }
  function baselineViews() {
    var groups = byBaseline();
    var shared = sharedBaselines();
    var box = document.getElementById("baseline-views");
    shared.forEach(function (name) { box.appendChild(baselineView(name, groups[name])); });
    var single = Object.keys(groups).filter(function (b) { return shared.indexOf(b) < 0; }).sort();
    if (single.length) {
      var details = el("details", {cls: "single"}, [el("summary", {text: single.length + " baselines named by one paper"})]);
      if (single.length <= 12) { details.setAttribute("open", ""); }
      single.forEach(function (name) { details.appendChild(baselineView(name, groups[name])); });
      box.appendChild(details);
    }
    if (!shared.length && !single.length) { box.appendChild(el("p", {cls: "note", text: "No claim names a baseline system."})); }
  }
  function baselineView(name, rows) {
    var section = el("div", {cls: "baseline-view", "data-baseline": name}, [el("h3", {text: "vs " + name})]);
    var charted = rows.filter(function (r) { return r.factor_high; });
    if (charted.length) { section.appendChild(chart(charted)); }
    var table = el("table", {cls: "compact"});
    table.appendChild(el("thead", {}, [el("tr", {}, ["paper", "metric", "claim", "factor", "qualifier", "hardware"].map(function (h) { return el("th", {text: h}); }))]));
    var body = el("tbody");
    rows.forEach(function (r) {
      if (r.placeholder) {
        body.appendChild(el("tr", {cls: "no-figure"}, [el("td", {}, [paperLink(r.paper_id)]),
          el("td", {text: "compared in the abstract; no figure for it"}), el("td", {text: ""}), el("td", {text: "—"}),
          el("td", {text: ""}), el("td", {text: ""})]));
        return;
      }
      body.appendChild(el("tr", {}, [
        el("td", {}, [paperLink(r.paper_id)]), el("td", {text: r.metric || r.metric_family || ""}),
        el("td", {text: value(r)}),
        el("td", {text: r.factor_high ? (r.factor_low === r.factor_high ? num(r.factor_high) : num(r.factor_low) + "–" + num(r.factor_high)) + "×" : "—"}),
        el("td", {text: r.qualifier || ""}), el("td", {text: (r.hardware || []).join(", ")})]));
    });
    table.appendChild(body);
    var claimed = rows.filter(function (r) { return !r.placeholder; }).length;
    var wrap = el("details", {cls: "rows"}, [el("summary", {text: claimed + " claims"}), table]);
    if (rows.length <= 25) { wrap.setAttribute("open", ""); }
    section.appendChild(wrap);
    return section;
  }
  function chart(rows) {
    var rowH = 22, left = 190, width = 640, right = 70, top = 24;
    var height = top + rows.length * rowH + 10;
    var maxF = Math.max.apply(null, rows.map(function (r) { return r.factor_high; }).concat([2]));
    var minF = Math.min.apply(null, rows.map(function (r) { return r.factor_low; }).concat([1]));
    var lo = Math.log(Math.min(minF, 1)), hi = Math.log(maxF * 1.1);
    function x(f) { return left + (Math.log(f) - lo) / (hi - lo) * (width - left - right); }
    var s = svg("svg", {cls: "chart", "class": "chart", width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img"});
    s.appendChild(svg("title", {text: "Claimed improvement factors"}));
    [1, 2, 5, 10, 20, 50, 100, 1000].filter(function (t) { return t <= maxF * 1.1 && t >= Math.min(minF, 1); }).forEach(function (t) {
      s.appendChild(svg("line", {x1: x(t), x2: x(t), y1: top - 6, y2: height - 6, "class": "grid"}));
      s.appendChild(svg("text", {x: x(t), y: top - 10, "class": "tick", text: t + "×"}));
    });
    rows.forEach(function (r, i) {
      var y = top + i * rowH;
      var label = paperLabel(papersById[r.paper_id]) || r.paper_id;
      s.appendChild(svg("text", {x: left - 8, y: y + 14, "class": "label", text: label.length > 28 ? label.slice(0, 27) + "…" : label}));
      var x0 = x(r.factor_low), x1 = Math.max(x(r.factor_high), x0 + 4);
      var bar = svg("rect", {x: x0, y: y + 4, width: x1 - x0, height: 12, rx: 2, "class": "bar q-" + (r.qualifier || "none")});
      bar.appendChild(svg("title", {text: label + ": " + value(r) + (r.metric ? " " + r.metric : "") + (r.qualifier ? " (" + r.qualifier + ")" : "")}));
      s.appendChild(bar);
      s.appendChild(svg("text", {x: x1 + 6, y: y + 14, "class": "value", text: num(r.factor_high) + "×" + (r.qualifier ? " " + r.qualifier.replace("_", " ") : "")}));
    });
    return s;
  }

  /* --- claims table -------------------------------------------------------------------------- */
  var COLUMNS = [["paper", function (c) { return paperLabel(papersById[c.paper_id]); }],
    ["value", value], ["type", function (c) { return c.claim_type; }], ["direction", function (c) { return c.direction || ""; }],
    ["qualifier", function (c) { return c.qualifier || ""; }], ["metric", function (c) { return c.metric || ""; }],
    ["baseline", function (c) { return c.baseline || ""; }], ["flags", function (c) { return (flagsByClaim[c.claim_id] || []).length || ""; }]];
  var state = {page: 0, sort: null, asc: true, rows: DATA.claims.slice()};
  function haystack(c) {
    var p = papersById[c.paper_id] || {};
    return [p.title, p.system, c.text, c.metric, c.baseline, c.sentence, c.qualifier, c.direction, c.claim_type].join(" ").toLowerCase();
  }
  function applyFilters() {
    var q = document.getElementById("search").value.trim().toLowerCase();
    var type = document.getElementById("filter-type").value, dir = document.getElementById("filter-direction").value;
    var qual = document.getElementById("filter-qualifier").value, flagged = document.getElementById("filter-flagged").checked;
    state.rows = DATA.claims.filter(function (c) {
      return (!q || haystack(c).indexOf(q) >= 0) && (!type || c.claim_type === type) && (!dir || c.direction === dir) &&
        (!qual || c.qualifier === qual) && (!flagged || flagsByClaim[c.claim_id]);
    });
    if (state.sort !== null) {
      var get = COLUMNS[state.sort][1];
      state.rows.sort(function (a, b) {
        var x = state.sort === 1 ? a.value_high : get(a), y = state.sort === 1 ? b.value_high : get(b);
        var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return state.asc ? r : -r;
      });
    }
    state.page = 0;
    drawClaims();
  }
  function drawClaims() {
    var body = document.querySelector("#claims-table tbody");
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var start = state.page * PAGE, rows = state.rows.slice(start, start + PAGE);
    rows.forEach(function (c) {
      var cells = COLUMNS.map(function (col, i) {
        if (i === 0) { return el("td", {}, [paperLink(c.paper_id)]); }
        return el("td", {text: String(col[1](c))});
      });
      body.appendChild(el("tr", {"data-claim": c.claim_id, title: c.sentence || ""}, cells));
    });
    var pages = Math.max(1, Math.ceil(state.rows.length / PAGE));
    document.getElementById("page-info").textContent = "page " + (state.page + 1) + " of " + pages + " · " + state.rows.length + " claims";
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pages - 1;
  }
  function claimsTable() {
    var head = document.querySelector("#claims-table thead tr");
    COLUMNS.forEach(function (col, i) {
      var th = el("th", {text: col[0], tabindex: "0"});
      th.addEventListener("click", function () { state.asc = state.sort === i ? !state.asc : true; state.sort = i; applyFilters(); });
      head.appendChild(th);
    });
    [["filter-type", "claim_type"], ["filter-direction", "direction"], ["filter-qualifier", "qualifier"]].forEach(function (f) {
      var values = {};
      DATA.claims.forEach(function (c) { if (c[f[1]]) { values[c[f[1]]] = true; } });
      var select = document.getElementById(f[0]);
      Object.keys(values).sort().forEach(function (v) { select.appendChild(el("option", {value: v, text: v})); });
      select.addEventListener("change", applyFilters);
    });
    document.getElementById("search").addEventListener("input", applyFilters);
    document.getElementById("filter-flagged").addEventListener("change", applyFilters);
    document.getElementById("prev").addEventListener("click", function () { state.page -= 1; drawClaims(); });
    document.getElementById("next").addEventListener("click", function () { state.page += 1; drawClaims(); });
    drawClaims();
  }

  /* --- paper view ---------------------------------------------------------------------------- */
  function showPaper(paperId) {
    var p = papersById[paperId], box = document.getElementById("paper-view");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!p) { return; }
    box.appendChild(el("h3", {cls: "paper-title", text: p.title || "(untitled)"}));
    if (p.authors && p.authors.length) { box.appendChild(el("p", {cls: "authors", text: p.authors.join(", ")})); }
    box.appendChild(el("p", {cls: "tags"}, [
      el("span", {text: "hardware: "}), el("span", {cls: "hw", text: (p.hardware || []).join(", ") || "—"}),
      el("span", {text: "   baselines: "}), el("span", {cls: "bl", text: (p.baselines || []).join(", ") || "—"})]));
    var claims = DATA.claims.filter(function (c) { return c.paper_id === paperId; });
    box.appendChild(highlighted(p, claims));
    var list = el("ol", {cls: "paper-claims"});
    claims.forEach(function (c) {
      var item = el("li", {"data-claim": c.claim_id}, [el("strong", {text: value(c)}),
        el("span", {text: " " + [c.direction, c.qualifier, c.metric, c.baseline ? "vs " + c.baseline : ""].filter(Boolean).join(" · ")})]);
      (flagsByClaim[c.claim_id] || []).forEach(function (f) {
        item.appendChild(el("div", {cls: "flag " + f.severity, text: "⚑ " + f.severity + " · " + f.check_id + ": " + f.message}));
      });
      list.appendChild(item);
    });
    box.appendChild(list);
    location.hash = "#paper";
  }
  function highlighted(p, claims) {
    var text = p.abstract || "", marks = [];
    claims.forEach(function (c) { marks.push([c.start, c.end, "claim", c.claim_id]); });
    (p.hardware || []).concat(p.baselines || []).forEach(function (name, i) {
      var kind = i < (p.hardware || []).length ? "hw" : "bl", at = text.indexOf(name);
      while (name && at >= 0) { marks.push([at, at + name.length, kind, name]); at = text.indexOf(name, at + name.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var para = el("p", {cls: "abstract"}), pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) { return; }
      para.appendChild(document.createTextNode(text.slice(pos, m[0])));
      para.appendChild(el("mark", {cls: m[2], title: m[2] === "claim" ? m[3] : m[2] === "hw" ? "hardware" : "baseline", text: text.slice(m[0], m[1])}));
      pos = m[1];
    });
    para.appendChild(document.createTextNode(text.slice(pos)));
    return para;
  }

  overview();
  baselineViews();
  claimsTable();
}());
