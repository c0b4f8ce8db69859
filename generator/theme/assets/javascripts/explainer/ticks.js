/*
 * The ticks of a dated chart as the reader zooms: generator/render/scale.py's rules, on the ladder
 * of ticks it wrote into the figure (layout.meta.scale). Pure functions of plain data (no DOM).
 *
 * scale: {segments: [{first, last, left, right, levels: [{step, need, ticks: [[x, words, context,
 * key]]}]}], narrow, wide (each segment's level for a first view), narrow_px, wide_px, wide_chart}.
 * Words are HTML-escaped text (Plotly reads tick labels as HTML); "<br>" breaks a label's lines.
 */

/* charts.CHAR_PX: about how wide a character of the charts' text is. */
export const CHAR_PX = 7;
/* scale.EDGE_PX: how far a tick label may reach past either end of the axis. */
export const EDGE_PX = 6;

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };

/* A label's text from its escaped HTML (the entities html.escape writes, and numeric ones). */
export function unescapeHtml(html) {
  return String(html).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (entity, name) {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const found = ENTITIES[name.toLowerCase()];
    return found === undefined ? entity : found;
  });
}

/* scale.label_px: about how wide a line of a label is drawn, with a little room either side
   (characters counted as Python counts them). */
export function labelPx(html) {
  return Array.from(unescapeHtml(html)).length * CHAR_PX + 8;
}

/* scale.new_context: whether a tick's context (its day, its year) must be said, after `before`. */
export function newContext(key, before) {
  return !!key && (before || "").indexOf(key) !== 0;
}

/* scale.compose: tick labels left to right (`candidates`: [x, words, context, key], the view
   starting at `start`, `perUnit` pixels per unit, `axisPx` long): none past the edges or touching
   the one before, then the context on the first and wherever it changes. [[x, text]]. */
export function compose(candidates, start, perUnit, axisPx) {
  function fits(x, text, after) {
    const half = Math.max.apply(null, text.split("<br>").map(labelPx)) / 2;
    const at = (x - start) * perUnit;
    return { ok: at - half >= after && at + half <= axisPx + EDGE_PX, right: at + half };
  }
  const spaced = [];
  let end = -EDGE_PX;
  candidates.forEach(function (tick) {
    const f = fits(tick[0], tick[1], end);
    if (f.ok) { spaced.push(tick); end = f.right; }
  });
  const kept = [];
  let before = null;
  end = -EDGE_PX;
  spaced.forEach(function (tick) {
    const text = newContext(tick[3], before) ? tick[1] + "<br>" + tick[2] : tick[1];
    const f = fits(tick[0], text, end);
    if (f.ok) { kept.push([tick[0], text]); end = f.right; before = tick[3] || before; }
  });
  return kept;
}

/* scale.choose, for a view of `range` on an axis `axisPx` long: the finest level of `segment`
   whose labels fit, or a finer one where those have no tick in view (-1: the segment has none). */
export function chooseStep(segment, axisPx, range) {
  if (!segment.levels.length) return -1;
  const density = (segment.right - segment.left) / (range[1] - range[0]) * axisPx / ((segment.last - segment.first) || 1);
  let chosen = -1;
  segment.levels.forEach(function (level, i) { if (level.step * density >= level.need) chosen = i; });
  const low = Math.max(range[0], segment.left), high = Math.min(range[1], segment.right);
  if (low > high) return Math.max(chosen, 0);
  for (let i = Math.max(chosen, 0); i < segment.levels.length; i++) {
    const ticks = segment.levels[i].ticks;
    for (let j = 0; j < ticks.length; j++) if (ticks[j][0] >= low && ticks[j][0] <= high) return i;
  }
  return Math.max(chosen, 0);
}

/* The ticks a view of `range` shows: {values, text} for Plotly's tickvals and ticktext, or null
   for a chart without a time scale. The whole axis (`view.full`) shows the build's choice for a
   narrow or a wide chart (by `view.chartWidth`, the chart's width), as the picture does; any
   other view the finest that fits its axis, `view.axisPx` long. */
export function ticksFor(scale, range, view) {
  if (!scale) return null;
  const wide = view.chartWidth >= scale.wide_chart;
  const axisPx = view.full ? (wide ? scale.wide_px : scale.narrow_px) : view.axisPx;
  const choice = view.full ? (wide ? scale.wide : scale.narrow)
    : scale.segments.map(function (segment) { return chooseStep(segment, axisPx, range); });
  const candidates = [];
  scale.segments.forEach(function (segment, n) {
    const level = segment.levels[choice[n]];
    if (!level) return;
    level.ticks.forEach(function (tick) {
      if (tick[0] >= segment.left && tick[0] <= segment.right) candidates.push(tick);
    });
  });
  const shown = compose(candidates, range[0], axisPx / (range[1] - range[0]), axisPx);
  return { values: shown.map(function (t) { return t[0]; }), text: shown.map(function (t) { return t[1]; }) };
}
