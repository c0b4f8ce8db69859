// Where a chart's point leads (explainer/targets.js).
import assert from "node:assert/strict";
import test from "node:test";

import { isAnchor, linksTo, pageAddress, targetOf } from "../../generator/theme/assets/javascripts/explainer/targets.js";

const ROOT = "https://news.example/strike/";

function link(href, inChart = false) {
  return { href: new URL(href, ROOT + "actors/").href, inChart, getAttribute: (name) => (name === "href" ? href : null) };
}

// A page: elements by id, its article's links, and which of them the chart holds.
function page({ ids = {}, links = [], pages = ["timeline/", "timeline/page-2/"] } = {}) {
  return {
    byId: (id) => ids[id] || null,
    links: () => links,
    contains: (node) => !!node.inChart,
    pages,
    root: ROOT
  };
}

test("only the generator's ids are followed", () => {
  assert.ok(isAnchor("event-2030-strike-1"));
  for (const bad of ["", "Event", "a b", "x\"y", "javascript:alert(1)", null]) assert.ok(!isAnchor(bad), bad);
  assert.equal(targetOf({ anchor: "../x", page: 0 }, page()), null);
});

test("an entry on this page is the target itself", () => {
  const entry = { id: "event-1" };
  assert.deepEqual(targetOf({ anchor: "event-1", page: 0 }, page({ ids: { "event-1": entry } })),
                   { href: "#event-1", here: entry });
});

test("an element in the chart is not the entry: a link on the page to it is", () => {
  const inChart = { id: "event-1", inChart: true };
  const found = targetOf({ anchor: "event-1", page: 0 },
                         page({ ids: { "event-1": inChart },
                                links: [link("../timeline/#event-10"), link("../timeline/#event-1", true),
                                        link("../timeline/#event-1")] }));
  assert.deepEqual(found, { href: ROOT + "timeline/#event-1", here: null });
});

test("else the entry's place in the timeline's list", () => {
  assert.deepEqual(targetOf({ anchor: "event-7", page: 1 }, page()),
                   { href: ROOT + "timeline/page-2/#event-7", here: null });
  assert.equal(targetOf({ anchor: "event-7", page: 5 }, page()), null, "a page the figure does not name");
  assert.equal(pageAddress(undefined, 0, "event-7", ROOT), null);
});

test("a link leads to an anchor only when its address ends with it", () => {
  assert.ok(linksTo("../timeline/#event-1", "event-1"));
  assert.ok(!linksTo("../timeline/#event-11", "event-1"));
  assert.ok(!linksTo("../timeline/#xevent-1", "event-1"));
  assert.ok(!linksTo(null, "event-1"));
});
