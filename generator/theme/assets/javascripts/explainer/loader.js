/*
 * plotly.js, loaded on demand from the site itself: one bundle (its address on each chart's
 * <figure>, data-bundle-src) draws every chart, in SVG. It is asked for once, by the first chart
 * that needs it, and every chart waits for that one load; a load that fails (or a script that
 * defines no Plotly) is asked for again by the next chart that needs it.
 *
 * The page is passed in ({document, window, root}: the site's root address), so this module holds
 * no state of its own: each loader keeps its own.
 */

export function plotlyLoader(page) {
  const doc = page.document, win = page.window;
  let pending = null; // the promise of Plotly every chart shares

  /* A promise of the Plotly that draws the chart of <figure> `element`. */
  function load(element) {
    if (!pending) {
      pending = new Promise(function (resolve, reject) {
        const tag = doc.createElement("script");
        const failed = function () {
          pending = null;
          reject(new Error("plotly.js did not load"));
        };
        tag.src = new URL(element.getAttribute("data-bundle-src"), page.root).href;
        tag.async = true;
        tag.onload = function () {
          if (win.Plotly) resolve(win.Plotly);
          else failed();
        };
        tag.onerror = failed;
        doc.head.appendChild(tag);
      });
    }
    return pending;
  }

  return { load: load };
}
