// Runs the chart script's helpers on JSON from stdin, for tests/test_chart_script.py, which compares
// them with the generator's Python (not a test itself: node --test leaves it out by its name).
//
// {"positions": [{geometry, width, points: [{x, y, axis, lane}]}]}: each point's [px, py] in the
//   picture as the script places it before Plotly takes over (the whole axis, no lane hidden).
// {"ticks": [{scale, range, chartWidth}]}: the ticks of the whole axis, {values, text}.
import { pictureView, placePoints, scales } from "../../generator/theme/assets/javascripts/explainer/geometry.js";
import { ticksFor } from "../../generator/theme/assets/javascripts/explainer/ticks.js";

function positions(chart) {
  const full = chart.geometry.axes.x.range.map(Number);
  const scale = scales(pictureView(chart.geometry, full), chart.width, chart.geometry.height);
  const points = chart.points.map((p) => ({ x: Number(p.x), y: Number(p.y), axis: p.axis || "x", lane: Number(p.lane) }));
  return placePoints(points, scale, {}).map((spot) => [spot.px, spot.py]);
}

function ticks(chart) {
  return ticksFor(chart.scale, chart.range.map(Number), { full: true, chartWidth: chart.chartWidth, axisPx: 0 });
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const asked = JSON.parse(input);
  process.stdout.write(JSON.stringify({
    positions: (asked.positions || []).map(positions),
    ticks: (asked.ticks || []).map(ticks)
  }));
});
