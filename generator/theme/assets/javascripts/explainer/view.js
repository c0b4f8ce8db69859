/*
 * Which stretch of the main axis a chart shows: zoom, pan and the limits every view keeps to.
 * Ranges are [low, high] in the axis's units (display units on a dated chart, see scale.py).
 * Pure functions of plain data (no DOM).
 */

/* How much one click on "Zoom in" or "Zoom out" narrows or widens the view. */
export const ZOOM_STEP = 2;

/* The views allowed on a chart whose whole axis is `full`: at most 5% past either end, no wider
   than 110% of it, and no narrower than a 2,000th of it on a dated chart (`kind` "dated"), or a
   span of 1.5 (one and a half rows) on another. */
export function limits(full, kind) {
  const span = full[1] - full[0];
  return {
    low: full[0] - span * 0.05,
    high: full[1] + span * 0.05,
    least: kind === "dated" ? span / 2000 : Math.min(span, 1.5),
    most: span * 1.1
  };
}

/* `range` made allowed: its width within the limits, around the same middle, then moved back
   inside the ends (never past them). */
export function clamp(range, full, kind) {
  const limit = limits(full, kind);
  const width = Math.max(limit.least, Math.min(limit.most, range[1] - range[0]));
  const middle = (range[0] + range[1]) / 2;
  let low = middle - width / 2, high = middle + width / 2;
  if (low < limit.low) { high += limit.low - low; low = limit.low; }
  if (high > limit.high) { low -= high - limit.high; high = limit.high; }
  return [Math.max(low, limit.low), Math.min(high, limit.high)];
}

/* Where a zoom without a pointer centres: the middle of the entries in view (their values `xs`),
   or the middle of the view when none is. */
export function zoomCentre(xs, range) {
  if (!xs.length) return (range[0] + range[1]) / 2;
  return (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
}

/* `range` zoomed by `factor` (below 1: in) around `centre`, which stays where it is on screen. */
export function zoomed(range, factor, centre) {
  return [centre - (centre - range[0]) * factor, centre + (range[1] - centre) * factor];
}

/* `range` moved by a drag of `pixels` (to the right: earlier values come into view) on an axis
   `axisPx` pixels long. */
export function panned(range, pixels, axisPx) {
  const shift = -pixels / axisPx * (range[1] - range[0]);
  return [range[0] + shift, range[1] + shift];
}

/* Whether `range` is the whole axis. */
export function isFull(range, full) {
  return range[0] === full[0] && range[1] === full[1];
}
