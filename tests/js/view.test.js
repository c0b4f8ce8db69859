// Zoom, pan and the limits of every view (explainer/view.js).
import assert from "node:assert/strict";
import test from "node:test";

import {
  clamp, isFull, limits, panned, zoomCentre, zoomed, ZOOM_STEP
} from "../../generator/theme/assets/javascripts/explainer/view.js";

const FULL = [0, 1000];

function close(actual, expected) {
  assert.equal(actual.length, expected.length);
  actual.forEach((value, i) => assert.ok(Math.abs(value - expected[i]) < 1e-9, `${actual} != ${expected}`));
}

test("a dated chart zooms in to a 2,000th of its axis, another to a row and a half", () => {
  assert.deepEqual(limits(FULL, "dated"), { low: -50, high: 1050, least: 0.5, most: 1100 });
  assert.deepEqual(limits([-0.5, 3.5], ""), { low: -0.7, high: 3.7, least: 1.5, most: 4.4 });
  assert.equal(limits([0, 1], "").least, 1, "never narrower than the whole of a short axis");
});

test("a view is clamped within the limits, around its middle", () => {
  close(clamp([100, 300], FULL, "dated"), [100, 300]);
  close(clamp([400, 400.1], FULL, "dated"), [399.8, 400.3]); // widened to the least, same middle
  close(clamp([-2000, 3000], FULL, "dated"), [-50, 1050]); // narrowed to the most, then inside the ends
  close(clamp([-200, 100], FULL, "dated"), [-50, 250]); // moved back inside the low end, same width
  close(clamp([900, 1200], FULL, "dated"), [750, 1050]);
  close(clamp([1.5, 1.6], [-0.5, 3.5], ""), [0.8, 2.3]);
});

test("a clamped view never leaves the limits, whatever is asked", () => {
  for (const low of [-5000, -60, 0, 499, 999, 1049, 5000]) {
    for (const width of [0, 0.1, 10, 900, 1099, 1101, 10000]) {
      const [a, b] = clamp([low, low + width], FULL, "dated");
      assert.ok(a >= -50 && b <= 1050 && b - a >= 0.5 - 1e-9 && b - a <= 1100 + 1e-9, `${low} ${width}: ${a} ${b}`);
    }
  }
});

test("a zoom without a pointer centres on the entries in view", () => {
  assert.equal(zoomCentre([120, 80, 300], FULL), 190);
  assert.equal(zoomCentre([], [200, 400]), 300, "no entry in view: the view's middle");
  close(zoomed(FULL, 1 / ZOOM_STEP, 190), [95, 595]);
  close(zoomed([95, 595], ZOOM_STEP, 190), FULL);
});

test("the value under the pointer stays put as the view zooms", () => {
  const range = [200, 600];
  const at = 300; // a quarter of the way across
  for (const factor of [0.5, 0.9, 1.5, 3]) {
    const [a, b] = zoomed(range, factor, at);
    assert.ok(Math.abs((at - a) / (b - a) - 0.25) < 1e-12);
    assert.ok(Math.abs((b - a) - 400 * factor) < 1e-9);
  }
});

test("a drag pans the view with the content, at the axis's scale", () => {
  close(panned([200, 600], 100, 400), [100, 500]); // 100 px right on 400 px of 400 units: 100 earlier
  close(panned([200, 600], -50, 200), [300, 700]);
  close(panned([0, 10], 0, 300), [0, 10]);
});

test("the whole axis is told from a view of it", () => {
  assert.ok(isFull([0, 1000], FULL));
  assert.ok(!isFull([0, 999], FULL));
});
