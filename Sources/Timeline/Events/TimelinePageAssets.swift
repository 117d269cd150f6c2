/// The timeline page's style sheet and script, inlined into every export
/// (`TimelinePage`). The script reads the events from the page's JSON block;
/// it must never contain the sequence that ends a CDATA section.
enum TimelinePageAssets {
    static let style = #"""
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #1d232a; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
.meta { color: #5b6670; margin-top: 0; }
.legend span { margin-right: 1.2em; font-size: 0.9em; }
.key.expression { color: #2f6fb3; } .key.publication { color: #3d8b5a; } .key.arithmetic { color: #b36b2f; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4em 1.1em; align-items: center; font-size: 0.9em; margin: 0.6em 0; }
.controls button { font: inherit; padding: 0.15em 0.7em; border: 1px solid #b8c2cc; border-radius: 4px; background: #f5f8fb; cursor: pointer; }
.chart { border: 1px solid #d8dee4; border-radius: 6px; background: #fbfcfd; user-select: none; cursor: grab; }
svg.plot { width: 100%; display: block; }
.axis line { stroke: #9aa5b1; } .axis line.grid { stroke: #e3e8ed; } .axis text, .overview text { font-size: 11px; fill: #5b6670; }
.mark circle, .mark rect { fill: #2f6fb3; opacity: 0.85; cursor: pointer; }
.mark.publication circle, .mark.publication rect { fill: #3d8b5a; }
.mark.arithmetic circle, .mark.arithmetic rect { fill: #b36b2f; }
.mark:hover circle, .mark:hover rect, .mark:focus circle { stroke: #1d232a; stroke-width: 2; opacity: 1; }
text.more { font-size: 11px; fill: #46515c; }
.overview .frame { fill: #fff; stroke: #d8dee4; } .overview .bin { fill: #9db7d3; }
.overview .window { fill: rgba(47, 111, 179, 0.15); stroke: #2f6fb3; cursor: ew-resize; }
.tip { position: absolute; max-width: 360px; background: #fff; border: 1px solid #b8c2cc; border-radius: 5px; padding: 0.5em 0.7em; box-shadow: 0 2px 8px rgba(0,0,0,0.15); font-size: 0.88em; pointer-events: none; }
.tip p { margin: 0.3em 0 0 0; } .tip .who { color: #2f6fb3; } .tip .src { color: #5b6670; }
ol.events { list-style: none; padding: 0; }
ol.events > li { border-left: 4px solid #2f6fb3; padding: 0.4em 0.8em; margin: 0.8em 0; background: #f5f8fb; }
ol.events > li.publication { border-color: #3d8b5a; } ol.events > li.arithmetic { border-color: #b36b2f; }
ol.events > li.current { outline: 2px solid #e0a030; }
.date { font-weight: 600; font-variant-numeric: tabular-nums; margin-right: 0.5em; }
.trigger { font-style: italic; }
.entity { display: inline-block; background: #e4ebf2; border-radius: 3px; padding: 0 0.35em; margin: 0 0.25em 0.2em 0; font-size: 0.85em; }
.sources { font-size: 0.88em; color: #46515c; margin: 0.3em 0 0 1em; padding: 0; }
"""#

    static let script = #"""
(function () {
  "use strict";
  var events = JSON.parse(document.getElementById("timeline-data").textContent);
  var chart = document.getElementById("chart");
  var tip = document.getElementById("tip");
  var shown = document.getElementById("shown");
  var items = document.getElementById("events").children;
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  if (!events.length) { document.body.setAttribute("data-rendered", "0"); return; }

  // Filters: entity, kind of dating, outlet.
  var filter = { entity: "", outlet: "", kinds: { expression: true, publication: true, arithmetic: true } };
  function distinct(key) {
    var seen = {}, list = [];
    events.forEach(function (e) { e[key].forEach(function (v) { if (!seen[v]) { seen[v] = 1; list.push(v); } }); });
    return list.sort();
  }
  var controls = document.getElementById("controls");
  function select(label, values, onChange) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    var box = document.createElement("select");
    var all = document.createElement("option");
    all.value = ""; all.textContent = "all";
    box.appendChild(all);
    values.forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; box.appendChild(o); });
    box.addEventListener("change", function () { onChange(box.value); update(); });
    wrap.appendChild(box);
    controls.appendChild(wrap);
    return box;
  }
  var entities = distinct("n"), outlets = distinct("o");
  if (entities.length) select("Entity", entities, function (v) { filter.entity = v; });
  if (outlets.length > 1) select("Source", outlets, function (v) { filter.outlet = v; });
  Object.keys(filter.kinds).forEach(function (kind) {
    if (!events.some(function (e) { return e.d === kind; })) return;
    var wrap = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { filter.kinds[kind] = box.checked; update(); });
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + ({ expression: "dated in the text", publication: "by publication", arithmetic: "computed" })[kind]));
    wrap.className = "key " + kind;
    controls.appendChild(wrap);
  });
  function button(text, action) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = text;
    b.addEventListener("click", function () { action(); draw(); });
    controls.appendChild(b);
  }
  function passes(e) {
    if (!filter.kinds[e.d]) return false;
    if (filter.entity && e.n.indexOf(filter.entity) < 0) return false;
    if (filter.outlet && e.o.indexOf(filter.outlet) < 0) return false;
    return true;
  }

  // The whole range, and the focus (see defaultFocus).
  var starts = events.map(function (e) { return e.s; }).sort(function (a, b) { return a - b; });
  var full = { from: Math.min.apply(null, starts), to: Math.max.apply(null, events.map(function (e) { return e.e; })) };
  function pad(range) {
    var span = Math.max(range.to - range.from, 30 * DAY);
    return { from: range.from - span * 0.04, to: range.to + span * 0.04 };
  }
  full = pad(full);
  function defaultFocus() {
    // The middle 90%, widened to every event a small step away: only
    // events separated from the rest by a wide gap stay outside.
    var i = Math.floor((starts.length - 1) * 0.05), j = Math.ceil((starts.length - 1) * 0.95);
    var step = Math.max(starts[j] - starts[i], 30 * DAY) * 0.25;
    while (i > 0 && starts[i] - starts[i - 1] <= step) i--;
    while (j < starts.length - 1 && starts[j + 1] - starts[j] <= step) j++;
    var lo = starts[i], hi = starts[j];
    var hiEnd = hi;
    events.forEach(function (e) { if (e.s <= hi && e.e > hiEnd && e.e - e.s < 400 * DAY) hiEnd = e.e; });
    return pad({ from: lo, to: hiEnd });
  }
  var focus = defaultFocus();
  button("Focus", function () { focus = defaultFocus(); });
  button("All dates", function () { focus = { from: full.from, to: full.to }; });
  button("Zoom in", function () { zoom(0.5, 0.5); });
  button("Zoom out", function () { zoom(2, 0.5); });

  function zoom(factor, at) {
    var span = focus.to - focus.from, pivot = focus.from + span * at;
    var next = Math.max(span * factor, 2 * DAY);
    focus = { from: pivot - next * at, to: pivot + next * (1 - at) };
  }

  // Time helpers (UTC).
  function d(ms) { return new Date(ms); }
  function pad2(n) { return n < 10 ? "0" + n : "" + n; }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function bucketOf(ms, unit) {
    var t = d(ms);
    if (unit === "day") return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
    if (unit === "month") return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1);
    if (unit === "year") return Date.UTC(t.getUTCFullYear(), 0, 1);
    var decade = t.getUTCFullYear() - t.getUTCFullYear() % 10;
    return Date.UTC(decade, 0, 1);
  }
  function nextBucket(ms, unit) {
    var t = d(ms);
    if (unit === "day") return ms + DAY;
    if (unit === "month") return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1);
    if (unit === "year") return Date.UTC(t.getUTCFullYear() + 1, 0, 1);
    return Date.UTC(t.getUTCFullYear() + 10, 0, 1);
  }
  function bucketLabel(ms, unit) {
    var t = d(ms);
    if (unit === "day") return t.getUTCFullYear() + "-" + pad2(t.getUTCMonth() + 1) + "-" + pad2(t.getUTCDate());
    if (unit === "month") return MONTHS[t.getUTCMonth()] + " " + t.getUTCFullYear();
    if (unit === "year") return "" + t.getUTCFullYear();
    return t.getUTCFullYear() + "s";
  }
  function tickUnits(span, pixels) {
    var units = [["day", DAY], ["month", 30.4 * DAY], ["year", 365.25 * DAY], ["decade", 3652.5 * DAY]];
    for (var i = 0; i < units.length; i++) if (span / units[i][1] <= pixels / 55) return units[i][0];
    return "century";
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }

  var svg = el("svg", { "class": "plot", role: "img", "aria-label": "Events on a time axis" });
  chart.appendChild(svg);
  var width = 960, top = 34, laneH = 12, overviewH = 46;

  function draw() {
    width = Math.max(480, chart.clientWidth || 960);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var left = 8, right = width - 8, plot = right - left;
    var visible = events.filter(passes);
    var span = focus.to - focus.from;
    function x(ms) { return left + plot * (ms - focus.from) / span; }
    // Columns: a day, month, year or decade, whichever leaves room for a mark.
    var unit = ["day", "month", "year", "decade"].filter(function (u) {
      var size = { day: DAY, month: 30.4 * DAY, year: 365.25 * DAY, decade: 3652.5 * DAY }[u];
      return plot * size / span >= 9;
    })[0] || "decade";
    var columns = {}, order = [];
    var outside = { before: 0, after: 0 };
    visible.forEach(function (e) {
      var mid = e.s + Math.min(e.e - e.s, DAY) / 2;
      if (e.e <= focus.from) { outside.before++; return; }
      if (e.s >= focus.to) { outside.after++; return; }
      // An event wider than its column (a year, in a month view) keeps its own bar.
      var key = e.e - e.s > 1.5 * (nextBucket(bucketOf(mid, unit), unit) - bucketOf(mid, unit)) ? "wide" : bucketOf(mid, unit);
      if (!columns[key]) { columns[key] = []; order.push(key); }
      columns[key].push(e);
    });
    var maxStack = 0;
    order.forEach(function (k) { if (k !== "wide") maxStack = Math.max(maxStack, columns[k].length); });
    var lanes = Math.min(maxStack, 30);
    var wide = columns.wide || [];
    var wideTop = top + lanes * laneH + 16;
    var chartH = wideTop + Math.min(wide.length, 12) * 8 + 10;
    var height = chartH + overviewH + 34;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("height", height);

    // Axis with ticks at the unit the span allows.
    var axis = el("g", { "class": "axis" }, svg);
    el("line", { x1: left, y1: top - 8, x2: right, y2: top - 8 }, axis);
    var tu = tickUnits(span, plot), t = bucketOf(focus.from, tu === "century" ? "decade" : tu), guard = 0;
    while (t < focus.to && guard++ < 400) {
      if (t >= focus.from) {
        el("line", { x1: x(t), y1: top - 12, x2: x(t), y2: chartH - 6, "class": "grid" }, axis);
        var label = el("text", { x: x(t) + 3, y: top - 14 }, axis);
        label.textContent = bucketLabel(t, tu === "century" ? "decade" : tu);
      }
      t = nextBucket(t, tu === "century" ? "decade" : tu);
      if (tu === "century") { t = nextBucket(t, "decade"); }
    }
    var drawn = 0;
    function mark(e, cx, cy, w) {
      var g = el("g", { "class": "mark " + e.d, tabindex: "0" }, svg);
      if (w > 8) el("rect", { x: cx, y: cy - 3, width: w, height: 6, rx: 2 }, g);
      else el("circle", { cx: cx, cy: cy, r: 4.2 }, g);
      g.addEventListener("mouseenter", function (ev) { show(e, ev); });
      g.addEventListener("mousemove", function (ev) { place(ev); });
      g.addEventListener("mouseleave", function () { tip.hidden = true; });
      g.addEventListener("click", function () { jump(e); });
      drawn++;
    }
    order.forEach(function (k) {
      if (k === "wide") return;
      var list = columns[k], cx = Math.max(left + 5, Math.min(right - 5, x(+k + (nextBucket(+k, unit) - +k) / 2)));
      list.slice(0, lanes).forEach(function (e, i) { mark(e, cx, top + 4 + i * laneH, 0); });
      if (list.length > lanes) {
        var more = el("text", { x: cx, y: top + 4 + lanes * laneH + 4, "class": "more", "text-anchor": "middle" }, svg);
        more.textContent = "+" + (list.length - lanes);
      }
      if (list.length > 1 || (unit !== "day" && list.length > 0)) {
        var count = el("title", {}, svg.lastChild);
        count.textContent = bucketLabel(+k, unit) + ": " + list.length + " event" + (list.length > 1 ? "s" : "");
      }
    });
    wide.slice(0, 12).forEach(function (e, i) {
      var a = Math.max(left, x(e.s)), b = Math.min(right, x(e.e));
      mark(e, a, wideTop + i * 8, Math.max(b - a, 9));
    });
    if (outside.before) { var tb = el("text", { x: left, y: chartH - 2, "class": "more" }, svg); tb.textContent = "\u2190 " + outside.before + " earlier"; }
    if (outside.after) { var ta = el("text", { x: right, y: chartH - 2, "class": "more", "text-anchor": "end" }, svg); ta.textContent = outside.after + " later \u2192"; }

    // Overview: every event on the whole range, the focus as a window.
    var oy = chartH + 18, ospan = full.to - full.from;
    function ox(ms) { return left + plot * (ms - full.from) / ospan; }
    var ov = el("g", { "class": "overview" }, svg);
    el("rect", { x: left, y: oy, width: plot, height: overviewH, "class": "frame" }, ov);
    var bins = {}, binCount = Math.max(20, Math.floor(plot / 4)), peak = 1;
    visible.forEach(function (e) { var b = Math.floor((e.s - full.from) / ospan * binCount); bins[b] = (bins[b] || 0) + 1; peak = Math.max(peak, bins[b]); });
    Object.keys(bins).forEach(function (b) {
      var h = 4 + (overviewH - 8) * Math.log(1 + bins[b]) / Math.log(1 + peak);
      el("rect", { x: left + plot * b / binCount, y: oy + overviewH - h, width: Math.max(2, plot / binCount - 1), height: h, "class": "bin" }, ov);
    });
    var ot = tickUnits(ospan, plot), tt = bucketOf(full.from, ot === "century" ? "decade" : ot), og = 0;
    while (tt < full.to && og++ < 400) {
      if (tt >= full.from) { var lt = el("text", { x: ox(tt) + 2, y: oy + overviewH + 12 }, ov); lt.textContent = bucketLabel(tt, ot === "century" ? "decade" : ot); }
      tt = nextBucket(tt, ot === "century" ? "decade" : ot);
      if (ot === "century") tt = nextBucket(tt, "decade");
    }
    var wx = Math.max(left, ox(focus.from)), wr = Math.min(right, ox(focus.to));
    var win = el("rect", { x: wx, y: oy, width: Math.max(3, wr - wx), height: overviewH, "class": "window" }, ov);
    win.addEventListener("mousedown", function (ev) {
      var startX = ev.clientX, from = focus.from, to = focus.to, scale = ospan / plot;
      function move(mv) { var dt = (mv.clientX - startX) * scale; focus = { from: from + dt, to: to + dt }; draw(); }
      function up() { window.removeEventListener("mousemove", move); window.removeEventListener("mouseup", up); }
      window.addEventListener("mousemove", move); window.addEventListener("mouseup", up);
      ev.preventDefault(); ev.stopPropagation();
    });
    ov.addEventListener("mousedown", function (ev) {
      // Click on the overview: centre the focus there.
      var box = svg.getBoundingClientRect(), at = full.from + ((ev.clientX - box.left) * width / box.width - left) / plot * ospan;
      var half = (focus.to - focus.from) / 2;
      focus = { from: at - half, to: at + half }; draw();
    });

    // The list follows the filters and the focus.
    var inRange = 0;
    for (var i = 0; i < items.length; i++) {
      var e = events[i], keep = passes(e) && e.e > focus.from && e.s < focus.to;
      items[i].style.display = keep ? "" : "none";
      if (keep) inRange++;
    }
    shown.textContent = inRange + " of " + events.length + " events between " + bucketLabel(focus.from, "day") + " and " + bucketLabel(focus.to, "day") + " (columns: one per " + unit + "; wheel to zoom, drag to pan).";
    document.body.setAttribute("data-rendered", "" + drawn);
    document.body.setAttribute("data-unit", unit);
  }

  function show(e, ev) {
    tip.textContent = "";
    var head = document.createElement("strong"); head.textContent = e.l + " \u00b7 " + e.t; tip.appendChild(head);
    var text = document.createElement("p"); text.textContent = e.x; tip.appendChild(text);
    if (e.n.length) { var who = document.createElement("p"); who.className = "who"; who.textContent = e.n.join(", "); tip.appendChild(who); }
    e.c.forEach(function (c) { var src = document.createElement("p"); src.className = "src"; src.textContent = "\u21b3 " + c; tip.appendChild(src); });
    tip.hidden = false; place(ev);
  }
  function place(ev) {
    var x = ev.pageX + 14, y = ev.pageY + 14;
    if (x + 380 > window.scrollX + window.innerWidth) x = ev.pageX - 390;
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function jump(e) {
    var index = events.indexOf(e), item = items[index];
    if (!item) return;
    for (var i = 0; i < items.length; i++) items[i].classList.remove("current");
    item.classList.add("current");
    item.scrollIntoView({ block: "center" });
  }

  // Wheel zooms around the pointer, drag pans.
  svg.addEventListener("wheel", function (ev) {
    var box = svg.getBoundingClientRect(), at = Math.min(1, Math.max(0, (ev.clientX - box.left - 8 * box.width / width) / (box.width - 16 * box.width / width)));
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, at); draw(); ev.preventDefault();
  }, { passive: false });
  svg.addEventListener("mousedown", function (ev) {
    if (ev.target.closest && ev.target.closest(".overview")) return;
    var startX = ev.clientX, from = focus.from, to = focus.to, box = svg.getBoundingClientRect();
    var scale = (to - from) / box.width;
    function move(mv) { var dt = (startX - mv.clientX) * scale; focus = { from: from + dt, to: to + dt }; draw(); }
    function up() { window.removeEventListener("mousemove", move); window.removeEventListener("mouseup", up); }
    window.addEventListener("mousemove", move); window.addEventListener("mouseup", up);
  });
  function update() { draw(); }
  window.addEventListener("resize", draw);
  draw();
})();
"""#
}
