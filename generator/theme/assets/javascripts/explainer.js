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
 * that content without their attributes, so pages carry no scripts: this one file subscribes to
 * Material's document$. Every word it shows comes from the page, in the explainer's language: the
 * chart's <figure> carries them as data-label-* attributes, and the figure data its own.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("../../", script ? script.src : location.href);
  var loading = {}; // bundle name -> promise of window.Plotly
  var loadedBundle = null; // the bundle window.Plotly came from
  var charts = new Map(); // <figure> -> chart state
  var pageLoaded = false;
  var settled = false;
  var waiting = 0; // charts of thousands near the viewport that Plotly has not drawn yet
  var MAX_POINT_LINKS = 300;
  var NEAR = 16; // pixels from a marker's centre within which the pointer is on it
  var ZOOM_STEP = 2;

  document.documentElement.classList.add("explainer-js");

  /* ---- plotly.js, loaded on demand ------------------------------------------------------------ */

  /* The bundle a chart needs is named on its <figure> (data-bundle, its address in data-bundle-src):
     "basic" (SVG) for most charts, "gl2d" (SVG and WebGL) for very large ones. Once the gl2d
     bundle is here it draws every chart. */
  function loadPlotly(element) {
    var which = element.getAttribute("data-bundle") === "gl2d" ? "gl2d" : "basic";
    if (window.Plotly && (loadedBundle === which || loadedBundle === "gl2d")) return Promise.resolve(window.Plotly);
    if (!loading[which]) {
      loading[which] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(element.getAttribute("data-bundle-src"), siteRoot).href;
        tag.async = true;
        tag.onload = function () {
          loadedBundle = which;
          resolve(window.Plotly);
        };
        tag.onerror = function () { loading[which] = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(tag);
      });
    }
    return loading[which];
  }

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
    var style = getComputedStyle(document.body);
    var colours = [];
    for (var i = 0; i < 8; i++) colours.push(style.getPropertyValue("--explainer-side-" + i).trim() || "currentColor");
    return colours;
  }

  function theme() {
    var dark = isDark();
    var fg = getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim();
    return {
      fg: fg || (dark ? "#e2e4e9" : "#000000de"),
      grid: dark ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.12)",
      colours: sideColours()
    };
  }

  function colourOf(index) {
    var palette = theme().colours;
    return palette[(typeof index === "number" ? index : 0) % palette.length];
  }

  function themed(layout) {
    var t = theme();
    var result = Object.assign({}, layout, {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: t.fg, family: "inherit", size: 13 }
    });
    result.xaxis = Object.assign({}, layout.xaxis, { gridcolor: t.grid, color: t.fg });
    result.yaxis = Object.assign({}, layout.yaxis, { gridcolor: t.grid, color: t.fg });
    // A lane's swatch is named by its side's colour ("swatch-3"), painted in the reader's palette.
    result.shapes = (layout.shapes || []).map(function (shape) {
      var match = /^swatch-(\d+)$/.exec(shape.name || "");
      return match ? Object.assign({}, shape, { fillcolor: colourOf(Number(match[1])) }) : shape;
    });
    return result;
  }

  function coloured(data) {
    return data.map(function (trace) {
      var colour = colourOf(trace.meta && trace.meta.colour);
      var copy = Object.assign({}, trace);
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

  function geometryOf(chart) {
    if (chart.drawn) {
      var layout = chart.plot.layout;
      var axes = { x: layout.xaxis };
      if (layout.xaxis2) axes.x2 = layout.xaxis2;
      return { margin: layout.margin, height: layout.height, axes: axes, y: layout.yaxis.range };
    }
    var view = Object.assign({}, chart.geometry);
    view.axes = Object.assign({}, chart.geometry.axes, { x: Object.assign({}, chart.geometry.axes.x, { range: chart.full }) });
    return view;
  }

  /* Data values to pixels within the chart, from the figure's fixed margins, the axes' current
     ranges and the chart's width: the same arithmetic for the picture and for Plotly. */
  function scales(chart) {
    var g = geometryOf(chart);
    var margin = g.margin || {};
    var left = margin.l || 0, right = margin.r || 0, top = margin.t || 0, bottom = margin.b || 0;
    var width = chart.plot.clientWidth - left - right;
    var height = (g.height || chart.plot.clientHeight) - top - bottom;
    function horizontal(axis) {
      if (!axis || !axis.range) return null;
      var domain = axis.domain || [0, 1];
      var low = Number(axis.range[0]), high = Number(axis.range[1]);
      var start = left + width * domain[0], size = width * (domain[1] - domain[0]);
      var toPx = function (value) { return start + size * (Number(value) - low) / (high - low); };
      toPx.invert = function (px) { return low + (px - start) / size * (high - low); };
      toPx.start = start;
      toPx.size = size;
      return toPx;
    }
    var yr = g.y;
    return {
      x: horizontal(g.axes.x), x2: horizontal(g.axes.x2), left: left, right: left + width, width: width,
      y: function (value) { return top + height * (1 - (value - yr[0]) / (yr[1] - yr[0])); }
    };
  }

  /* The picture's points, as the build wrote them: each entry's place, lane, anchor and label. */
  function readPoints(chart) {
    var found = [];
    chart.plot.querySelectorAll(".explainer-picture__point[data-anchor]").forEach(function (g) {
      found.push({
        anchor: g.getAttribute("data-anchor"),
        page: Number(g.getAttribute("data-page")),
        order: g.hasAttribute("data-order") ? Number(g.getAttribute("data-order")) : null,
        label: g.getAttribute("data-label") || "",
        lane: Number(g.getAttribute("data-lane")),
        axis: g.getAttribute("data-axis") || "x",
        x: Number(g.getAttribute("data-x")),
        y: Number(g.getAttribute("data-y")),
        key: g.getAttribute("data-anchor")
      });
    });
    return found;
  }

  /* Every point's position in pixels within the chart, for the current view. */
  function placed(chart) {
    var scale = scales(chart);
    return chart.points.map(function (point) {
      var toX = point.axis === "x2" ? scale.x2 : scale.x;
      var px = toX ? toX(point.x) : -1;
      var visible = toX && !chart.hidden[point.lane] && px >= scale.left - 1 && px <= scale.right + 1;
      return { point: point, px: px, py: scale.y(point.y), visible: !!visible };
    });
  }

  /* ---- the keyboard layer --------------------------------------------------------------------- */

  /* Where a point's entry lives: an element with its id on this page, a link to it on this page,
     or else its place in the timeline's list (the picture names the timeline's pages). */
  function targetOf(chart, point) {
    var anchor = point.anchor;
    if (!/^[a-z0-9-]+$/.test(anchor)) return null;
    var here = document.getElementById(anchor);
    if (here && !chart.element.contains(here)) return { href: "#" + anchor, here: here };
    var links = document.querySelectorAll("article a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (href.slice(-anchor.length - 1) === "#" + anchor && !chart.element.contains(links[i])) {
        return { href: links[i].href, here: null };
      }
    }
    var page = (chart.geometry.pages || [])[point.page];
    return typeof page === "string" ? { href: new URL(page + "#" + anchor, siteRoot).href, here: null } : null;
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
    var spots = placed(chart).filter(function (s) { return s.visible && s.point.order !== null; });
    spots.sort(function (a, b) { return a.point.order - b.point.order; });
    // Hundreds of tab stops help nobody: past that, the list on the page is the keyboard's way in.
    if (spots.length > MAX_POINT_LINKS) spots = [];
    var layer = chart.layer;
    var existing = {};
    Array.prototype.forEach.call(layer.children, function (link) { existing[link.getAttribute("data-key")] = link; });
    var wanted = [];
    spots.forEach(function (spot) {
      var point = spot.point;
      var link = existing[point.key];
      delete existing[point.key];
      if (!link) {
        var target = targetOf(chart, point);
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
    var inOrder = wanted.every(function (link, i) { return layer.children[i] === link; });
    if (!inOrder) wanted.forEach(function (link) { layer.appendChild(link); });
    if (chart.shown) placeLabel(chart, chart.shown);
  }

  /* ---- the label: the chart's own hover, inside the viewport ---------------------------------- */

  /* Hover text is the generator's escaped HTML with <b>, <i>, <br> and http(s) links: rebuilt from
     those elements only, so nothing else can ever reach the page. */
  function safeFragment(html) {
    var parsed = new DOMParser().parseFromString("<div>" + String(html) + "</div>", "text/html").body.firstChild;
    var out = document.createDocumentFragment();
    function copy(from, into) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === 3) { into.appendChild(document.createTextNode(node.textContent)); return; }
        if (node.nodeType !== 1) return;
        var tag = node.tagName.toLowerCase();
        var made = null;
        if (tag === "br") { into.appendChild(document.createElement("br")); return; }
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
    var box = chart.tooltip;
    box.textContent = "";
    var hover = chart.hovers && chart.hovers[point.key];
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

  /* Beside the point, on the side with room; never past the viewport's edges. */
  function placeLabel(chart, point) {
    var spot = placed(chart).filter(function (s) { return s.point === point; })[0];
    if (!spot) return;
    var stage = chart.stage.getBoundingClientRect();
    var box = chart.tooltip;
    var width = box.offsetWidth, height = box.offsetHeight;
    var viewWidth = document.documentElement.clientWidth, viewHeight = window.innerHeight;
    var x = stage.left + spot.px, y = stage.top + spot.py;
    var left = x + 14;
    if (left + width > viewWidth - 8) left = x - 14 - width;
    left = Math.max(8, Math.min(left, viewWidth - 8 - width));
    var topEdge = y + 14;
    if (topEdge + height > viewHeight - 8) topEdge = y - 14 - height;
    topEdge = Math.max(8, Math.min(topEdge, viewHeight - 8 - height));
    box.style.left = (left - stage.left) + "px";
    box.style.top = (topEdge - stage.top) + "px";
  }

  function nearest(chart, clientX, clientY) {
    var stage = chart.stage.getBoundingClientRect();
    var x = clientX - stage.left, y = clientY - stage.top;
    var best = null, bestDistance = NEAR;
    placed(chart).forEach(function (spot) {
      if (!spot.visible) return;
      var distance = Math.hypot(spot.px - x, spot.py - y);
      if (distance <= bestDistance) { best = spot.point; bestDistance = distance; }
    });
    return best;
  }

  /* The figure data: the rich hover texts (Plotly needs the rest). Fetched once, when a reader
     first reaches for a chart. */
  function fetchFigure(chart) {
    if (!chart.figureLoad) {
      var url = new URL(chart.element.getAttribute("data-figure"), siteRoot);
      chart.figureLoad = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("figure data: HTTP " + response.status);
        return response.json();
      }).then(function (figure) {
        chart.figure = figure;
        chart.scale = (figure.layout.meta || {}).scale || null;
        chart.hovers = {};
        figure.data.forEach(function (trace) {
          (trace.customdata || []).forEach(function (custom, j) {
            if (custom && Array.isArray(trace.hovertext)) chart.hovers[custom[0]] = trace.hovertext[j];
          });
        });
        return figure;
      });
      chart.figureLoad.catch(function () { chart.figureLoad = null; });
    }
    return chart.figureLoad;
  }

  /* ---- zoom and pan --------------------------------------------------------------------------- */

  function currentRange(chart) {
    return (chart.range || chart.full).slice();
  }

  function limits(chart) {
    var span = chart.full[1] - chart.full[0];
    var dated = chart.geometry.kind === "dated";
    return { low: chart.full[0] - span * 0.05, high: chart.full[1] + span * 0.05,
             least: dated ? span / 2000 : Math.min(span, 1.5), most: span * 1.1 };
  }

  function clamp(chart, range) {
    var limit = limits(chart);
    var width = Math.max(limit.least, Math.min(limit.most, range[1] - range[0]));
    var middle = (range[0] + range[1]) / 2;
    var low = middle - width / 2, high = middle + width / 2;
    if (low < limit.low) { high += limit.low - low; low = limit.low; }
    if (high > limit.high) { low -= high - limit.high; high = limit.high; }
    return [Math.max(low, limit.low), Math.min(high, limit.high)];
  }

  /* Ask for a view: Plotly takes over the picture the first time (the view is applied once it has
     drawn), then follows every change. */
  function setRange(chart, range) {
    chart.range = clamp(chart, range);
    if (chart.drawn) scheduleRelayout(chart);
    else draw(chart);
  }

  function scheduleRelayout(chart) {
    if (chart.frame) return;
    chart.frame = requestAnimationFrame(function () {
      chart.frame = 0;
      var range = currentRange(chart);
      var update = { "xaxis.range": range };
      var ticks = ticksFor(chart, range);
      if (ticks) { update["xaxis.tickvals"] = ticks.values; update["xaxis.ticktext"] = ticks.text; }
      window.Plotly.relayout(chart.plot, update).then(function () { layoutPoints(chart); });
    });
  }

  /* Zoom by ``factor`` (below 1: in) around ``centre``, or around the middle of the entries in view. */
  function zoom(chart, factor, centre) {
    var range = currentRange(chart);
    if (centre === undefined) {
      var xs = placed(chart).filter(function (s) { return s.visible && s.point.axis === "x"; })
        .map(function (s) { return s.point.x; });
      centre = xs.length ? (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2 : (range[0] + range[1]) / 2;
    }
    setRange(chart, [centre - (centre - range[0]) * factor, centre + (range[1] - centre) * factor]);
  }

  function pan(chart, pixels) {
    var scale = scales(chart);
    if (!scale.x) return;
    var range = currentRange(chart);
    var shift = -pixels / scale.x.size * (range[1] - range[0]);
    setRange(chart, [range[0] + shift, range[1] + shift]);
  }

  function reset(chart) {
    chart.hidden = {};
    if (chart.key) chart.key.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
    showLanes(chart);
    setRange(chart, chart.full.slice());
  }

  /* The value under a pointer, on the main axis (null over the undated band or outside). */
  function valueAt(chart, clientX) {
    var scale = scales(chart);
    if (!scale.x) return null;
    var px = clientX - chart.stage.getBoundingClientRect().left;
    if (px < scale.x.start || px > scale.x.start + scale.x.size) return null;
    return scale.x.invert(px);
  }

  function gestures(chart) {
    var stage = chart.stage;
    var pointers = new Map();
    var pinch = null, drag = null, lastTap = 0;

    stage.addEventListener("wheel", function (event) {
      var horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (event.ctrlKey || event.metaKey) {
        var at = valueAt(chart, event.clientX);
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
        var p = Array.from(pointers.values());
        pinch = { distance: Math.abs(p[0].x - p[1].x) || 1, middle: (p[0].x + p[1].x) / 2 };
        drag = null;
      } else if (pointers.size === 1) {
        drag = { x: event.clientX, y: event.clientY, moved: false, type: event.pointerType };
      }
    });
    stage.addEventListener("pointermove", function (event) {
      if (!pointers.has(event.pointerId)) {
        if (event.pointerType === "mouse") {
          var point = nearest(chart, event.clientX, event.clientY);
          if (point) showLabel(chart, point, false);
          else if (chart.shown && document.activeElement && !chart.layer.contains(document.activeElement)) hideLabel(chart);
          stage.classList.toggle("explainer-chart__stage--on-point", !!point);
        }
        return;
      }
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pinch && pointers.size === 2) {
        var p = Array.from(pointers.values());
        var distance = Math.abs(p[0].x - p[1].x) || 1, middle = (p[0].x + p[1].x) / 2;
        var at = valueAt(chart, pinch.middle);
        if (at !== null) zoom(chart, pinch.distance / distance, at);
        pan(chart, middle - pinch.middle);
        pinch = { distance: distance, middle: middle };
      } else if (drag) {
        var dx = event.clientX - drag.x;
        if (!drag.moved && Math.abs(dx) < 4) return;
        if (!drag.moved) stage.setPointerCapture(event.pointerId);
        drag.moved = true;
        pan(chart, dx);
        drag.x = event.clientX;
      }
    });
    function release(event) {
      var wasDrag = drag;
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (!pointers.size) drag = null;
      if (event.type !== "pointerup" || !wasDrag || wasDrag.moved) return;
      var point = nearest(chart, event.clientX, event.clientY);
      var now = Date.now();
      if (wasDrag.type !== "mouse") {
        if (now - lastTap < 350 && !point) { lastTap = 0; reset(chart); return; } // a double tap
        lastTap = now;
        if (point) showLabel(chart, point, false); // a tap shows the label; its title leads on
        else hideLabel(chart);
        return;
      }
      var target = point && targetOf(chart, point);
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

  /* ---- ticks of a dated chart (see scale.py: the same rule, the same ladder) ------------------ */

  function ticksFor(chart, range) {
    var scale = chart.scale;
    if (!scale) return null;
    var full = range[0] === chart.full[0] && range[1] === chart.full[1];
    var wide = chart.plot.clientWidth >= scale.wide_chart;
    var axisPx = full ? (wide ? scale.wide_px : scale.narrow_px) : scales(chart).x.size;
    var choice = full ? (wide ? scale.wide : scale.narrow)
                      : scale.segments.map(function (segment) { return chooseStep(segment, axisPx, range); });
    var candidates = [];
    scale.segments.forEach(function (segment, n) {
      var level = segment.levels[choice[n]];
      if (!level) return;
      level.ticks.forEach(function (tick) {
        if (tick[0] >= segment.left && tick[0] <= segment.right) candidates.push(tick);
      });
    });
    var shown = compose(candidates, range[0], axisPx / (range[1] - range[0]), axisPx);
    return { values: shown.map(function (t) { return t[0]; }), text: shown.map(function (t) { return t[1]; }) };
  }

  /* Tick labels left to right: none past the edges or touching the one before, then the context
     on the first and wherever it changes (scale.compose: the same rule). */
  var EDGE_PX = 6;
  function compose(candidates, start, perUnit, axisPx) {
    function fits(x, text, end) {
      var half = Math.max.apply(null, text.split("<br>").map(labelPx)) / 2;
      var at = (x - start) * perUnit;
      return { ok: at - half >= end && at + half <= axisPx + EDGE_PX, right: at + half };
    }
    var spaced = [], end = -EDGE_PX;
    candidates.forEach(function (tick) {
      var f = fits(tick[0], tick[1], end);
      if (f.ok) { spaced.push(tick); end = f.right; }
    });
    var kept = [], before = null;
    end = -EDGE_PX;
    spaced.forEach(function (tick) {
      var fresh = !!tick[3] && (before || "").indexOf(tick[3]) !== 0; // scale.new_context
      var text = fresh ? tick[1] + "<br>" + tick[2] : tick[1];
      var f = fits(tick[0], text, end);
      if (f.ok) { kept.push([tick[0], text]); end = f.right; before = tick[3] || before; }
    });
    return kept;
  }

  var CHAR_PX = 7; // charts.CHAR_PX
  function labelPx(html) {
    var text = new DOMParser().parseFromString(html, "text/html").body.textContent;
    return text.length * CHAR_PX + 8;
  }

  function chooseStep(segment, axisPx, range) {
    if (!segment.levels.length) return -1;
    var density = (segment.right - segment.left) / (range[1] - range[0]) * axisPx / ((segment.last - segment.first) || 1);
    var chosen = -1;
    segment.levels.forEach(function (level, i) { if (level.step * density >= level.need) chosen = i; });
    var low = Math.max(range[0], segment.left), high = Math.min(range[1], segment.right);
    if (low > high) return Math.max(chosen, 0);
    for (var i = Math.max(chosen, 0); i < segment.levels.length; i++) {
      var ticks = segment.levels[i].ticks;
      for (var j = 0; j < ticks.length; j++) if (ticks[j][0] >= low && ticks[j][0] <= high) return i;
    }
    return Math.max(chosen, 0);
  }

  /* ---- Plotly takes over ---------------------------------------------------------------------- */

  var config = {
    staticPlot: true, // this script handles every gesture; Plotly only draws
    displayModeBar: false,
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    typesetMath: false,
    responsive: false
  };

  function draw(chart) {
    if (chart.drawing) return chart.drawing;
    if (!performance.getEntriesByName("explainer-takeover").length) performance.mark("explainer-takeover");
    var plot = chart.plot;
    chart.drawing = Promise.all([fetchFigure(chart), loadPlotly(chart.element)]).then(function (results) {
      var figure = results[0];
      var Plotly = results[1];
      if (!document.body.contains(plot)) return;
      var picture = plot.querySelector(".explainer-picture");
      if (picture) {
        plot.style.minHeight = picture.getBoundingClientRect().height + "px";
        picture.classList.add("explainer-picture--leaving");
      }
      var mark = "explainer-draw:" + chart.element.id;
      performance.mark(mark + ":start");
      var layout = themed(figure.layout); // ticks are the build's, worded by Babel (scale.py)
      var range = currentRange(chart);
      layout.xaxis = Object.assign({}, layout.xaxis, { range: range });
      var ticks = ticksFor(chart, range);
      if (ticks) { layout.xaxis.tickvals = ticks.values; layout.xaxis.ticktext = ticks.text; }
      var data = coloured(figure.data).map(function (trace) {
        var lane = trace.meta && trace.meta.lane;
        return chart.hidden[lane] ? Object.assign({}, trace, { visible: false }) : trace;
      });
      return Plotly.newPlot(plot, data, layout, config).then(function () {
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
    var picture = chart.plot.querySelector(".explainer-picture");
    if (picture) {
      picture.classList.remove("explainer-picture--leaving");
      chart.plot.style.minHeight = "";
    }
    if (chart.plot.querySelector(".explainer-chart__plot--failed")) return;
    var note = document.createElement("p");
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
    var bar = chart.stage.querySelector(".explainer-chart__toolbar");
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
    var key = chart.element.querySelector(".explainer-chart__key");
    if (!key) return;
    chart.key = key;
    key.querySelectorAll("li[data-lane] button").forEach(function (made) {
      var lane = Number(made.parentNode.getAttribute("data-lane"));
      made.addEventListener("click", function () {
        var shown = made.getAttribute("aria-pressed") !== "true";
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
      var visible = chart.figure.data.map(function (trace) {
        return !chart.hidden[trace.meta && trace.meta.lane];
      });
      window.Plotly.restyle(chart.plot, { visible: visible }).then(function () { layoutPoints(chart); });
    } else {
      layoutPoints(chart);
    }
  }

  /* ---- set-up --------------------------------------------------------------------------------- */

  function setUp(element) {
    if (charts.has(element)) return;
    var stage = element.querySelector(".explainer-chart__stage");
    var plot = stage && stage.querySelector(".explainer-chart__plot");
    var picture = plot && plot.querySelector(".explainer-picture[data-geometry]");
    if (!picture) return;
    var geometry = JSON.parse(picture.getAttribute("data-geometry"));
    plot.setAttribute("aria-hidden", "true"); // the links layer and the list carry the chart's content
    var chart = {
      element: element, plot: plot, stage: stage, layer: stage.querySelector(".explainer-chart__points"),
      tooltip: stage.querySelector(".explainer-chart__label"), toolbar: null, key: null,
      geometry: geometry, full: geometry.axes.x.range.map(Number), range: null, hidden: {},
      points: readPoints({ plot: plot }), scale: null, figure: null, figureLoad: null, hovers: null,
      drawn: false, drawing: null, shown: null, frame: 0
    };
    charts.set(element, chart);
    wireToolbar(chart);
    wireKey(chart);
    gestures(chart);
    // The links need the chart's width: read it after the browser has laid the page out itself, in
    // a task of its own, so setting up never forces a layout or lengthens the page's first task.
    requestAnimationFrame(function () {
      setTimeout(function () {
        layoutPoints(chart);
        resizer.observe(stage);
      }, 0);
    });
    // A chart of thousands is a summary until Plotly draws it (no point of its own to answer a
    // reader): Plotly takes over once it is near the viewport and the browser is idle, and the
    // page does not settle before (the search index waits).
    if (element.hasAttribute("data-summary")) nearby.observe(element);
  }

  var nearby = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      nearby.unobserve(entry.target);
      var chart = charts.get(entry.target);
      if (chart) fetchFigure(chart).catch(function () {}); // on its way while the page finishes loading
      whenIdle(function () {
        var done = function () { waiting -= 1; settle(); };
        if (chart) draw(chart).then(done, done);
        else done();
      });
    });
  }, { rootMargin: "200px" });

  /* Re-place the links and the label when the chart's width changes; Plotly redraws at the new
     width, with the ticks that fit it. */
  var widths = new WeakMap();
  var resizer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var width = Math.round(entry.contentRect.width);
      var before = widths.get(entry.target);
      widths.set(entry.target, width);
      if (before === undefined || before === width) return;
      charts.forEach(function (chart) {
        if (chart.stage !== entry.target) return;
        if (chart.drawn) window.Plotly.Plots.resize(chart.plot).then(function () { scheduleRelayout(chart); });
        else layoutPoints(chart);
      });
    });
  });

  function purgeDetached() {
    charts.forEach(function (chart, element) {
      if (!document.body.contains(element)) {
        resizer.unobserve(chart.stage);
        nearby.unobserve(element);
        if (chart.drawn && window.Plotly) window.Plotly.purge(chart.plot);
        charts.delete(element);
      }
    });
  }

  /* "Embed this chart": a button that copies the iframe code (the code stays selectable without it). */
  function copyButtons() {
    document.querySelectorAll(".explainer-embed-code[data-label-copy]").forEach(function (box) {
      if (box.querySelector(".explainer-copy") || !navigator.clipboard) return;
      var code = box.querySelector("code");
      var copy = document.createElement("button");
      var status = document.createElement("span");
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
      if (!charts.has(element) && !element.querySelector(".explainer-picture__point[data-order]")) {
        element.setAttribute("data-summary", "");
        waiting += 1;
      }
      setTimeout(function () { setUp(element); }, 0);
    });
  }

  /* Re-theme drawn charts when the reader toggles the palette (the picture follows the stylesheet). */
  new MutationObserver(function () {
    if (!window.Plotly) return;
    charts.forEach(function (chart) {
      if (!chart.drawn) return;
      var data = coloured(chart.figure.data);
      window.Plotly.restyle(chart.plot, {
        "marker.color": data.map(function (t) { return (t.marker || {}).color; }),
        "marker.line.color": data.map(function (t) { return ((t.marker || {}).line || {}).color; }),
        "line.color": data.map(function (t) { return (t.line || {}).color; }),
        "textfont.color": data.map(function () { return theme().fg; }),
        "fillpattern.fgcolor": data.map(function (t) { return (t.fillpattern || {}).fgcolor; })
      });
      var layout = themed(chart.plot.layout);
      window.Plotly.relayout(chart.plot, { font: layout.font, xaxis: layout.xaxis, yaxis: layout.yaxis,
                                           shapes: layout.shapes });
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function whenIdle(callback) {
    if (window.requestIdleCallback) window.requestIdleCallback(callback, { timeout: 2000 });
    else window.setTimeout(callback, 200);
  }

  /* Once the first page has loaded (and its charts of thousands are drawn), the page says, at the
     browser's next idle moment, that it has settled: the site's search index, held back until then
     (see main.html), may load. */
  function settle() {
    if (settled || !pageLoaded || waiting > 0) return;
    settled = true;
    whenIdle(function () { document.dispatchEvent(new Event("explainer:settled")); });
  }
  function onLoad() {
    pageLoaded = true;
    settle();
  }
  if (document.readyState === "complete") onLoad();
  else window.addEventListener("load", onLoad);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    onPage();
  }
})();
