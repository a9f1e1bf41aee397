// Compare page: for the runs in ?ids=a,b,c, a Table-1-shaped table (run × head at the last
// evaluated iteration, in percent) and overlaid loss and R@1 curves.
'use strict';

function pickedIds() {
  const raw = queryParam('ids') || '';
  return [...new Set(raw.split(',').map(s => s.trim()).filter(Boolean))];
}

/** Detail, metrics and log of one run; a part that fails is null (its error is shown). */
async function loadRun(runId) {
  const base = `/api/runs/${encodeURIComponent(runId)}`;
  const quiet = p => p.catch(e => {
    if (!(e instanceof ApiError)) showError(`${runId}: ${e.message}`);
    return null;
  });
  const [detail, metrics, log] = await Promise.all([
    quiet(fetchJson(base)), quiet(fetchJson(`${base}/metrics`)), quiet(fetchJson(`${base}/log`))]);
  return {
    runId,
    run: detail && detail.run ? detail.run : null,
    metrics: metrics && Array.isArray(metrics.metrics) ? metrics.metrics : [],
    log: log || { iteration: [], loss: [] },
  };
}

function headsOf(metrics) {
  const heads = [];
  for (const m of metrics) if (!heads.includes(m.head)) heads.push(m.head);
  return heads;
}

/** The table's metric columns: R@K for every K seen, then NMI and MAP@R. */
function metricColumns(runs) {
  const ks = new Set();
  for (const r of runs) for (const m of r.metrics) if (m.metric === 'recall') ks.add(m.k);
  return [
    ...[...ks].sort((a, b) => a - b).map(k => ({ label: `R@${k}`, metric: 'recall', k })),
    { label: 'NMI', metric: 'nmi' },
    { label: 'MAP@R', metric: 'map_at_r' },
  ];
}

function renderTable(runs) {
  const columns = metricColumns(runs);
  const table = document.getElementById('compare');
  table.tHead.replaceChildren(el('tr', {},
    el('th', {}, 'Run'), el('th', {}, 'Loss'), el('th', {}, 'Head'),
    ...columns.map(c => el('th', { class: 'num' }, c.label))));
  const rows = [];
  for (const r of runs) {
    const loss = r.run && r.run.loss ? r.run.loss : '';
    const heads = headsOf(r.metrics);
    if (heads.length === 0) {
      rows.push(el('tr', { 'data-run-id': r.runId },
        el('td', { 'data-col': 'run' }, runLink(r.runId)),
        el('td', { 'data-col': 'loss' }, loss),
        el('td', { 'data-col': 'head', class: 'muted' }, 'not evaluated'),
        ...columns.map(c => el('td', { 'data-col': c.label, class: 'num' }, ''))));
      continue;
    }
    for (const head of heads) {
      const ofHead = r.metrics.filter(m => m.head === head);
      // The head's last evaluated iteration (the run's last, when the head was evaluated there).
      const last = Math.max(...ofHead.map(m => m.iteration));
      const at = ofHead.filter(m => m.iteration === last);
      const value = c => {
        const m = at.find(x => x.metric === c.metric && (c.k === undefined || x.k === c.k));
        return m ? formatPercent(m.value) : '';
      };
      rows.push(el('tr', { 'data-run-id': r.runId, 'data-head': head, 'data-iteration': last },
        el('td', { 'data-col': 'run' }, runLink(r.runId)),
        el('td', { 'data-col': 'loss' }, loss),
        el('td', { 'data-col': 'head', title: `iteration ${last}` }, head),
        ...columns.map(c => el('td', { 'data-col': c.label, class: 'num' }, value(c)))));
    }
  }
  table.tBodies[0].replaceChildren(...rows);
}

function renderLossChart(runs) {
  const aligned = alignColumns(runs.map(r => ({ x: r.log.iteration || [], y: r.log.loss || [] })));
  chart(document.getElementById('chart-compare-loss'), {
    title: 'Loss', x: aligned.x, spanGaps: true,
    series: runs.map((r, i) => ({ label: r.runId, values: aligned.ys[i] })),
  });
}

function renderRecallChart(runs) {
  const picked = runs.map(r => {
    const head = headsOf(r.metrics)[0];
    const rows = r.metrics.filter(m => m.head === head && m.metric === 'recall' && m.k === 1)
      .sort((a, b) => a.iteration - b.iteration);
    return {
      head,
      x: rows.map(m => m.iteration),
      y: rows.map(m => (isNum(m.value) ? m.value * 100 : null)),
    };
  });
  const heads = new Set(picked.filter(p => p.head !== undefined).map(p => p.head));
  const oneHead = heads.size <= 1;
  const aligned = alignColumns(picked);
  chart(document.getElementById('chart-compare-recall'), {
    title: oneHead && heads.size === 1 ? `R@1 · ${[...heads][0]}` : 'R@1 (first head of each run)',
    x: aligned.x, spanGaps: true, yLabel: '%',
    series: runs.map((r, i) => ({
      label: oneHead || picked[i].head === undefined ? r.runId : `${r.runId} · ${picked[i].head}`,
      values: aligned.ys[i],
    })),
  });
}

async function init() {
  const ids = pickedIds();
  if (ids.length === 0) {
    document.getElementById('hint').hidden = false;
    return;
  }
  const runs = await Promise.all(ids.map(loadRun));
  document.getElementById('results').hidden = false;
  renderTable(runs);
  renderLossChart(runs);
  renderRecallChart(runs);
}

document.addEventListener('DOMContentLoaded', () => guarded(init));
