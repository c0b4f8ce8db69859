// The chart script's coordinates (explainer/geometry.js): data values to pixels, points in view,
// the point under the pointer and where the label goes.
import assert from "node:assert/strict";
import test from "node:test";

import {
  labelPosition, nearest, pictureView, placePoints, plotlyView, pointKey, scales
} from "../../generator/theme/assets/javascripts/explainer/geometry.js";

// A timeline's picture: 40 px for lane names on the left, 10 on the right, an undated band (x2) in
// the last fifth, two lanes.
const GEOMETRY = {
  margin: { l: 40, r: 10, t: 44, b: 50 }, height: 294,
  axes: { x: { range: [0, 1000], domain: [0, 0.8] }, x2: { range: [0, 4], domain: [0.85, 1] } },
  y: [-0.5, 1.5], pages: ["timeline/"], kind: "dated"
};

test("data values map to pixels from the margins, the domain and the range", () => {
  const scale = scales(GEOMETRY, 550, 999);
  // The plot is 550 - 40 - 10 = 500 px wide; x takes its first 80%.
  assert.equal(scale.left, 40);
  assert.equal(scale.right, 540);
  assert.equal(scale.width, 500);
  assert.equal(scale.x(0), 40);
  assert.equal(scale.x(1000), 440);
  assert.equal(scale.x(250), 140);
  assert.equal(scale.x.start, 40);
  assert.equal(scale.x.size, 400);
  // x2, the undated band: from 85% to 100% of the plot.
  assert.equal(scale.x2(0), 465);
  assert.equal(scale.x2(4), 540);
  // y: the figure's height (not the fallback) less its top and bottom margins, upwards.
  assert.equal(scale.y(1.5), 44);
  assert.equal(scale.y(-0.5), 244);
  assert.equal(scale.y(0.5), 144);
});

test("a pixel maps back to the value under it", () => {
  const scale = scales(GEOMETRY, 1000, 0);
  for (const value of [0, 123.25, 999]) assert.ok(Math.abs(scale.x.invert(scale.x(value)) - value) < 1e-9);
});

test("ranges and heights may be strings or missing, as in Plotly's layout", () => {
  const view = plotlyView({
    margin: { l: 10, r: 10, t: 0, b: 0 }, xaxis: { range: ["0", "10"] }, yaxis: { range: [0, 1] }
  });
  const scale = scales(view, 120, 200); // no height in the layout: the plot's own
  assert.equal(scale.x(5), 60);
  assert.equal(scale.x2, null, "no second axis");
  assert.equal(scale.y(0), 200);
  assert.equal(scale.y(1), 0);
});

test("a view of the picture changes only its main axis's range", () => {
  const view = pictureView(GEOMETRY, [500, 1000]);
  assert.deepEqual(view.axes.x.range, [500, 1000]);
  assert.deepEqual(view.axes.x.domain, [0, 0.8]);
  assert.deepEqual(GEOMETRY.axes.x.range, [0, 1000], "the picture's own geometry is left as it was");
  assert.equal(scales(view, 550, 0).x(750), 240);
});

test("points are in view on their axis, in a shown lane, within the plot", () => {
  const points = [
    { key: "a", axis: "x", x: 100, y: 0, lane: 0 },
    { key: "b", axis: "x", x: 900, y: 1, lane: 1 },
    { key: "c", axis: "x2", x: 2, y: 1, lane: 1 },
    { key: "d", axis: "x", x: 1200, y: 0, lane: 0 } // past the view's end
  ];
  const scale = scales(pictureView(GEOMETRY, [0, 1000]), 550, 0);
  const spots = placePoints(points, scale, {});
  assert.deepEqual(spots.map((s) => [s.point.key, s.px, s.py, s.visible]), [
    ["a", 80, 194, true], ["b", 400, 94, true], ["c", 502.5, 94, true], ["d", 520, 194, true]
  ]);
  // Zoomed in on the first half, "b" and "d" are out of view; "a" is not when its lane is hidden.
  const zoomedIn = scales(pictureView(GEOMETRY, [0, 500]), 550, 0);
  const shown = placePoints(points, zoomedIn, { 0: true }).filter((s) => s.visible).map((s) => s.point.key);
  assert.deepEqual(shown, ["c"]);
  // Without an x2 axis, an undated point has no place.
  const single = scales({ margin: {}, axes: { x: { range: [0, 1] } }, y: [0, 1], height: 100 }, 100, 0);
  assert.deepEqual(placePoints([points[2]], single, {}).map((s) => [s.px, s.visible]), [[-1, false]]);
});

test("the pointer is on the nearest visible point within 16 pixels", () => {
  const spots = [
    { point: "far", px: 100, py: 100, visible: true },
    { point: "near", px: 110, py: 100, visible: true },
    { point: "hidden", px: 104, py: 100, visible: false }
  ];
  assert.equal(nearest(spots, 105, 100), "near");
  assert.equal(nearest(spots, 100, 100), "far");
  assert.equal(nearest(spots, 126, 100), "near", "16 pixels away");
  assert.equal(nearest(spots, 127, 100), null, "17 pixels away");
  assert.equal(nearest(spots, 104, 100, 1), null);
});

test("the label sits below and right of its point, and flips near the viewport's edges", () => {
  const view = { width: 375, height: 740 };
  const box = { width: 200, height: 80 };
  assert.deepEqual(labelPosition({ x: 50, y: 50 }, box, view), { left: 64, top: 64 });
  // Near the right edge it goes to the left of the point, near the bottom above it.
  assert.deepEqual(labelPosition({ x: 300, y: 700 }, box, view), { left: 86, top: 606 });
  // Too wide for either side: kept 8 px inside the viewport.
  assert.deepEqual(labelPosition({ x: 180, y: 50 }, { width: 300, height: 80 }, view), { left: 8, top: 64 });
  // Wider than the viewport allows: its start is what stays in view.
  assert.deepEqual(labelPosition({ x: 10, y: 50 }, { width: 370, height: 80 }, view), { left: 8, top: 64 });
  // A point off the top of the viewport: the label stays inside it.
  assert.deepEqual(labelPosition({ x: 50, y: -40 }, box, view), { left: 64, top: 8 });
});

test("right to left, the label sits below and left of its point, and flips near the left edge", () => {
  const view = { width: 375, height: 740 };
  const box = { width: 200, height: 80 };
  assert.deepEqual(labelPosition({ x: 300, y: 50 }, box, view, true), { left: 86, top: 64 });
  assert.deepEqual(labelPosition({ x: 50, y: 50 }, box, view, true), { left: 64, top: 64 });
  assert.deepEqual(labelPosition({ x: 180, y: 50 }, { width: 300, height: 80 }, view, true), { left: 67, top: 64 });
});

test("every label stays inside the viewport wherever its point is", () => {
  const view = { width: 375, height: 740 };
  const box = { width: 220, height: 120 };
  for (let x = -20; x <= 395; x += 5) {
    for (let y = -20; y <= 760; y += 20) {
      const at = labelPosition({ x, y }, box, view);
      assert.ok(at.left >= 8 && at.left + box.width <= view.width - 8, `x=${x}: ${at.left}`);
      assert.ok(at.top >= 8 && at.top + box.height <= view.height - 8, `y=${y}: ${at.top}`);
    }
  }
});

test("each point has a key of its own, though an entry is a point in several sides' rows", () => {
  // Who's who: the inspection both sides took part in, in each side's row (tab places 100004, 300004).
  const keys = [["event-inspection-done", 100004], ["event-inspection-done", 300004], ["event-bridge-closed", 100003]]
    .map(([anchor, order]) => pointKey(anchor, order));
  assert.equal(new Set(keys).size, 3);
  assert.equal(pointKey("event-inspection-done", null), "event-inspection-done"); // no link: the anchor alone
});
