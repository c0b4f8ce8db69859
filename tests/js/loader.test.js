// plotly.js loaded on demand (explainer/loader.js), on a page of our own making: the script tags it
// adds are recorded, and each bundle "runs" when the test says so (it sets window.Plotly, then the
// tag's load event fires), in whatever order a slow network would.
import assert from "node:assert/strict";
import test from "node:test";

import { plotlyLoader } from "../../generator/theme/assets/javascripts/explainer/loader.js";

const ROOT = "https://news.example/strike/";
const BASIC = { name: "plotly.js basic" };
const GL2D = { name: "plotly.js gl2d" };

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
function chart(bundle) {
  const attributes = { "data-bundle": bundle, "data-bundle-src": `assets/javascripts/vendor/plotly-${bundle}.min.js` };
  return { getAttribute: (name) => (name in attributes ? attributes[name] : null) };
}

function arrives(page, tag, plotly) {
  page.win.Plotly = plotly; // what the bundle's code does when it runs
  tag.onload();
}

test("a chart's bundle is loaded once, from the site, asynchronously", async () => {
  const page = fakePage();
  const first = page.loader.load(chart("basic"));
  const second = page.loader.load(chart("basic"));
  assert.equal(page.tags.length, 1);
  assert.equal(page.tags[0].src, ROOT + "assets/javascripts/vendor/plotly-basic.min.js");
  assert.equal(page.tags[0].async, true);
  arrives(page, page.tags[0], BASIC);
  assert.equal(await first, BASIC);
  assert.equal(await second, BASIC);
  assert.equal(await page.loader.load(chart("basic")), BASIC);
  assert.equal(page.tags.length, 1, "no second request");
  assert.equal(page.loader.bundle(), "basic");
});

test("once the gl2d bundle is here, a basic chart is drawn with it: no basic bundle loads over it", async () => {
  const page = fakePage();
  const large = page.loader.load(chart("gl2d"));
  arrives(page, page.tags[0], GL2D);
  assert.equal(await large, GL2D);
  // Later (after the page's load event, say) a basic chart is zoomed.
  assert.equal(await page.loader.load(chart("basic")), GL2D);
  assert.equal(page.tags.length, 1, "the basic bundle was never asked for");
  assert.equal(page.win.Plotly, GL2D);
  assert.equal(page.loader.bundle(), "gl2d");
});

test("a basic chart zoomed while the gl2d bundle loads waits for it", async () => {
  const page = fakePage();
  const large = page.loader.load(chart("gl2d"));
  const small = page.loader.load(chart("basic"));
  assert.equal(page.tags.length, 1);
  arrives(page, page.tags[0], GL2D);
  assert.equal(await large, GL2D);
  assert.equal(await small, GL2D);
});

test("a basic bundle that arrives after the gl2d one does not replace it", async () => {
  const page = fakePage();
  const small = page.loader.load(chart("basic")); // on its way first...
  const large = page.loader.load(chart("gl2d"));
  assert.equal(page.tags.length, 2);
  const [basicTag, gl2dTag] = page.tags;
  arrives(page, gl2dTag, GL2D); // ... but the gl2d bundle runs first
  arrives(page, basicTag, BASIC);
  assert.equal(await large, GL2D);
  assert.equal(await small, GL2D);
  assert.equal(page.win.Plotly, GL2D, "window.Plotly is the gl2d bundle's again");
  assert.equal(page.loader.bundle(), "gl2d");
  assert.equal(await page.loader.load(chart("gl2d")), GL2D);
  assert.equal(page.tags.length, 2);
});

test("a basic bundle loaded first is replaced by the gl2d one when a large chart needs it", async () => {
  const page = fakePage();
  const small = page.loader.load(chart("basic"));
  arrives(page, page.tags[0], BASIC);
  assert.equal(await small, BASIC);
  const large = page.loader.load(chart("gl2d"));
  assert.equal(page.tags.length, 2);
  arrives(page, page.tags[1], GL2D);
  assert.equal(await large, GL2D);
  assert.equal(await page.loader.load(chart("basic")), GL2D, "and it draws the basic charts from then on");
  assert.equal(page.tags.length, 2);
});

test("a bundle that fails to load is asked for again next time", async () => {
  const page = fakePage();
  const failed = page.loader.load(chart("basic"));
  page.tags[0].onerror();
  await assert.rejects(failed, /plotly.js did not load/);
  const again = page.loader.load(chart("basic"));
  assert.equal(page.tags.length, 2);
  arrives(page, page.tags[1], BASIC);
  assert.equal(await again, BASIC);
});

test("a basic chart waiting for a gl2d bundle that fails loads its own", async () => {
  const page = fakePage();
  const large = page.loader.load(chart("gl2d"));
  const small = page.loader.load(chart("basic"));
  page.tags[0].onerror();
  await assert.rejects(large);
  await new Promise((resolve) => setImmediate(resolve)); // the basic chart asks for its own bundle
  assert.equal(page.tags.length, 2);
  assert.equal(page.tags[1].src, ROOT + "assets/javascripts/vendor/plotly-basic.min.js");
  arrives(page, page.tags[1], BASIC);
  assert.equal(await small, BASIC);
});
