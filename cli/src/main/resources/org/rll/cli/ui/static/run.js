// Run page: one run's header, training-log charts (appended live every 2 s while the run
// is active), per-head evaluation charts, spec, checkpoints, failure, artifacts and the
// cancel/resume buttons.
'use strict';

const runId = queryParam('id');
const LOG_POLL_MS = 2000;
const RUN_POLL_MS = 5000;
const METRICS_MAX_AGE_MS = 30000;
const RESUMABLE = ['FAILED', 'CANCELLED'];
const FAMILIES = [
  { metric: 'recall', id: 'recall', title: 'Recall@K' },
  { metric: 'nmi', id: 'nmi', title: 'NMI', label: 'NMI' },
  { metric: 'map_at_r', id: 'map', title: 'MAP@R', label: 'MAP@R' },
];

let runStatus = null;
let logCharts = null;
let lastIteration = null;
let logBusy = false;
let metricsKey = null;
let metricsFetchedAt = 0;
let metricCharts = { layout: '', charts: [] };
let logTimer = null;
let runTimer = null;

function byId(id) {
  return document.getElementById(id);
}

function api(suffix = '') {
  return `/api/runs/${encodeURIComponent(runId)}${suffix}`;
}

// ---- training log ---------------------------------------------------------

/** A log column, or nulls when the server left it out. */
function column(log, name, n) {
  return Array.isArray(log[name]) ? log[name] : new Array(n).fill(null);
}

/** The y columns of the four log charts, in chart order. */
function logSeries(log) {
  const n = (log.iteration || []).length;
  return {
    loss: [column(log, 'loss', n)],
    mined: [column(log, 'minedPositives', n), column(log, 'minedNegatives', n)],
    lr: [column(log, 'lr', n)],
    speed: [column(log, 'imagesPerSecond', n)],
  };
}

function createLogCharts(log) {
  const x = log.iteration || [];
  const ys = logSeries(log);
  logCharts = {
    loss: chart(byId('chart-loss'), { title: 'Loss', x, series: [{ label: 'loss', values: ys.loss[0] }] }),
    mined: chart(byId('chart-mined'), {
      title: 'Mined pairs', x,
      series: [{ label: 'positives', values: ys.mined[0] }, { label: 'negatives', values: ys.mined[1] }],
    }),
    lr: chart(byId('chart-lr'), { title: 'Learning rate', x, series: [{ label: 'lr', values: ys.lr[0] }] }),
    speed: chart(byId('chart-speed'), {
      title: 'Images / s', x, series: [{ label: 'images/s', values: ys.speed[0] }],
    }),
  };
}

function noteLastIteration(x) {
  if (x.length > 0) lastIteration = x[x.length - 1];
}

/** Loads the whole log, replacing whatever the charts held. */
async function loadFullLog() {
  logBusy = true;
  try {
    const log = await fetchJson(api('/log'));
    const x = log.iteration || [];
    if (logCharts === null) {
      createLogCharts(log);
    } else {
      const ys = logSeries(log);
      for (const key of Object.keys(logCharts)) logCharts[key].setData(x, ys[key]);
    }
    lastIteration = null;
    noteLastIteration(x);
  } finally {
    logBusy = false;
  }
}

/** Fetches rows after the last iteration seen and appends them to the log charts. */
async function pollLog() {
  if (logBusy) return;
  if (logCharts === null) return loadFullLog();
  logBusy = true;
  try {
    const since = lastIteration === null ? '' : `?since=${encodeURIComponent(lastIteration)}`;
    const log = await fetchJson(api(`/log${since}`));
    let x = log.iteration || [];
    let ys = logSeries(log);
    // Keep only rows past the last one seen, should any repeat.
    let from = 0;
    if (lastIteration !== null) while (from < x.length && x[from] <= lastIteration) from++;
    if (from > 0) {
      x = x.slice(from);
      for (const key of Object.keys(ys)) ys[key] = ys[key].map(col => col.slice(from));
    }
    if (x.length === 0) return;
    for (const key of Object.keys(logCharts)) logCharts[key].append(x, ys[key]);
    noteLastIteration(x);
  } finally {
    logBusy = false;
  }
}

/** Once the run has ended: waits for a poll in flight, then picks up the last rows. */
async function finalLogPoll() {
  for (let i = 0; logBusy && i < 50; i++) await new Promise(resolve => setTimeout(resolve, 100));
  await pollLog();
}

// ---- evaluation metrics ---------------------------------------------------

function headId(head) {
  return String(head).trim().replace(/\s+/g, '_') || 'default';
}

/** Chart specs, one per metric family per head, values in percent. */
function metricChartSpecs(metrics) {
  const heads = [];
  for (const m of metrics) if (!heads.includes(m.head)) heads.push(m.head);
  const specs = [];
  for (const head of heads) {
    const ofHead = metrics.filter(m => m.head === head);
    for (const family of FAMILIES) {
      const rows = ofHead.filter(m => m.metric === family.metric);
      if (rows.length === 0) continue;
      const ks = [...new Set(rows.map(m => m.k))].sort((a, b) => a - b);
      const columns = ks.map(k => {
        const ofK = rows.filter(m => m.k === k).sort((a, b) => a.iteration - b.iteration);
        return { x: ofK.map(m => m.iteration), y: ofK.map(m => (isNum(m.value) ? m.value * 100 : null)) };
      });
      const aligned = alignColumns(columns);
      const labels = family.label ? [family.label] : ks.map(k => `R@${k}`);
      specs.push({
        id: `chart-${family.id}-${headId(head)}`,
        title: `${family.title} · ${head}`,
        x: aligned.x,
        series: aligned.ys.map((values, i) => ({ label: labels[i], values })),
      });
    }
  }
  return specs;
}

function renderMetrics(metrics) {
  const specs = metricChartSpecs(metrics);
  byId('no-metrics').hidden = specs.length > 0;
  const layout = JSON.stringify(specs.map(s => [s.id, s.series.map(se => se.label)]));
  if (layout === metricCharts.layout) {
    specs.forEach((s, i) => metricCharts.charts[i].setData(s.x, s.series.map(se => se.values)));
    return;
  }
  for (const c of metricCharts.charts) c.destroy();
  const holder = byId('metric-charts');
  const divs = specs.map(s => el('div', { class: 'chart', id: s.id }));
  holder.replaceChildren(...divs);
  metricCharts = {
    layout,
    charts: specs.map((s, i) => chart(divs[i], { title: s.title, x: s.x, series: s.series, yLabel: '%' })),
  };
}

async function loadMetrics() {
  metricsFetchedAt = Date.now();
  const reply = await fetchJson(api('/metrics'));
  renderMetrics(Array.isArray(reply.metrics) ? reply.metrics : []);
}

// ---- run details ----------------------------------------------------------

function fact(name, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('span', {}, el('b', {}, name), value);
}

function renderHeader(run) {
  byId('run-id').textContent = run.runId || runId;
  byId('run-status').replaceChildren(statusBadge(run.status, run.liveStatus, run.waiting));
  const elapsed = run.createdAt && run.updatedAt
    ? formatDuration(new Date(run.updatedAt) - new Date(run.createdAt)) : '';
  const sweep = run.sweepId
    ? el('a', { href: `/sweep?id=${encodeURIComponent(run.sweepId)}` }, run.sweepId) : null;
  byId('facts').replaceChildren(...[
    fact('dataset', run.dataset),
    fact('backbone', run.backbone),
    fact('loss', run.loss),
    fact('iterations', formatIterations(run)),
    fact('images/s', formatNumber(run.imagesPerSecond, 1)),
    fact('best R@1', formatPercent(run.bestRecallAt1)),
    fact('best MAP@R', formatPercent(run.bestMapAtR)),
    fact('created', formatDate(run.createdAt)),
    fact('updated', formatDate(run.updatedAt)),
    fact('elapsed', elapsed),
    fact('sweep', sweep),
  ].filter(Boolean));
  byId('cancel').disabled = !isActive(run.status);
  byId('resume').disabled = !RESUMABLE.includes(run.status);
}

function renderCheckpoints(checkpoints) {
  const body = byId('checkpoints').tBodies[0];
  if (checkpoints.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { class: 'empty', colspan: 3 }, 'No checkpoints yet.')));
    return;
  }
  body.replaceChildren(...checkpoints.map(c => el('tr', {},
    el('td', { class: 'num' }, String(c.iteration)),
    el('td', {}, c.key || ''),
    el('td', {}, formatDate(c.createdAt)))));
}

function renderArtifacts(artifacts) {
  const list = byId('artifacts');
  if (artifacts.length === 0) {
    list.replaceChildren(el('li', { class: 'hint' }, 'None.'));
    return;
  }
  list.replaceChildren(...artifacts.map(a => {
    const href = safeHref(a.url);
    const name = href ? el('a', { href, download: true }, a.name) : el('span', {}, a.name);
    return el('li', {}, name, el('span', { class: 'muted' }, ` (${formatBytes(a.bytes)})`));
  }));
}

function renderDetail(detail) {
  const run = detail.run || {};
  runStatus = run.status || null;
  renderHeader(run);
  const spec = JSON.stringify(detail.spec ?? null, null, 2);
  if (byId('spec').textContent !== spec) byId('spec').textContent = spec;
  renderCheckpoints(Array.isArray(detail.checkpoints) ? detail.checkpoints : []);
  const failure = detail.failure;
  byId('failure').textContent = failure || '';
  byId('failure').hidden = !failure;
  byId('failure-section').hidden = !failure;
  renderArtifacts(Array.isArray(detail.artifacts) ? detail.artifacts : []);
}

/** What, when it changes, calls for fetching the metrics again. */
function metricsSignature(detail) {
  const run = detail.run || {};
  return JSON.stringify([run.status, run.waiting, run.bestRecallAt1, run.bestMapAtR,
    (detail.checkpoints || []).length, detail.failure]);
}

async function refreshRun() {
  const wasActive = isActive(runStatus);
  const detail = await fetchJson(api());
  renderDetail(detail);
  const key = metricsSignature(detail);
  const stale = isActive(runStatus) && Date.now() - metricsFetchedAt > METRICS_MAX_AGE_MS;
  if (key !== metricsKey || stale) {
    metricsKey = key;
    await guarded(loadMetrics);
  }
  if (wasActive && !isActive(runStatus)) await guarded(finalLogPoll);
  schedulePolling();
}

// ---- polling --------------------------------------------------------------

function schedulePolling() {
  const active = isActive(runStatus);
  if (active && logTimer === null) {
    logTimer = setInterval(() => guarded(pollLog), LOG_POLL_MS);
    runTimer = setInterval(() => guarded(refreshRun), RUN_POLL_MS);
  } else if (!active && logTimer !== null) {
    clearInterval(logTimer);
    clearInterval(runTimer);
    logTimer = runTimer = null;
  }
  byId('poll-note').textContent = active ? 'live: updating every 2 s' : '';
}

// ---- actions --------------------------------------------------------------

async function act(action, label) {
  if (!window.confirm(`${label} run ${runId}?`)) return;
  clearError();
  showMessage('');
  byId(action).disabled = true;
  try {
    const reply = await postAction(api(`/${action}`));
    showMessage(reply.message || `${label} requested.`);
  } finally {
    await guarded(refreshRun);
    if (action === 'resume') await guarded(loadFullLog);
  }
}

async function init() {
  if (!runId) {
    showError('No run id given. Open a run from the runs page.');
    return;
  }
  byId('run-id').textContent = runId;
  byId('cancel').addEventListener('click', () => guarded(() => act('cancel', 'Cancel')));
  byId('resume').addEventListener('click', () => guarded(() => act('resume', 'Resume')));
  await Promise.all([guarded(loadFullLog), guarded(refreshRun)]);
}

document.addEventListener('DOMContentLoaded', init);
