// Sweep page: without ?id lists the sweeps; with ?id shows the sweep's results table
// (one row per setting and head, "mean ± std" per column), one chart per axis of each
// column's mean against the axis values with ±std bars, and the sweep's runs.
'use strict';

const sweepId = queryParam('id');

/** A setting value as text (numbers, strings, booleans, or JSON for anything else). */
function settingText(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function meanStd(cell) {
  if (!cell || !isNum(cell.mean)) return '';
  return isNum(cell.std) ? `${cell.mean.toFixed(1)} ± ${cell.std.toFixed(1)}` : cell.mean.toFixed(1);
}

// ---- list of sweeps -------------------------------------------------------

async function showList() {
  document.getElementById('sweep-list').hidden = false;
  const reply = await fetchJson('/api/sweeps');
  const sweeps = Array.isArray(reply.sweeps) ? reply.sweeps : [];
  const body = document.querySelector('#sweeps tbody');
  if (sweeps.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { class: 'empty', colspan: 4 }, 'No sweeps yet.')));
    return;
  }
  body.replaceChildren(...sweeps.map(s => el('tr', { 'data-sweep-id': s.sweepId },
    el('td', {}, el('a', { href: `/sweep?id=${encodeURIComponent(s.sweepId)}` }, s.sweepId)),
    el('td', {}, (s.axes || []).join(', ')),
    el('td', { class: 'num' }, String(s.runs ?? '')),
    el('td', {}, formatDate(s.createdAt)))));
}

// ---- one sweep ------------------------------------------------------------

function renderTable(sweep) {
  const axes = sweep.axes || [];
  const columns = sweep.columns || [];
  const table = document.getElementById('sweep');
  table.tHead.replaceChildren(el('tr', {},
    ...axes.map(a => el('th', {}, a)),
    el('th', {}, 'head'),
    el('th', { class: 'num' }, 'n'),
    ...columns.map(c => el('th', { class: 'num' }, c))));
  const rows = sweep.rows || [];
  if (rows.length === 0) {
    table.tBodies[0].replaceChildren(el('tr', {},
      el('td', { class: 'empty', colspan: axes.length + 2 + columns.length }, 'No finished runs yet.')));
    return;
  }
  table.tBodies[0].replaceChildren(...rows.map(row => el('tr', {},
    ...axes.map(a => el('td', { 'data-col': a }, settingText((row.setting || {})[a]))),
    el('td', { 'data-col': 'head' }, row.head ?? ''),
    el('td', { 'data-col': 'n', class: 'num' }, String(row.n ?? '')),
    ...columns.map(c => el('td', { 'data-col': c, class: 'num' }, meanStd((row.values || {})[c]))))));
}

/** The axis's distinct values, numerically sorted when all are numbers, else in first-seen order. */
function axisValues(rows, axis) {
  const values = [];
  for (const row of rows) {
    const v = (row.setting || {})[axis];
    if (!values.some(x => settingText(x) === settingText(v))) values.push(v);
  }
  if (values.every(v => isNum(v))) values.sort((a, b) => a - b);
  return values;
}

function average(list) {
  const nums = list.filter(isNum);
  return nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null;
}

/** For one axis: per column, the mean (and std) at each axis value over the given rows. */
function axisSeries(rows, axis, values, columns) {
  const labels = values.map(settingText);
  return columns.map(column => {
    const means = [];
    const stds = [];
    for (const label of labels) {
      const cells = rows.filter(r => settingText((r.setting || {})[axis]) === label)
        .map(r => (r.values || {})[column]).filter(Boolean);
      means.push(average(cells.map(c => c.mean)));
      stds.push(average(cells.map(c => c.std)));
    }
    return { label: column, values: means, errors: stds };
  });
}

function renderAxisCharts(sweep) {
  const axes = sweep.axes || [];
  const columns = sweep.columns || [];
  const allRows = sweep.rows || [];
  const head = allRows.length ? allRows[0].head : null;
  const rows = allRows.filter(r => r.head === head);
  const heads = new Set(allRows.map(r => r.head));
  const notes = [];
  if (heads.size > 1) notes.push(`Charts show head ${head}.`);
  if (axes.length > 1) notes.push('Each point averages the settings of the other axes; bars show ± the mean std.');
  else notes.push('Bars show ± std.');
  document.getElementById('axis-note').textContent = notes.join(' ');

  const holder = document.getElementById('axis-charts');
  const divs = axes.map((_, i) => el('div', { class: 'chart', id: `chart-axis-${i}` }));
  holder.replaceChildren(...divs);
  axes.forEach((axis, i) => {
    const values = axisValues(rows, axis);
    chart(divs[i], {
      title: head === null || head === undefined ? axis : `${axis} · ${head}`,
      xLabel: axis,
      yLabel: '%',
      x: values.map((_, j) => j),
      xTicks: values.map(settingText),
      points: true,
      lines: values.every(v => isNum(v)),
      series: axisSeries(rows, axis, values, columns),
    });
  });
}

function renderRuns(runs) {
  const body = document.querySelector('#sweep-runs tbody');
  if (runs.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { class: 'empty', colspan: 6 }, 'No runs.')));
    return;
  }
  body.replaceChildren(...runs.map(run => el('tr', { 'data-run-id': run.runId },
    el('td', { 'data-col': 'run' }, runLink(run.runId)),
    el('td', { 'data-col': 'status' }, statusBadge(run.status, run.liveStatus)),
    el('td', { 'data-col': 'loss' }, run.loss || ''),
    el('td', { 'data-col': 'iterations', class: 'num' }, formatIterations(run)),
    el('td', { 'data-col': 'recall-at-1', class: 'num' }, formatPercent(run.bestRecallAt1)),
    el('td', { 'data-col': 'map-at-r', class: 'num' }, formatPercent(run.bestMapAtR)))));
}

async function showSweep() {
  document.getElementById('sweep-id').textContent = sweepId;
  document.getElementById('sweep-runs-link').href = `/?sweep=${encodeURIComponent(sweepId)}`;
  const sweep = await fetchJson(`/api/sweeps/${encodeURIComponent(sweepId)}`);
  const runs = Array.isArray(sweep.runs) ? sweep.runs : [];
  const compare = document.getElementById('sweep-compare-link');
  compare.href = `/compare?ids=${runs.map(r => encodeURIComponent(r.runId)).join(',')}`;
  compare.hidden = runs.length === 0;
  document.getElementById('sweep-detail').hidden = false;
  renderTable(sweep);
  renderAxisCharts(sweep);
  renderRuns(runs);
}

document.addEventListener('DOMContentLoaded', () => guarded(sweepId ? showSweep : showList));
