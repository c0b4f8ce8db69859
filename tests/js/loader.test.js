// plotly.js loaded on demand (explainer/loader.js), on a page of our own making: the script tags it
// adds are recorded, and the bundle "runs" when the test says so (it sets window.Plotly, then the
// tag's load event fires), as late as a slow network would.
import assert from "node:assert/strict";
import test from "node:test";

import { plotlyLoader } from "../../generator/theme/assets/javascripts/explainer/loader.js";

const ROOT = "https://news.example/strike/";
const SRC = "assets/javascripts/vendor/plotly-basic.min.js";
const PLOTLY = { name: "plotly.js basic" };

function fakePage() {
  const tags = [];
  const win = {};
  const doc = {
    createElement: (name) => ({ nodeName: name.toUpperCase() }),
    head: { appendChild: (tag) => { tags.push(tag); return tag; } }
  };
  return { tags, win, loader: plotlyLoader({ document: doc, window: win, root: ROOT }) };
}

// A chart's <figure>, as the page writes it.
function chart() {
  const attributes = { "data-bundle-src": SRC };
  return { getAttribute: (name) => (name in attributes ? attributes[name] : null) };
}

function arrives(page, tag, plotly) {
  page.win.Plotly = plotly; // what the bundle's code does when it runs
  tag.onload();
}

test("plotly.js is loaded once, from the site, asynchronously", async () => {
  const page = fakePage();
  const first = page.loader.load(chart());
  const second = page.loader.load(chart());
  assert.equal(page.tags.length, 1);
  assert.equal(page.tags[0].src, ROOT + SRC);
  assert.equal(page.tags[0].async, true);
  arrives(page, page.tags[0], PLOTLY);
  assert.equal(await first, PLOTLY);
  assert.equal(await second, PLOTLY);
  assert.equal(await page.loader.load(chart()), PLOTLY);
  assert.equal(page.tags.length, 1, "no second request");
});

test("every chart of a page waits for the one load, however many ask while it is on its way", async () => {
  const page = fakePage();
  const waiting = [chart(), chart(), chart()].map((element) => page.loader.load(element));
  assert.equal(page.tags.length, 1);
  arrives(page, page.tags[0], PLOTLY);
  for (const plotly of await Promise.all(waiting)) assert.equal(plotly, PLOTLY);
  // Later (after the page's load event, say) another chart is zoomed: drawn with the same Plotly.
  assert.equal(await page.loader.load(chart()), PLOTLY);
  assert.equal(page.tags.length, 1);
});

test("a bundle that fails to load is asked for again next time", async () => {
  const page = fakePage();
  const failed = page.loader.load(chart());
  const waiting = page.loader.load(chart());
  page.tags[0].onerror();
  await assert.rejects(failed, /plotly.js did not load/);
  await assert.rejects(waiting, /plotly.js did not load/, "every chart waiting for it hears of the failure");
  const again = page.loader.load(chart());
  assert.equal(page.tags.length, 2);
  assert.equal(page.tags[1].src, ROOT + SRC);
  arrives(page, page.tags[1], PLOTLY);
  assert.equal(await again, PLOTLY);
});

test("a script that runs but defines no Plotly counts as a failed load", async () => {
  const page = fakePage();
  const failed = page.loader.load(chart());
  page.tags[0].onload(); // a file that is not plotly.js, or one the browser would not run
  await assert.rejects(failed, /plotly.js did not load/);
  const again = page.loader.load(chart());
  assert.equal(page.tags.length, 2);
  arrives(page, page.tags[1], PLOTLY);
  assert.equal(await again, PLOTLY);
});

test("each loader keeps its own state", async () => {
  const one = fakePage();
  const other = fakePage();
  const loading = one.loader.load(chart());
  other.loader.load(chart());
  assert.equal(one.tags.length, 1);
  assert.equal(other.tags.length, 1, "the other page asks for its own");
  arrives(one, one.tags[0], PLOTLY);
  assert.equal(await loading, PLOTLY);
});
