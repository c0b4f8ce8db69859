/*
 * Draws the explainer's charts. Each chart is a <figure class="explainer-chart" data-figure="...">
 * whose page also lists the same information as HTML, so nothing here is needed to read the site.
 *
 * Material's instant navigation swaps page content without reloading, and re-creates scripts in
 * that content without their attributes, so pages carry no scripts: this one file subscribes to
 * Material's document$ and draws, re-themes, resizes and purges every chart.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("../../", script ? script.src : location.href);
  var plotlyUrl = new URL("assets/javascripts/vendor/plotly.min.js", siteRoot);
  var plotlyPromise = null;
  var charts = new Map(); // plot element -> figure

  document.documentElement.classList.add("explainer-js");

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl.href;
        tag.async = true;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () { plotlyPromise = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(tag);
      });
    }
    return plotlyPromise;
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  /* Colours with at least 3:1 contrast against the page in each palette. */
  function themeLayout() {
    var fg = cssVar("--md-default-fg-color", isDark() ? "#e2e4e9" : "#000000de");
    var grid = isDark() ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.12)";
    return {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: fg, family: "inherit", size: 13 },
      colorway: isDark() ? ["#8fb4ff", "#ffb86b", "#7ee2a8", "#ff9bb0"] : ["#1a4fb0", "#a24a00", "#1b7a3e", "#b0234a"],
      "xaxis.gridcolor": grid,
      "yaxis.gridcolor": grid,
      hoverlabel: { bgcolor: isDark() ? "#1e2129" : "#ffffff", font: { color: fg } }
    };
  }

  var config = {
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    typesetMath: false,
    responsive: false,
    scrollZoom: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage", "autoScale2d"]
  };

  function applyTheme(layout) {
    var theme = themeLayout();
    var result = Object.assign({}, layout, {
      paper_bgcolor: theme.paper_bgcolor,
      plot_bgcolor: theme.plot_bgcolor,
      font: theme.font,
      colorway: theme.colorway,
      hoverlabel: theme.hoverlabel
    });
    result.xaxis = Object.assign({}, layout.xaxis, { gridcolor: theme["xaxis.gridcolor"] });
    result.yaxis = Object.assign({}, layout.yaxis, { gridcolor: theme["yaxis.gridcolor"] });
    return result;
  }

  function showFailure(plot) {
    plot.classList.add("explainer-chart__plot--failed");
    plot.textContent = "The chart could not be drawn. Every entry is in the list below.";
  }

  function draw(figureElement) {
    var plot = figureElement.querySelector(".explainer-chart__plot");
    if (!plot || charts.has(plot)) return;
    charts.set(plot, null);
    var dataUrl = new URL(figureElement.getAttribute("data-figure"), siteRoot);
    Promise.all([fetch(dataUrl).then(function (r) {
      if (!r.ok) throw new Error("figure data: HTTP " + r.status);
      return r.json();
    }), loadPlotly()]).then(function (results) {
      var figure = results[0];
      var Plotly = results[1];
      if (!document.body.contains(plot)) { charts.delete(plot); return; }
      charts.set(plot, figure);
      return Plotly.newPlot(plot, figure.data, applyTheme(figure.layout), config).then(function () {
        plot.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          var anchor = point && point.customdata;
          if (typeof anchor === "string" && /^[a-z0-9-]+$/.test(anchor)) {
            var target = document.getElementById(anchor);
            if (target) {
              history.replaceState(null, "", "#" + anchor);
              target.scrollIntoView({ behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
            }
          }
        });
        resizer.observe(plot);
      });
    }).catch(function (error) {
      charts.delete(plot);
      showFailure(plot);
      console.warn("explainer chart:", error.message);
    });
  }

  var resizer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      if (window.Plotly && charts.get(entry.target)) window.Plotly.Plots.resize(entry.target);
    });
  });

  /* Charts are drawn only when they come near the viewport, so plotly.js loads only then. */
  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        watcher.unobserve(entry.target);
        draw(entry.target);
      }
    });
  }, { rootMargin: "200px" });

  function purgeDetached() {
    charts.forEach(function (figure, plot) {
      if (!document.body.contains(plot)) {
        resizer.unobserve(plot);
        if (window.Plotly && figure) window.Plotly.purge(plot);
        charts.delete(plot);
      }
    });
  }

  function onPage() {
    purgeDetached();
    watcher.disconnect();
    document.querySelectorAll(".explainer-chart[data-figure]").forEach(function (element) {
      watcher.observe(element);
    });
  }

  /* Re-theme drawn charts when the reader toggles the palette. */
  new MutationObserver(function () {
    if (!window.Plotly) return;
    charts.forEach(function (figure, plot) {
      if (figure) window.Plotly.relayout(plot, applyTheme(plot.layout || figure.layout));
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else {
    onPage();
  }
})();
