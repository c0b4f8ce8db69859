/*
 * Where things are on a chart, in pixels within its plot: the same arithmetic for the build-time
 * picture and for Plotly's chart. Pure functions of plain data (no DOM): the caller reads widths
 * and heights from the page and passes them in.
 *
 * The picture's geometry is what generator/render/picture.py writes in its data-geometry attribute:
 * {margin: {l, r, t, b}, height, axes: {x: {range, domain}, x2?: {...}}, y: [low, high], pages, kind}.
 * picture.py places a point at left + (width - left - right) * fraction across and at its y in
 * pixels of the figure's height down; scales() below must give the same (tests/test_chart_script.py
 * checks it on every fixture).
 */

/* Pixels from a marker's centre within which the pointer is on it. */
export const NEAR = 16;
/* Room kept between a label and its point, and between a label and the viewport's edge. */
export const LABEL_GAP = 14;
export const VIEW_MARGIN = 8;

/* The picture's geometry, its main axis showing `range`. */
export function pictureView(geometry, range) {
  const view = Object.assign({}, geometry);
  view.axes = Object.assign({}, geometry.axes, { x: Object.assign({}, geometry.axes.x, { range: range }) });
  return view;
}

/* The same description of Plotly's current layout (once Plotly has drawn the chart). */
export function plotlyView(layout) {
  const axes = { x: layout.xaxis };
  if (layout.xaxis2) axes.x2 = layout.xaxis2;
  return { margin: layout.margin, height: layout.height, axes: axes, y: layout.yaxis.range };
}

/* One horizontal axis: a function from data values to pixels (with .invert, .start and .size), or
   null for an axis the figure lacks. */
function horizontal(axis, left, width) {
  if (!axis || !axis.range) return null;
  const domain = axis.domain || [0, 1];
  const low = Number(axis.range[0]);
  const high = Number(axis.range[1]) !== low ? Number(axis.range[1]) : low + 1; // picture.py's _Axis
  const start = left + width * domain[0];
  const size = width * (domain[1] - domain[0]);
  const toPx = function (value) { return start + size * (Number(value) - low) / (high - low); };
  toPx.invert = function (px) { return low + (px - start) / size * (high - low); };
  toPx.start = start;
  toPx.size = size;
  return toPx;
}

/* Data values to pixels within a chart `width` pixels wide (its height from the view, else
   `fallbackHeight`), from the figure's fixed margins and the axes' ranges. */
export function scales(view, width, fallbackHeight) {
  const margin = view.margin || {};
  const left = margin.l || 0, right = margin.r || 0, top = margin.t || 0, bottom = margin.b || 0;
  const plotWidth = width - left - right;
  const plotHeight = (view.height || fallbackHeight) - top - bottom;
  const low = view.y[0], span = (view.y[1] - view.y[0]) || 1;
  return {
    x: horizontal(view.axes.x, left, plotWidth),
    x2: horizontal(view.axes.x2, left, plotWidth),
    left: left,
    right: left + plotWidth,
    width: plotWidth,
    y: function (value) { return top + plotHeight * (1 - (value - low) / span); }
  };
}

/* What tells a point from every other of its chart: its entry's anchor, and its place in the tab
   order where it has one (on Who's who an entry several sides took part in is a point in each
   side's row, with one anchor and a label of its own). Without a place (on a chart of thousands,
   whose points get no link), the anchor alone. */
export function pointKey(anchor, order) {
  return order === null || order === undefined ? anchor : anchor + " " + order;
}

/* Every point's place in pixels, and whether it is in view: on an axis the chart has, in a lane
   not hidden (`hidden`: lane -> true), and within the plot's width (a pixel of slack each side). */
export function placePoints(points, scale, hidden) {
  return points.map(function (point) {
    const toX = point.axis === "x2" ? scale.x2 : scale.x;
    const px = toX ? toX(point.x) : -1;
    const visible = !!toX && !(hidden && hidden[point.lane]) && px >= scale.left - 1 && px <= scale.right + 1;
    return { point: point, px: px, py: scale.y(point.y), visible: visible };
  });
}

/* The visible point nearest to (x, y), if one is within `near` pixels of it; else null. */
export function nearest(spots, x, y, near) {
  let best = null, bestDistance = near === undefined ? NEAR : near;
  spots.forEach(function (spot) {
    if (!spot.visible) return;
    const distance = Math.hypot(spot.px - x, spot.py - y);
    if (distance <= bestDistance) { best = spot.point; bestDistance = distance; }
  });
  return best;
}

/* Where a label `box` ({width, height}) goes for a point at `at` ({x, y}, viewport pixels), in a
   viewport `view` ({width, height}) wide and high: below the point and after it in reading order
   (to its right, or to its left when `rightToLeft`), or on the other side where there is no room;
   never past the viewport's edges. Returns {left, top}. */
export function labelPosition(at, box, view, rightToLeft) {
  return {
    left: rightToLeft ? backwards(view.width, at.x, box.width) : along(at.x, box.width, view.width),
    top: along(at.y, box.height, view.height)
  };
}

function along(point, size, room) {
  let start = point + LABEL_GAP;
  if (start + size > room - VIEW_MARGIN) start = point - LABEL_GAP - size;
  return Math.max(VIEW_MARGIN, Math.min(start, room - VIEW_MARGIN - size));
}

/* along() seen from the far edge: the label before the point where it fits. */
function backwards(width, point, size) {
  return width - along(width - point, size, width) - size;
}
