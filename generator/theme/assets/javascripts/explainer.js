/*
 * Draws the explainer's charts. Each chart is a <figure class="explainer-chart" data-figure="...">
 * whose page also lists the same information as HTML, so nothing here is needed to read the site.
 *
 * Material's instant navigation swaps page content without reloading, and re-creates scripts in
 * that content without their attributes, so pages carry no scripts: this one file subscribes to
 * Material's document$ and draws, re-themes, resizes and purges every chart.
 *
 * Plotly gives neither keyboard access to data points nor a keyboard-usable legend, so each drawn
 * chart gets a toolbar of real buttons (one per lane, and "Reset view") and a layer of links, one
 * over each marker, in reading order: focusing one shows its hover label, Enter goes to its entry.
 *
 * Every word this script shows comes from the page, in the explainer's language: the chart's
 * <figure> carries them as data-label-* attributes, and the figure data carries the chart's own.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("../../", script ? script.src : location.href);
  var loading = {}; // bundle name -> promise of window.Plotly
  var loaded = null; // the name of the bundle window.Plotly came from
  var charts = new Map(); // plot element -> {figure, element, layer, toolbar}
  var unseen = new Set(); // charts the viewport watcher has not reported on yet
  var waiting = 0; // charts near the viewport that Plotly has not finished taking over
  var loaded = false; // the first page's load event has fired
  var settled = false; // ... and its charts near the viewport are drawn: see settle()
  var MAX_POINT_LINKS = 300;

  document.documentElement.classList.add("explainer-js");

  /* The plotly.js bundle a chart needs is named on its <figure> (data-bundle, with its address in
     data-bundle-src), so it loads while the figure data does: "basic" (SVG) for most charts, "gl2d"
     (SVG and WebGL) for very large ones. Every chart is made of scatter traces, which both bundles
     draw, so once the gl2d bundle is here it draws every chart. */
  function loadPlotly(element) {
    var which = element.getAttribute("data-bundle") === "gl2d" ? "gl2d" : "basic";
    if (window.Plotly && (loaded === which || loaded === "gl2d")) return Promise.resolve(window.Plotly);
    if (!loading[which]) {
      loading[which] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(element.getAttribute("data-bundle-src"), siteRoot).href;
        tag.async = true;
        tag.onload = function () {
          loaded = which;
          resolve(window.Plotly);
        };
        tag.onerror = function () { loading[which] = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(tag);
      });
    }
    return loading[which];
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function reducedMotion() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  /* Marks with at least 3:1 and text with at least 4.5:1 contrast against the page, in each palette. */
  function theme() {
    var dark = isDark();
    var fg = getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim();
    return {
      fg: fg || (dark ? "#e2e4e9" : "#000000de"),
      grid: dark ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.12)",
      colorway: sideColours(),
      hoverBg: dark ? "#1e2129" : "#ffffff"
    };
  }

  /* The sides' colours of the reader's scheme, from the stylesheet (the picture uses the same):
     Okabe and Ito's colour-blind-safe hues, darkened or lightened to keep 3:1 against the page. */
  function sideColours() {
    var style = getComputedStyle(document.body);
    var colours = [];
    for (var i = 0; i < 5; i++) colours.push(style.getPropertyValue("--explainer-side-" + i).trim() || "currentColor");
    return colours;
  }

  function themed(layout) {
    var t = theme();
    var result = Object.assign({}, layout, {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: t.fg, family: "inherit", size: 13 },
      colorway: t.colorway,
      hoverlabel: { bgcolor: t.hoverBg, font: { color: t.fg }, bordercolor: t.fg }
    });
    result.xaxis = Object.assign({}, layout.xaxis, { gridcolor: t.grid, color: t.fg });
    result.yaxis = Object.assign({}, layout.yaxis, { gridcolor: t.grid, color: t.fg });
    return result;
  }

  var config = {
    displayModeBar: false, // its buttons are not keyboard-usable; the chart's own toolbar replaces them
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    typesetMath: false,
    responsive: false,
    scrollZoom: false,
    doubleClick: "reset"
  };

  /* Where a point's entry lives: an element with its id on this page, a link to it on this page,
     or else its place in the timeline's list (the figure names the page: customdata[1] is an
     index into layout.meta.pages). */
  function targetOf(chart, custom) {
    var element = chart.element;
    var anchor = custom[0];
    var pages = (chart.figure.layout.meta || {}).pages || [];
    var fallback = typeof custom[1] === "number" ? pages[custom[1]] : null;
    if (!/^[a-z0-9-]+$/.test(anchor)) return null;
    var here = document.getElementById(anchor);
    if (here && !element.contains(here)) return { href: "#" + anchor, here: here };
    var links = document.querySelectorAll("article a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (href.slice(-anchor.length - 1) === "#" + anchor && !element.contains(links[i])) {
        return { href: links[i].href, here: null };
      }
    }
    return typeof fallback === "string" ? { href: new URL(fallback + "#" + anchor, siteRoot).href, here: null } : null;
  }

  function go(target) {
    if (target.here) {
      history.pushState(null, "", "#" + target.here.id);
      if (!target.here.hasAttribute("tabindex")) target.here.setAttribute("tabindex", "-1");
      target.here.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth" });
      target.here.focus({ preventScroll: true });
    } else if (document.querySelector(".explainer-embed")) {
      window.open(target.href, "_blank", "noopener");  /* an embedded chart leaves its frame */
    } else {
      location.assign(target.href);
    }
  }

  /* Hover text is escaped HTML with <b> and <br>: as plain text for an aria-label. */
  function plainText(html) {
    var text = new DOMParser().parseFromString(String(html).replace(/<br>/g, ". "), "text/html").body.textContent;
    return text.replace(/\s+/g, " ").trim();
  }

  /* A side has the same colour on every chart: the figure gives each trace its side's number
     (meta.colour), and this picks that colour from the palette of the reader's scheme. */
  function sideColour(trace) {
    var palette = theme().colorway;
    var index = trace.meta && typeof trace.meta.colour === "number" ? trace.meta.colour : 0;
    return palette[index % palette.length];
  }

  function coloured(data) {
    return data.map(function (trace) {
      var colour = sideColour(trace);
      var copy = Object.assign({}, trace);
      copy.marker = Object.assign({}, trace.marker, { color: colour });
      copy.marker.line = Object.assign({}, (trace.marker || {}).line, { color: colour });
      copy.line = Object.assign({}, trace.line, { color: colour });
      if (trace.error_x) copy.error_x = Object.assign({}, trace.error_x, { color: colour });
      return copy;
    });
  }

  function recolour(chart) {
    var colours = chart.figure.data.map(sideColour);
    window.Plotly.restyle(chart.plot, {
      "marker.color": colours, "marker.line.color": colours, "line.color": colours, "error_x.color": colours
    });
  }

  /* The lanes of a chart, each with the traces drawn in it (points, bands, undated points). */
  function lanesOf(figure) {
    var lanes = [];
    figure.data.forEach(function (trace, index) {
      var lane = trace.meta && typeof trace.meta.lane === "number" ? trace.meta.lane : index;
      var found = lanes.filter(function (l) { return l.lane === lane; })[0];
      if (!found) {
        found = { lane: lane, name: trace.name || "", trace: trace, traces: [] };
        lanes.push(found);
      }
      found.traces.push(index);
    });
    return lanes;
  }

  /* Date ticks in the explainer's language: the figure carries the names (see plotly_locale.py). */
  function registerLocale(figure) {
    var locale = figure.layout.meta && figure.layout.meta.locale;
    if (!locale) return null;
    window.Plotly.register({ moduleType: "locale", name: locale.name, dictionary: {}, format: locale.format });
    return locale.name;
  }

  function buildToolbar(chart) {
    var plot = chart.plot;
    var bar = document.createElement("div");
    bar.className = "explainer-chart__toolbar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", label(chart.element, "controls"));
    lanesOf(chart.figure).forEach(function (lane) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "explainer-chart__lane";
      button.setAttribute("aria-pressed", "true");
      var swatch = document.createElement("span");
      swatch.className = "explainer-chart__swatch";
      swatch.setAttribute("aria-hidden", "true");
      var name = document.createElement("span");
      name.textContent = new DOMParser().parseFromString(lane.name, "text/html").body.textContent;
      swatch.setAttribute("data-colour-of", String(lane.traces[0]));
      button.title = label(chart.element, "lane");
      button.appendChild(swatch);
      button.appendChild(name);
      button.addEventListener("click", function () {
        var shown = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", shown ? "true" : "false");
        lane.traces.forEach(function (t) { chart.hidden[t] = !shown; });
        window.Plotly.restyle(plot, { visible: shown ? true : "legendonly" }, lane.traces);
      });
      bar.appendChild(button);
    });
    [["zoom-in", 0.5], ["zoom-out", 2]].forEach(function (step) {
      var zoomButton = document.createElement("button");
      zoomButton.type = "button";
      zoomButton.className = "explainer-chart__zoom";
      zoomButton.textContent = label(chart.element, step[0]);
      zoomButton.addEventListener("click", function () { zoom(chart, step[1]); });
      bar.appendChild(zoomButton);
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "explainer-chart__reset";
    reset.textContent = label(chart.element, "reset");
    reset.addEventListener("click", function () {
      bar.querySelectorAll(".explainer-chart__lane").forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
      chart.hidden = {};
      window.Plotly.restyle(plot, { visible: true });
      window.Plotly.relayout(plot, {
        "xaxis.range": chart.figure.layout.xaxis.range ? chart.figure.layout.xaxis.range.slice() : null,
        "xaxis.autorange": !chart.figure.layout.xaxis.range,
        "yaxis.range": chart.figure.layout.yaxis.range ? chart.figure.layout.yaxis.range.slice() : null
      });
    });
    bar.appendChild(reset);
    // Laid over the room the figure leaves at its top (charts.TOOLBAR), so nothing below moves.
    chart.plot.parentNode.insertBefore(bar, chart.plot);
    chart.toolbar = bar;
    paintSwatches(chart);
  }

  /* Zoom the x axis around its middle: keyboard-usable, unlike the wheel or a drag. Date axes
     hold local date strings ("2021-03-23 12:00"), which are read and written back as local time. */
  function zoom(chart, factor) {
    var axis = chart.plot.layout.xaxis || {};
    var range = axis.range;
    if (!range) return;
    var isDate = axis.type === "date";
    var ends = range.map(function (end) { return isDate ? Date.parse(String(end).replace(" ", "T")) : Number(end); });
    var middle = (ends[0] + ends[1]) / 2;
    var half = (ends[1] - ends[0]) / 2 * factor;
    var next = [middle - half, middle + half].map(function (end) { return isDate ? localDate(end) : end; });
    window.Plotly.relayout(chart.plot, { "xaxis.range": next });
  }

  function localDate(ms) {
    var d = new Date(ms);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + " " + two(d.getHours()) +
      ":" + two(d.getMinutes()) + ":" + two(d.getSeconds());
  }

  function paintSwatches(chart) {
    if (!chart.toolbar) return;
    chart.toolbar.querySelectorAll(".explainer-chart__swatch").forEach(function (swatch) {
      swatch.style.backgroundColor = sideColour(chart.figure.data[Number(swatch.getAttribute("data-colour-of"))]);
    });
  }

  /* One link over each visible marker, in reading order. */
  /* Where data values fall on the chart, from public state only: the layout the figure gives
     (fixed margins, see charts.gutter), the axes' current ranges, which Plotly keeps in
     plot.layout as the reader pans and zooms, and the chart's size on the page. */
  function toNumber(axis, value) {
    return axis.type === "date" ? Date.parse(String(value).replace(" ", "T") + "Z") : Number(value);
  }

  function scales(chart) {
    var layout = chart.plot.layout;
    var margin = layout.margin || {};
    var left = margin.l || 0, right = margin.r || 0, top = margin.t || 0, bottom = margin.b || 0;
    var width = chart.plot.clientWidth - left - right;
    var height = (layout.height || chart.plot.clientHeight) - top - bottom;
    function horizontal(axis) {
      if (!axis || !axis.range) return null;
      var domain = axis.domain || [0, 1];
      var low = toNumber(axis, axis.range[0]), high = toNumber(axis, axis.range[1]);
      return function (value) {
        var share = (toNumber(axis, value) - low) / (high - low);
        return left + width * (domain[0] + (domain[1] - domain[0]) * share);
      };
    }
    var ya = layout.yaxis;
    return {
      x: horizontal(layout.xaxis), x2: horizontal(layout.xaxis2), left: left, right: left + width,
      y: function (value) { return top + height * (1 - (value - ya.range[0]) / (ya.range[1] - ya.range[0])); }
    };
  }

  /* One link over each visible marker, in reading order. */
  function layoutPoints(chart) {
    var plot = chart.plot;
    var scale = scales(chart);
    if (!scale.x) return;
    var points = [];
    chart.figure.data.forEach(function (trace, t) {
      if (chart.hidden[t]) return;
      var toX = trace.xaxis === "x2" ? scale.x2 : scale.x;
      if (!toX) return;
      (trace.x || []).forEach(function (x, j) {
        if (x === null || x === undefined) return;
        var custom = trace.customdata && trace.customdata[j];
        if (!custom) return;
        var px = toX(x);
        var py = scale.y(trace.y[j]);
        if (px < scale.left - 1 || px > scale.right + 1) return; // panned out of view
        var label = custom[3] || plainText(Array.isArray(trace.hovertext) ? trace.hovertext[j] : "");
        var order = typeof custom[2] === "number" ? custom[2] : points.length;
        points.push({ t: t, j: j, px: px, py: py, custom: custom, label: label, order: order });
      });
    });
    points.sort(function (a, b) { return a.order - b.order; });
    // Hundreds of tab stops help nobody: past that, the list on the page is the keyboard's way in.
    if (points.length > MAX_POINT_LINKS) points = [];
    // Links are kept and moved rather than re-created, so focus stays where the reader left it.
    var layer = chart.layer;
    var existing = {};
    Array.prototype.forEach.call(layer.children, function (link) { existing[link.getAttribute("data-key")] = link; });
    var wanted = [];
    points.forEach(function (point) {
      var key = point.t + ":" + point.j;
      var link = existing[key];
      delete existing[key];
      if (!link) {
        var target = targetOf(chart, point.custom);
        if (!target) return;
        link = document.createElement("a");
        link.className = "explainer-chart__point";
        link.href = target.href;
        link.setAttribute("aria-label", point.label);
        link.setAttribute("data-key", key);
        link.addEventListener("focus", function () {
          window.Plotly.Fx.hover(plot, [{ curveNumber: point.t, pointNumber: point.j }]);
        });
        link.addEventListener("blur", function () { window.Plotly.Fx.unhover(plot); });
        link.addEventListener("click", function (event) {
          if (target.here) { event.preventDefault(); go(target); }
        });
      }
      link.style.left = point.px + "px";
      link.style.top = point.py + "px";
      wanted.push(link);
    });
    Object.keys(existing).forEach(function (key) { existing[key].remove(); });
    var inOrder = wanted.every(function (link, i) { return layer.children[i] === link; });
    if (!inOrder) wanted.forEach(function (link) { layer.appendChild(link); });
  }

  /* A word of the chart's interface, from the <figure>'s data-label-NAME attribute. */
  function label(element, name) {
    return element.getAttribute("data-label-" + name) || "";
  }

  /* The picture, if there is one, stays: it shows the same as the chart would. */
  function showFailure(element, plot) {
    var picture = plot.querySelector(".explainer-picture");
    if (picture) {
      picture.classList.remove("explainer-picture--leaving");
      plot.style.minHeight = "";
    }
    var note = document.createElement("p");
    note.className = "explainer-chart__plot--failed";
    note.textContent = label(element, "failed");
    plot.appendChild(note);
  }

  /* Draws a chart; the promise settles when it is drawn or has failed (or was already there). */
  function draw(element) {
    var plot = element.querySelector(".explainer-chart__plot");
    if (!plot || charts.has(plot)) return Promise.resolve();
    charts.set(plot, null);
    var dataUrl = new URL(element.getAttribute("data-figure"), siteRoot);
    var drawn = Promise.all([fetch(dataUrl).then(function (response) {
      if (!response.ok) throw new Error("figure data: HTTP " + response.status);
      return response.json();
    }), loadPlotly(element)]).then(function (results) {
      var figure = results[0];
      var Plotly = results[1];
      if (!document.body.contains(plot)) { charts.delete(plot); return; }
      // The picture drawn at build time stays in place, at the chart's height, until Plotly has drawn.
      var picture = plot.querySelector(".explainer-picture");
      if (picture) {
        plot.style.minHeight = picture.getBoundingClientRect().height + "px";
        picture.classList.add("explainer-picture--leaving");
      }
      var stage = document.createElement("div");
      stage.className = "explainer-chart__stage";
      plot.parentNode.insertBefore(stage, plot);
      stage.appendChild(plot);
      var layer = document.createElement("div");
      layer.className = "explainer-chart__points";
      stage.appendChild(layer);
      plot.setAttribute("aria-hidden", "true"); // the links layer and the list carry the chart's content
      var chart = { figure: figure, element: element, plot: plot, layer: layer, toolbar: null, hidden: {} };
      charts.set(plot, chart);
      var mark = "explainer-draw:" + element.id;
      performance.mark(mark + ":start");
      var locale = registerLocale(figure);
      var options = locale ? Object.assign({}, config, { locale: locale }) : config;
      return Plotly.newPlot(plot, coloured(figure.data), themed(figure.layout), options).then(function () {
        if (picture) picture.remove();
        plot.style.minHeight = "";
        buildToolbar(chart);
        layoutPoints(chart);
        performance.measure(mark, mark + ":start"); // read by the benchmark: drawing, without loading
        plot.on("plotly_afterplot", function () { layoutPoints(chart); });
        plot.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          var custom = point && point.customdata;
          var target = custom && targetOf(chart, custom);
          if (target) go(target);
        });
        resizer.observe(stage);
        element.classList.add("explainer-chart--drawn");
      });
    }).catch(function (error) {
      charts.delete(plot);
      showFailure(element, plot);
      console.info("explainer chart not drawn:", error.message);
    });
    return drawn;
  }

  /* Redraw a chart when its width changes (not when it is first observed: Plotly has just drawn it
     at that width, and a second drawing of thousands of points costs a phone a second). */
  var widths = new WeakMap();
  var resizer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var plot = entry.target.querySelector(".explainer-chart__plot");
      var width = Math.round(entry.contentRect.width);
      var before = widths.get(entry.target);
      widths.set(entry.target, width);
      if (before === undefined || before === width) return;
      if (window.Plotly && plot && charts.get(plot)) window.Plotly.Plots.resize(plot);
    });
  });

  /* Plotly takes over a chart's picture once the chart is near the viewport and either the reader
     reaches for it (pointer, touch, focus, a key) or the browser has nothing else to do: plotly.js
     never competes with the page's first paint, and loads only for charts a reader comes to. */
  var TAKEOVER_EVENTS = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"];

  function takeOverWhenWanted(element) {
    var done = false;
    waiting += 1;
    function start() {
      if (done) return;
      done = true;
      TAKEOVER_EVENTS.forEach(function (name) { element.removeEventListener(name, start); });
      if (!performance.getEntriesByName("explainer-takeover").length) performance.mark("explainer-takeover");
      draw(element).then(function () {
        waiting -= 1;
        settle();
      });
    }
    TAKEOVER_EVENTS.forEach(function (name) { element.addEventListener(name, start, { passive: true }); });
    whenIdle(start);
  }

  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      unseen.delete(entry.target);
      if (entry.isIntersecting) {
        watcher.unobserve(entry.target);
        takeOverWhenWanted(entry.target);
      }
    });
    settle();
  }, { rootMargin: "200px" });

  function purgeDetached() {
    charts.forEach(function (chart, plot) {
      if (!document.body.contains(plot)) {
        if (chart) {
          resizer.unobserve(plot.parentNode);
          if (window.Plotly) window.Plotly.purge(plot);
        }
        charts.delete(plot);
      }
    });
  }

  /* "Embed this chart": a button that copies the iframe code (the code stays selectable without it). */
  function copyButtons() {
    document.querySelectorAll(".explainer-embed-code[data-label-copy]").forEach(function (box) {
      if (box.querySelector(".explainer-copy") || !navigator.clipboard) return;
      var code = box.querySelector("code");
      var button = document.createElement("button");
      var status = document.createElement("span");
      button.type = "button";
      button.className = "explainer-copy md-button";
      button.textContent = box.getAttribute("data-label-copy");
      status.setAttribute("role", "status");
      status.className = "explainer-copy__status";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          status.textContent = box.getAttribute("data-label-copied");
        });
      });
      box.appendChild(button);
      box.appendChild(status);
    });
  }

  function onPage() {
    copyButtons();
    purgeDetached();
    watcher.disconnect();
    unseen.clear();
    document.querySelectorAll(".explainer-chart[data-figure]").forEach(function (element) {
      unseen.add(element);
      watcher.observe(element);
    });
  }

  /* Re-theme drawn charts when the reader toggles the palette. */
  new MutationObserver(function () {
    if (!window.Plotly) return;
    charts.forEach(function (chart, plot) {
      if (!chart) return;
      recolour(chart);
      window.Plotly.relayout(plot, themed(plot.layout)).then(function () { paintSwatches(chart); });
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function whenIdle(callback) {
    if (window.requestIdleCallback) window.requestIdleCallback(callback, { timeout: 2000 });
    else window.setTimeout(callback, 200);
  }

  /* Once the first page has loaded and Plotly has taken over every chart near the viewport, the
     page says, at the browser's next idle moment, that it has settled: the site's search index,
     held back until then (see main.html), may load. */
  function settle() {
    if (settled || !loaded || unseen.size || waiting) return;
    settled = true;
    whenIdle(function () { document.dispatchEvent(new Event("explainer:settled")); });
  }
  function onLoad() {
    loaded = true;
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
