// The ticks of a dated chart as the reader zooms (explainer/ticks.js): scale.py's rules.
import assert from "node:assert/strict";
import test from "node:test";

import {
  chooseStep, compose, labelPx, newContext, ticksFor, unescapeHtml
} from "../../generator/theme/assets/javascripts/explainer/ticks.js";

const DAY = 86400;

test("a label's width is its characters' (as Python counts them), entities as one", () => {
  assert.equal(labelPx("09:00"), 5 * 7 + 8);
  assert.equal(labelPx("R&amp;D"), 3 * 7 + 8);
  assert.equal(labelPx("&lt;b&gt;"), 3 * 7 + 8);
  assert.equal(labelPx("juil.&#160;2030"), 10 * 7 + 8);
  assert.equal(labelPx("\u{1D11E}"), 1 * 7 + 8, "one character outside the BMP");
  assert.equal(unescapeHtml("&amp;lt; &eacute; &#x41;"), "&lt; &eacute; A", "unknown names stay as written");
});

test("a tick says its day or year only when it changes", () => {
  assert.ok(newContext("2030-07-19", null));
  assert.ok(!newContext("2030-07-19", "2030-07-19"));
  assert.ok(newContext("2030-07-20", "2030-07-19"));
  assert.ok(!newContext("2030", "2030-07-19"), "a year after a day of it");
  assert.ok(newContext("2031", "2030-12-31"));
  assert.ok(!newContext("", "2030"), "a tick without context");
});

test("labels are kept left to right, none touching the one before or past the edges", () => {
  const at = (x) => [x, "09:00", "", ""]; // 43 px wide: 21.5 either side
  const kept = compose([at(10), at(30), at(60), at(90), at(280), at(295)], 0, 1, 300);
  // 10 reaches past the left edge (-11.5 < -6); 60 touches 30; 295 ends past 306.
  assert.deepEqual(kept.map((t) => t[0]), [30, 90, 280]);
  // The same ticks on an axis twice as long, the view starting at 100: all but the first fit.
  const longer = compose([at(100), at(115), at(140), at(400)], 100, 2, 600);
  assert.deepEqual(longer.map((t) => t[0]), [115, 140]);
});

test("the context is said on the first label and where it changes", () => {
  const candidates = [
    [50, "09:00", "19 Jul 2030", "2030-07-19"],
    [150, "15:00", "19 Jul 2030", "2030-07-19"],
    [250, "09:00", "20 Jul 2030", "2030-07-20"]
  ];
  assert.deepEqual(compose(candidates, 0, 1, 300), [
    [50, "09:00<br>19 Jul 2030"], [150, "15:00"], [250, "09:00<br>20 Jul 2030"]
  ]);
  // Where saying it would take the first label past the edge, that label goes, and the next says it.
  const nearEdge = [[30, "09:00", "19 Jul 2030", "2030-07-19"], [150, "15:00", "19 Jul 2030", "2030-07-19"]];
  assert.deepEqual(compose(nearEdge, 0, 1, 300), [[150, "15:00<br>19 Jul 2030"]]);
});

// Ten days across 1,000 display units: weeks, days, half days, hours.
function every(units, count, name) {
  return Array.from({ length: count }, (_, i) => [i * units, name + i, "", ""]);
}
const SEGMENT = {
  first: 0, last: 10 * DAY, left: 0, right: 1000,
  levels: [
    { step: 7 * DAY, need: 60, ticks: every(700, 2, "w") },
    { step: DAY, need: 60, ticks: every(100, 11, "d") },
    { step: DAY / 2, need: 80, ticks: every(100, 11, "h") }, // (only whole days have a tick here)
    { step: DAY / 24, need: 40, ticks: every(1000 / 240, 241, "h") }
  ]
};

test("each view takes the finest step whose labels fit", () => {
  // The whole axis on 300 px: a week is 210 px, a day 30 (less than its 60).
  assert.equal(chooseStep(SEGMENT, 300, [0, 1000]), 0);
  // Five times closer: a day is 150 px, half a day 75 (less than its 80).
  assert.equal(chooseStep(SEGMENT, 300, [0, 200]), 1);
  // Closer still, half days fit but have no tick in view: the next finer step with one.
  assert.equal(chooseStep(SEGMENT, 300, [710, 790]), 3);
  assert.equal(chooseStep(SEGMENT, 300, [1200, 1300]), 2, "a view past the segment: the finest that fits");
  assert.equal(chooseStep({ ...SEGMENT, levels: [] }, 300, [0, 1000]), -1);
});

test("the whole axis shows the build's choice for a narrow or a wide chart", () => {
  const scale = { segments: [SEGMENT], narrow: [0], wide: [1], narrow_px: 300, wide_px: 900, wide_chart: 640 };
  assert.equal(ticksFor(null, [0, 1000], { full: true, chartWidth: 375, axisPx: 0 }), null);
  // On a phone, weeks on 300 px (the tick at 0 would reach past the edge: 11 px either side).
  const phone = ticksFor(scale, [0, 1000], { full: true, chartWidth: 343, axisPx: 0 });
  assert.deepEqual(phone, { values: [700], text: ["w1"] });
  // From 640 px on, days on 900 px.
  const desktop = ticksFor(scale, [0, 1000], { full: true, chartWidth: 640, axisPx: 0 });
  assert.deepEqual(desktop.values, [100, 200, 300, 400, 500, 600, 700, 800, 900]);
  assert.equal(desktop.text[0], "d1");
  // Zoomed in: the step that fits the axis as drawn, and only the ticks in view.
  const zoomedIn = ticksFor(scale, [0, 250], { full: false, chartWidth: 343, axisPx: 300 });
  assert.deepEqual(zoomedIn, { values: [100, 200], text: ["d1", "d2"] });
  const closer = ticksFor(scale, [710, 790], { full: false, chartWidth: 343, axisPx: 600 });
  assert.ok(closer.values.length > 5 && closer.values.every((x) => x >= 710 && x <= 790), closer.values);
  assert.ok(closer.text.every((t) => t.startsWith("h")), "hours");
});
