/*
 * Makes the explainer's charts interactive. Each chart is a <figure class="explainer-chart"
 * data-figure="..."> holding a picture drawn at build time (an SVG of the same figure), and its
 * page lists the same information as HTML, so nothing here is needed to read the site.
 *
 * The picture answers first: this script lays a keyboard link over each of its points, shows a
 * label of its own (kept inside the viewport) on hover, focus and tap, and adds the controls. Plotly
 * is loaded only when the reader zooms or pans (buttons, a drag, ctrl/cmd + wheel, a pinch, a
 * sideways swipe); it then draws the figure in the picture's place at the view asked for. The
 * script handles every gesture itself (Plotly draws a static plot), so one finger still scrolls the
 * page, a plain wheel never zooms, and the picture and the chart behave alike.
 *
 * Material's instant navigation swaps page content without reloading, and re-creates scripts in
 * that content without their attributes, so pages carry no scripts: this module, the site's
 * extra_javascript entry (type "module"), subscribes to Material's document$. Every word it shows
 * comes from the page, in the explainer's language: the chart's <figure> carries them as
 * data-label-* attributes, and the figure data its own.
 *
 * This file is the page's side: reading the page, events and Plotly. The arithmetic is in the
 * modules beside it, which touch no page (explainer/: geometry, view, ticks, targets) and load
 * plotly.js (explainer/loader.js); main.html preloads them all, so they arrive with this one. All
 * this script keeps between calls is in `state` below.
 */
import {
  labelPosition, nearest as nearestSpot, pictureView, placePoints, plotlyView, pointKey, scales
} from "./explainer/geometry.js";
import { plotlyLoader } from "./explainer/loader.js";
import { targetOf } from "./explainer/targets.js";
import { ticksFor } from "./explainer/ticks.js";
import { clamp, isFull, panned, zoomCentre, zoomed, ZOOM_STEP } from "./explainer/view.js";

/* ---- constants ------------------------------------------------------------------------------ */

const SITE_ROOT = new URL("../../", import.meta.url); // this file is assets/javascripts/explainer.js
const MAX_POINT_LINKS = 300;
const PLOTLY_CONFIG = Object.freeze({
  staticPlot: true, // this script handles every gesture; Plotly only draws
  displayModeBar: false,
  displaylogo: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
  typesetMath: false,
  responsive: false
});

/* ---- state ---------------------------------------------------------------------------------- */

/* Each chart (a value of state.charts) is an object of its own: its elements (element, plot,
   stage, layer, tooltip, toolbar, key), the picture's geometry and points, the whole axis (full),
   the view asked for (range, null: the whole axis), hidden lanes, the figure data once fetched
   (figure, figureLoad, scale, hovers), whether Plotly has drawn it (drawn, drawing), the point
   whose label is shown (shown) and the animation frame a relayout waits for (frame). */
const state = {
  plotly: plotlyLoader({ document: document, window: window, root: SITE_ROOT }),
  charts: new Map(), // <figure> -> chart
  page: {
    loaded: false, // the first page's load event has fired
    settled: false, // "explainer:settled" has been sent
    waiting: 0 // charts of thousands near the viewport that Plotly has not drawn yet
  },
  widths: new WeakMap(), // a chart's stage -> its last width, in pixels
  nearby: new IntersectionObserver(chartNear, { rootMargin: "200px" }),
  resizer: new ResizeObserver(stageResized)
};

/* ---- colours -------------------------------------------------------------------------------- */

function isDark() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/* The sides' colours of the reader's scheme, from the stylesheet (the picture uses the same):
   Okabe and Ito's eight colour-blind-safe hues, adjusted to keep 3:1 against the page. */
function sideColours() {
  const style = getComputedStyle(document.body);
  const colours = [];
  for (let i = 0; i < 8; i++) colours.push(style.getPropertyValue("--explainer-side-" + i).trim() || "currentColor");
  return colours;
}

function theme() {
  const dark = isDark();
  const fg = getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim();
  return {
    fg: fg || (dark ? "#e2e4e9" : "#000000de"),
    grid: dark ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.12)",
    colours: sideColours()
  };
}

function colourOf(index) {
  const palette = theme().colours;
  return palette[(typeof index === "number" ? index : 0) % palette.length];
}

function themed(layout) {
  const t = theme();
  const result = Object.assign({}, layout, {
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { color: t.fg, family: "inherit", size: 13 }
  });
  result.xaxis = Object.assign({}, layout.xaxis, { gridcolor: t.grid, color: t.fg });
  result.yaxis = Object.assign({}, layout.yaxis, { gridcolor: t.grid, color: t.fg });
  // A lane's swatch is named by its side's colour ("swatch-3"), painted in the reader's palette.
  result.shapes = (layout.shapes || []).map(function (shape) {
    const match = /^swatch-(\d+)$/.exec(shape.name || "");
    return match ? Object.assign({}, shape, { fillcolor: colourOf(Number(match[1])) }) : shape;
  });
  return result;
}

function coloured(data) {
  return data.map(function (trace) {
    const colour = colourOf(trace.meta && trace.meta.colour);
    const copy = Object.assign({}, trace);
    if (trace.meta && trace.meta.role === "pattern") {
      copy.fillpattern = Object.assign({}, trace.fillpattern, { fgcolor: colour, bgcolor: "rgba(0,0,0,0)" });
      copy.fillcolor = "rgba(0,0,0,0)";
      return copy;
    }
    copy.marker = Object.assign({}, trace.marker, { color: colour });
    copy.marker.line = Object.assign({}, (trace.marker || {}).line, { color: colour });
    copy.line = Object.assign({}, trace.line, { color: colour });
    copy.textfont = { color: theme().fg };
    return copy;
  });
}

/* ---- where things are ----------------------------------------------------------------------- */

/* Data values to pixels within the chart (explainer/geometry.js): from Plotly's layout once it has
   drawn, else from the picture's geometry, which shows the whole axis. */
function scalesOf(chart) {
  const view = chart.drawn ? plotlyView(chart.plot.layout) : pictureView(chart.geometry, onAxis(chart, chart.full));
  return scales(view, chart.plot.clientWidth, chart.plot.clientHeight);
}

/* The picture's points, as the build wrote them: each entry's place, lane, anchor and label. */
function readPoints(plot) {
  const found = [];
  plot.querySelectorAll(".explainer-picture__point[data-anchor]").forEach(function (g) {
    const anchor = g.getAttribute("data-anchor");
    const order = g.hasAttribute("data-order") ? Number(g.getAttribute("data-order")) : null;
    found.push({
      anchor: anchor,
      page: Number(g.getAttribute("data-page")),
      order: order,
      label: g.getAttribute("data-label") || "",
      lane: Number(g.getAttribute("data-lane")),
      axis: g.getAttribute("data-axis") || "x",
      x: Number(g.getAttribute("data-x")),
      y: Number(g.getAttribute("data-y")),
      key: pointKey(anchor, order)
    });
  });
  return found;
}

/* Every point's position in pixels within the chart, for the current view. */
function placed(chart) {
  return placePoints(chart.points, scalesOf(chart), chart.hidden);
}

/* ---- the keyboard layer --------------------------------------------------------------------- */

/* Where a point's entry lives (explainer/targets.js): an element with its id on this page, a link
   to it on this page, or else its place in the timeline's list. */
function targetFor(chart, point) {
  return targetOf(point, {
    byId: function (id) { return document.getElementById(id); },
    links: function () { return document.querySelectorAll("article a[href]"); },
    contains: function (node) { return chart.element.contains(node); },
    pages: chart.geometry.pages,
    root: SITE_ROOT
  });
}

function go(target) {
  if (target.here) {
    history.pushState(null, "", "#" + target.here.id);
    if (!target.here.hasAttribute("tabindex")) target.here.setAttribute("tabindex", "-1");
    target.here.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth" });
    target.here.focus({ preventScroll: true });
  } else if (document.querySelector(".explainer-embed")) {
    window.open(target.href, "_blank", "noopener"); /* an embedded chart leaves its frame */
  } else {
    location.assign(target.href);
  }
}

/* One link over each visible point, in the list's order (Tab order = numbering = list). Links
   are kept and moved rather than re-created, so focus stays where the reader left it. */
function layoutPoints(chart) {
  let spots = placed(chart).filter(function (s) { return s.visible && s.point.order !== null; });
  spots.sort(function (a, b) { return a.point.order - b.point.order; });
  // Hundreds of tab stops help nobody: past that, the list on the page is the keyboard's way in.
  if (spots.length > MAX_POINT_LINKS) spots = [];
  const layer = chart.layer;
  const existing = {};
  Array.prototype.forEach.call(layer.children, function (link) { existing[link.getAttribute("data-key")] = link; });
  const wanted = [];
  spots.forEach(function (spot) {
    const point = spot.point;
    let link = existing[point.key];
    delete existing[point.key];
    if (!link) {
      const target = targetFor(chart, point);
      if (!target) return;
      link = document.createElement("a");
      link.className = "explainer-chart__point";
      link.href = target.href;
      link.setAttribute("aria-label", point.label);
      link.setAttribute("data-key", point.key);
      link.addEventListener("focus", function () { showLabel(chart, point, true); });
      link.addEventListener("blur", function () { hideLabel(chart); });
      link.addEventListener("click", function (event) {
        if (target.here) { event.preventDefault(); go(target); }
      });
    }
    link.style.left = spot.px + "px";
    link.style.top = spot.py + "px";
    wanted.push(link);
  });
  Object.keys(existing).forEach(function (key) { existing[key].remove(); });
  const inOrder = wanted.every(function (link, i) { return layer.children[i] === link; });
  if (!inOrder) wanted.forEach(function (link) { layer.appendChild(link); });
  if (chart.shown) placeLabel(chart, chart.shown);
}

/* ---- the label: the chart's own hover, inside the viewport ---------------------------------- */

/* Hover text is the generator's escaped HTML with <b>, <i>, <br> and http(s) links: rebuilt from
   those elements only, so nothing else can ever reach the page. */
function safeFragment(html) {
  const parsed = new DOMParser().parseFromString("<div>" + String(html) + "</div>", "text/html").body.firstChild;
  const out = document.createDocumentFragment();
  function copy(from, into) {
    from.childNodes.forEach(function (node) {
      if (node.nodeType === 3) { into.appendChild(document.createTextNode(node.textContent)); return; }
      if (node.nodeType !== 1) return;
      const tag = node.tagName.toLowerCase();
      let made = null;
      if (tag === "br") { into.appendChild(document.createElement("br")); return; }
      // An entry's thumbnail: only a picture of the site's own (media/...webp), from its root.
      if (tag === "img" && /^media\/[\w./-]+\.webp$/.test(node.getAttribute("src") || "")
          && !/\.\./.test(node.getAttribute("src"))) {
        const picture = document.createElement("img");
        picture.src = new URL(node.getAttribute("src"), SITE_ROOT).href;
        picture.width = Number(node.getAttribute("width")) || 0;
        picture.height = Number(node.getAttribute("height")) || 0;
        picture.alt = "";
        picture.className = "explainer-chart__thumbnail";
        into.appendChild(picture);
        return;
      }
      if (tag === "b" || tag === "strong" || tag === "i" || tag === "em") made = document.createElement(tag);
      if (tag === "a" && /^https?:\/\//.test(node.getAttribute("href") || "")) {
        made = document.createElement("a");
        made.href = node.getAttribute("href");
        made.rel = "noopener";
      }
      if (made) { copy(node, made); into.appendChild(made); } else { copy(node, into); }
    });
  }
  copy(parsed, out);
  return out;
}

function showLabel(chart, point, byKeyboard) {
  chart.shown = point;
  const box = chart.tooltip;
  box.textContent = "";
  const hover = chart.hovers && chart.hovers[point.key];
  if (hover) box.appendChild(safeFragment(hover));
  else box.textContent = point.label;
  box.hidden = false;
  box.classList.toggle("explainer-chart__label--keyboard", !!byKeyboard);
  placeLabel(chart, point);
  if (!chart.hovers) fetchFigure(chart).then(function () { if (chart.shown === point) showLabel(chart, point, byKeyboard); },
                                              function () {});
}

function hideLabel(chart) {
  chart.shown = null;
  chart.tooltip.hidden = true;
}

/* Beside the point, on the side with room; never past the viewport's edges (explainer/geometry.js). */
function placeLabel(chart, point) {
  const spot = placed(chart).filter(function (s) { return s.point === point; })[0];
  if (!spot) return;
  const stage = chart.stage.getBoundingClientRect();
  const box = chart.tooltip;
  const at = labelPosition(
    { x: stage.left + spot.px, y: stage.top + spot.py },
    { width: box.offsetWidth, height: box.offsetHeight },
    { width: document.documentElement.clientWidth, height: window.innerHeight },
    chart.mirrored
  );
  box.style.left = (at.left - stage.left) + "px";
  box.style.top = (at.top - stage.top) + "px";
}

/* The point under the pointer, if any. */
function pointAt(chart, clientX, clientY) {
  const stage = chart.stage.getBoundingClientRect();
  return nearestSpot(placed(chart), clientX - stage.left, clientY - stage.top);
}

/* The figure data: the rich hover texts (Plotly needs the rest). Fetched once, when a reader
   first reaches for a chart. */
function fetchFigure(chart) {
  if (!chart.figureLoad) {
    const url = new URL(chart.element.getAttribute("data-figure"), SITE_ROOT);
    chart.figureLoad = fetch(url).then(function (response) {
      if (!response.ok) throw new Error("figure data: HTTP " + response.status);
      return response.json();
    }).then(function (figure) {
      chart.figure = figure;
      chart.scale = (figure.layout.meta || {}).scale || null;
      chart.hovers = {};
      figure.data.forEach(function (trace) {
        (trace.customdata || []).forEach(function (custom, j) {
          if (custom && Array.isArray(trace.hovertext)) chart.hovers[pointKey(custom[0], custom[2])] = trace.hovertext[j];
        });
      });
      return figure;
    });
    chart.figureLoad.catch(function () { chart.figureLoad = null; });
  }
  return chart.figureLoad;
}

/* ---- zoom and pan (the ranges' arithmetic is explainer/view.js's) ---------------------------- */

/* A view (always low to high) as the figure's axis runs: high to low on a chart drawn right to
   left (generator/render/mirror.py). */
function onAxis(chart, range) {
  return chart.mirrored ? [range[1], range[0]] : range;
}

function currentRange(chart) {
  return (chart.range || chart.full).slice();
}

/* Ask for a view: Plotly takes over the picture the first time (the view is applied once it has
   drawn), then follows every change. */
function setRange(chart, range) {
  chart.range = clamp(range, chart.full, chart.geometry.kind);
  if (chart.drawn) scheduleRelayout(chart);
  else draw(chart);
}

function scheduleRelayout(chart) {
  if (chart.frame) return;
  chart.frame = requestAnimationFrame(function () {
    chart.frame = 0;
    const range = currentRange(chart);
    const update = { "xaxis.range": onAxis(chart, range) };
    const ticks = ticksOf(chart, range);
    if (ticks) { update["xaxis.tickvals"] = ticks.values; update["xaxis.ticktext"] = ticks.text; }
    window.Plotly.relayout(chart.plot, update).then(function () { layoutPoints(chart); });
  });
}

/* Zoom by `factor` (below 1: in) around `centre`, or around the middle of the entries in view. */
function zoom(chart, factor, centre) {
  const range = currentRange(chart);
  if (centre === undefined) {
    const xs = placed(chart).filter(function (s) { return s.visible && s.point.axis === "x"; })
      .map(function (s) { return s.point.x; });
    centre = zoomCentre(xs, range);
  }
  setRange(chart, zoomed(range, factor, centre));
}

function pan(chart, pixels) {
  const scale = scalesOf(chart);
  if (!scale.x) return;
  // Right to left, a drag to the right brings later values into view.
  setRange(chart, panned(currentRange(chart), chart.mirrored ? -pixels : pixels, scale.x.size));
}

function reset(chart) {
  chart.hidden = {};
  if (chart.key) chart.key.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
  showLanes(chart);
  setRange(chart, chart.full.slice());
}

/* The value under a pointer, on the main axis (null over the undated band or outside). */
function valueAt(chart, clientX) {
  const scale = scalesOf(chart);
  if (!scale.x) return null;
  const px = clientX - chart.stage.getBoundingClientRect().left;
  if (px < scale.x.start || px > scale.x.start + scale.x.size) return null;
  return scale.x.invert(px);
}

function gestures(chart) {
  const stage = chart.stage;
  const pointers = new Map();
  let pinch = null, drag = null, lastTap = 0;

  stage.addEventListener("wheel", function (event) {
    const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (event.ctrlKey || event.metaKey) {
      const at = valueAt(chart, event.clientX);
      if (at === null) return;
      event.preventDefault(); // only now: a plain wheel scrolls the page
      zoom(chart, Math.exp(event.deltaY * 0.0025), at);
    } else if (horizontal) {
      event.preventDefault();
      pan(chart, -event.deltaX);
    }
  }, { passive: false });

  stage.addEventListener("pointerdown", function (event) {
    if (event.target.closest("button, .explainer-chart__label a")) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      const p = Array.from(pointers.values());
      pinch = { distance: Math.abs(p[0].x - p[1].x) || 1, middle: (p[0].x + p[1].x) / 2 };
      drag = null;
    } else if (pointers.size === 1) {
      drag = { x: event.clientX, y: event.clientY, moved: false, type: event.pointerType };
    }
  });
  stage.addEventListener("pointermove", function (event) {
    if (!pointers.has(event.pointerId)) {
      if (event.pointerType === "mouse") {
        const point = pointAt(chart, event.clientX, event.clientY);
        if (point) showLabel(chart, point, false);
        else if (chart.shown && document.activeElement && !chart.layer.contains(document.activeElement)) hideLabel(chart);
        stage.classList.toggle("explainer-chart__stage--on-point", !!point);
      }
      return;
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) {
      const p = Array.from(pointers.values());
      const distance = Math.abs(p[0].x - p[1].x) || 1, middle = (p[0].x + p[1].x) / 2;
      const at = valueAt(chart, pinch.middle);
      if (at !== null) zoom(chart, pinch.distance / distance, at);
      pan(chart, middle - pinch.middle);
      pinch = { distance: distance, middle: middle };
    } else if (drag) {
      const dx = event.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) < 4) return;
      if (!drag.moved) stage.setPointerCapture(event.pointerId);
      drag.moved = true;
      pan(chart, dx);
      drag.x = event.clientX;
    }
  });
  function release(event) {
    const wasDrag = drag;
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (!pointers.size) drag = null;
    if (event.type !== "pointerup" || !wasDrag || wasDrag.moved) return;
    const point = pointAt(chart, event.clientX, event.clientY);
    const now = Date.now();
    if (wasDrag.type !== "mouse") {
      if (now - lastTap < 350 && !point) { lastTap = 0; reset(chart); return; } // a double tap
      lastTap = now;
      if (point) showLabel(chart, point, false); // a tap shows the label; its title leads on
      else hideLabel(chart);
      return;
    }
    const target = point && targetFor(chart, point);
    if (target) go(target);
  }
  stage.addEventListener("pointerup", release);
  stage.addEventListener("pointercancel", release);
  stage.addEventListener("dblclick", function (event) {
    if (!event.target.closest("button")) reset(chart);
  });
  stage.addEventListener("pointerleave", function (event) {
    if (event.pointerType === "mouse" && !chart.layer.contains(document.activeElement)) hideLabel(chart);
  });
  chart.element.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideLabel(chart);
  });
}

/* ---- ticks of a dated chart (explainer/ticks.js: scale.py's rule, on its ladder) ------------- */

function ticksOf(chart, range) {
  if (!chart.scale) return null;
  const full = isFull(range, chart.full);
  return ticksFor(chart.scale, range, {
    full: full,
    chartWidth: chart.plot.clientWidth,
    axisPx: full ? 0 : scalesOf(chart).x.size
  });
}

/* ---- Plotly takes over ---------------------------------------------------------------------- */

function draw(chart) {
  if (chart.drawing) return chart.drawing;
  if (!performance.getEntriesByName("explainer-takeover").length) performance.mark("explainer-takeover");
  const plot = chart.plot;
  chart.drawing = Promise.all([fetchFigure(chart), state.plotly.load(chart.element)]).then(function (results) {
    const figure = results[0];
    const plotly = results[1];
    if (!document.body.contains(plot)) return;
    const picture = plot.querySelector(".explainer-picture");
    if (picture) {
      plot.style.minHeight = picture.getBoundingClientRect().height + "px";
      picture.classList.add("explainer-picture--leaving");
    }
    const mark = "explainer-draw:" + chart.element.id;
    performance.mark(mark + ":start");
    const layout = themed(figure.layout); // ticks are the build's, worded by Babel (scale.py)
    const range = currentRange(chart);
    layout.xaxis = Object.assign({}, layout.xaxis, { range: onAxis(chart, range) });
    const ticks = ticksOf(chart, range);
    if (ticks) { layout.xaxis.tickvals = ticks.values; layout.xaxis.ticktext = ticks.text; }
    const data = coloured(figure.data).map(function (trace) {
      const lane = trace.meta && trace.meta.lane;
      return chart.hidden[lane] ? Object.assign({}, trace, { visible: false }) : trace;
    });
    return plotly.newPlot(plot, data, layout, PLOTLY_CONFIG).then(function () {
      if (picture) picture.remove();
      plot.style.minHeight = "";
      chart.drawn = true;
      performance.measure(mark, mark + ":start"); // read by the benchmark: drawing, without loading
      chart.element.classList.add("explainer-chart--drawn");
      scheduleRelayout(chart); // the view asked for while Plotly loaded
    });
  }).catch(function (error) {
    chart.drawing = null;
    showFailure(chart);
    console.info("explainer chart not drawn:", error.message);
  });
  return chart.drawing;
}

/* The picture, if there is one, stays: it shows the same as the chart would. */
function showFailure(chart) {
  const picture = chart.plot.querySelector(".explainer-picture");
  if (picture) {
    picture.classList.remove("explainer-picture--leaving");
    chart.plot.style.minHeight = "";
  }
  if (chart.plot.querySelector(".explainer-chart__plot--failed")) return;
  const note = document.createElement("p");
  note.className = "explainer-chart__plot--failed";
  note.textContent = label(chart.element, "failed");
  chart.plot.appendChild(note);
}

/* ---- controls ------------------------------------------------------------------------------- */

/* A word of the chart's interface the script writes itself, from the <figure>'s data-label-NAME. */
function label(element, name) {
  return element.getAttribute("data-label-" + name) || "";
}

/* Zoom and reset, over the room the figure leaves at its top (charts.TOOLBAR): three small
   buttons, written by the page hidden, that always fit, so nothing hides behind a sideways scroll. */
function wireToolbar(chart) {
  const bar = chart.stage.querySelector(".explainer-chart__toolbar");
  if (!bar) return;
  bar.querySelector(".explainer-chart__zoom--in").addEventListener("click", function () { zoom(chart, 1 / ZOOM_STEP); });
  bar.querySelector(".explainer-chart__zoom--out").addEventListener("click", function () { zoom(chart, ZOOM_STEP); });
  bar.querySelector(".explainer-chart__reset").addEventListener("click", function () { reset(chart); });
  bar.hidden = false;
  chart.toolbar = bar;
}

/* The key under the chart: one button per side, written by the page disabled, that shows or
   hides the side's lane. */
function wireKey(chart) {
  const key = chart.element.querySelector(".explainer-chart__key");
  if (!key) return;
  chart.key = key;
  key.querySelectorAll("li[data-lane] button").forEach(function (made) {
    const lane = Number(made.parentNode.getAttribute("data-lane"));
    made.addEventListener("click", function () {
      const shown = made.getAttribute("aria-pressed") !== "true";
      made.setAttribute("aria-pressed", shown ? "true" : "false");
      chart.hidden[lane] = !shown;
      showLanes(chart);
    });
    made.disabled = false;
  });
}

function showLanes(chart) {
  chart.plot.querySelectorAll(".explainer-picture__point").forEach(function (g) {
    g.classList.toggle("explainer-picture__point--hidden", !!chart.hidden[Number(g.getAttribute("data-lane"))]);
  });
  if (chart.drawn) {
    const visible = chart.figure.data.map(function (trace) {
      return !chart.hidden[trace.meta && trace.meta.lane];
    });
    window.Plotly.restyle(chart.plot, { visible: visible }).then(function () { layoutPoints(chart); });
  } else {
    layoutPoints(chart);
  }
}

/* ---- set-up --------------------------------------------------------------------------------- */

function setUp(element) {
  if (state.charts.has(element)) return;
  const stage = element.querySelector(".explainer-chart__stage");
  const plot = stage && stage.querySelector(".explainer-chart__plot");
  const picture = plot && plot.querySelector(".explainer-picture[data-geometry]");
  if (!picture) return;
  const geometry = JSON.parse(picture.getAttribute("data-geometry"));
  const axisRange = geometry.axes.x.range.map(Number);
  plot.setAttribute("aria-hidden", "true"); // the links layer and the list carry the chart's content
  const chart = {
    element: element, plot: plot, stage: stage, layer: stage.querySelector(".explainer-chart__points"),
    tooltip: stage.querySelector(".explainer-chart__label"), toolbar: null, key: null,
    geometry: geometry, full: axisRange.slice().sort(function (a, b) { return a - b; }), range: null, hidden: {},
    mirrored: axisRange[0] > axisRange[1],
    points: readPoints(plot), scale: null, figure: null, figureLoad: null, hovers: null,
    drawn: false, drawing: null, shown: null, frame: 0
  };
  state.charts.set(element, chart);
  wireToolbar(chart);
  wireKey(chart);
  gestures(chart);
  // The links need the chart's width: read it after the browser has laid the page out itself, in
  // a task of its own, so setting up never forces a layout or lengthens the page's first task.
  requestAnimationFrame(function () {
    setTimeout(function () {
      layoutPoints(chart);
      state.resizer.observe(stage);
    }, 0);
  });
  // A chart of thousands is a summary until Plotly draws it (no point of its own to answer a
  // reader): Plotly takes over once it is near the viewport and the browser is idle, and the
  // page does not settle before (the search index waits).
  if (element.hasAttribute("data-summary")) state.nearby.observe(element);
}

/* state.nearby: a chart of thousands comes near the viewport. */
function chartNear(entries) {
  entries.forEach(function (entry) {
    if (!entry.isIntersecting) return;
    state.nearby.unobserve(entry.target);
    const chart = state.charts.get(entry.target);
    if (chart) fetchFigure(chart).catch(function () {}); // on its way while the page finishes loading
    whenIdle(function () {
      const done = function () { state.page.waiting -= 1; settle(); };
      if (chart) draw(chart).then(done, done);
      else done();
    });
  });
}

/* state.resizer: re-place the links and the label when the chart's width changes; Plotly redraws
   at the new width, with the ticks that fit it. */
function stageResized(entries) {
  entries.forEach(function (entry) {
    const width = Math.round(entry.contentRect.width);
    const before = state.widths.get(entry.target);
    state.widths.set(entry.target, width);
    if (before === undefined || before === width) return;
    state.charts.forEach(function (chart) {
      if (chart.stage !== entry.target) return;
      if (chart.drawn) window.Plotly.Plots.resize(chart.plot).then(function () { scheduleRelayout(chart); });
      else layoutPoints(chart);
    });
  });
}

function purgeDetached() {
  state.charts.forEach(function (chart, element) {
    if (!document.body.contains(element)) {
      state.resizer.unobserve(chart.stage);
      state.nearby.unobserve(element);
      if (chart.drawn && window.Plotly) window.Plotly.purge(chart.plot);
      state.charts.delete(element);
    }
  });
}

/* "Embed this chart": a button that copies the iframe code (the code stays selectable without it). */
function copyButtons() {
  document.querySelectorAll(".explainer-embed-code[data-label-copy]").forEach(function (box) {
    if (box.querySelector(".explainer-copy") || !navigator.clipboard) return;
    const code = box.querySelector("code");
    const copy = document.createElement("button");
    const status = document.createElement("span");
    copy.type = "button";
    copy.className = "explainer-copy md-button";
    copy.textContent = box.getAttribute("data-label-copy");
    status.setAttribute("role", "status");
    status.className = "explainer-copy__status";
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        status.textContent = box.getAttribute("data-label-copied");
      });
    });
    box.appendChild(copy);
    box.appendChild(status);
  });
}

/* Material calls this within its own first task: each chart is set up in a task of its own. */
function onPage() {
  purgeDetached();
  setTimeout(copyButtons, 0);
  document.querySelectorAll(".explainer-chart[data-figure]").forEach(function (element) {
    // A chart whose picture names no entry (thousands of them, summarised) waits for Plotly.
    if (!state.charts.has(element) && !element.querySelector(".explainer-picture__point[data-order]")) {
      element.setAttribute("data-summary", "");
      state.page.waiting += 1;
    }
    setTimeout(function () { setUp(element); }, 0);
  });
}

/* Re-theme drawn charts when the reader toggles the palette (the picture follows the stylesheet). */
function schemeChanged() {
  if (!window.Plotly) return;
  state.charts.forEach(function (chart) {
    if (!chart.drawn) return;
    const data = coloured(chart.figure.data);
    window.Plotly.restyle(chart.plot, {
      "marker.color": data.map(function (t) { return (t.marker || {}).color; }),
      "marker.line.color": data.map(function (t) { return ((t.marker || {}).line || {}).color; }),
      "line.color": data.map(function (t) { return (t.line || {}).color; }),
      "textfont.color": data.map(function () { return theme().fg; }),
      "fillpattern.fgcolor": data.map(function (t) { return (t.fillpattern || {}).fgcolor; })
    });
    const layout = themed(chart.plot.layout);
    window.Plotly.relayout(chart.plot, { font: layout.font, xaxis: layout.xaxis, yaxis: layout.yaxis,
                                         shapes: layout.shapes });
  });
}

function whenIdle(callback) {
  if (window.requestIdleCallback) window.requestIdleCallback(callback, { timeout: 2000 });
  else window.setTimeout(callback, 200);
}

/* Once the first page has loaded (and its charts of thousands are drawn), the page says, at the
   browser's next idle moment, that it has settled: the site's search index, held back until then
   (see main.html), may load. */
function settle() {
  const page = state.page;
  if (page.settled || !page.loaded || page.waiting > 0) return;
  page.settled = true;
  whenIdle(function () { document.dispatchEvent(new Event("explainer:settled")); });
}

function onLoad() {
  state.page.loaded = true;
  settle();
}

/* ---- start ---------------------------------------------------------------------------------- */

document.documentElement.classList.add("explainer-js");
// The language switch (partials/alternate.html) keeps the reader on the record they were reading:
// the same page in the other language, at the same #fragment (record anchors are the same in each).
// The page is loaded whole: another language is another site (its own search, its own words), so
// neither instant navigation nor Material's own guess at the page (from sitemaps) takes it over.
document.addEventListener("click", function (event) {
  const link = event.target instanceof Element ? event.target.closest("a.explainer-version") : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  event.stopPropagation();
  const target = new URL(link.getAttribute("href"), window.location.href);
  target.hash = window.location.hash;
  window.location.assign(target.href);
}, true);
new MutationObserver(schemeChanged).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
if (document.readyState === "complete") onLoad();
else window.addEventListener("load", onLoad);
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(onPage);
} else {
  onPage();
}
