/*
 * plotly.js, loaded on demand from the site itself. The bundle a chart needs is named on its
 * <figure> (data-bundle, its address in data-bundle-src): "basic" (SVG) for most charts, "gl2d"
 * (SVG and WebGL) for very large ones. The gl2d bundle draws every chart, so once it is here (or on
 * its way) no basic bundle is loaded, and a basic bundle that arrives after it never replaces it.
 *
 * The page is passed in ({document, window, root}: the site's root address), so this module holds
 * no state of its own: each loader keeps its own.
 */

export function plotlyLoader(page) {
  const doc = page.document, win = page.window;
  const pending = {}; // bundle name -> promise of Plotly
  let bundle = null; // the bundle the loaded Plotly came from
  let plotly = null; // ... and that Plotly

  function fetchBundle(which, src) {
    if (!pending[which]) {
      pending[which] = new Promise(function (resolve, reject) {
        const tag = doc.createElement("script");
        tag.src = new URL(src, page.root).href;
        tag.async = true;
        tag.onload = function () {
          if (bundle === "gl2d" && which !== "gl2d") {
            win.Plotly = plotly; // the basic bundle ran over the gl2d one: the gl2d one stays
          } else {
            bundle = which;
            plotly = win.Plotly;
          }
          resolve(plotly);
        };
        tag.onerror = function () {
          pending[which] = null;
          reject(new Error("plotly.js did not load"));
        };
        doc.head.appendChild(tag);
      });
    }
    return pending[which];
  }

  /* A promise of the Plotly that draws the chart of <figure> `element`. */
  function load(element) {
    const which = element.getAttribute("data-bundle") === "gl2d" ? "gl2d" : "basic";
    const src = element.getAttribute("data-bundle-src");
    if (plotly && (bundle === which || bundle === "gl2d")) return Promise.resolve(plotly);
    if (which === "basic" && pending.gl2d) {
      // The gl2d bundle is on its way: it draws this chart too (the basic one only if it fails).
      return pending.gl2d.catch(function () { return fetchBundle("basic", src); });
    }
    return fetchBundle(which, src);
  }

  return {
    load: load,
    /* The bundle loaded so far ("basic", "gl2d" or null). */
    bundle: function () { return bundle; }
  };
}
