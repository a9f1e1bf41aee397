// Runs page: the runs table from /api/runs with dataset/status/sweep filters kept in
// the URL, checkboxes to pick runs to compare, and a 5 s refresh while runs are active.
'use strict';

const FILTERS = ['dataset', 'status', 'sweep'];
const REFRESH_MS = 5000;

const filters = {};
const picked = new Set();
let refreshTimer = null;
let loadSeq = 0;

function filterSelect(name) {
  return document.getElementById(`filter-${name}`);
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  return query ? `?${query}` : '';
}

function fillSelect(select, values, selected) {
  const list = Array.isArray(values) ? values.slice() : [];
  if (selected && !list.includes(selected)) list.push(selected);
  select.replaceChildren(el('option', { value: '' }, 'all'),
    ...list.map(v => el('option', { value: v }, v)));
  select.value = selected || '';
}

function runRow(run) {
  const box = el('input', { type: 'checkbox', 'aria-label': `Pick ${run.runId}` });
  box.checked = picked.has(run.runId);
  box.addEventListener('change', () => {
    if (box.checked) picked.add(run.runId);
    else picked.delete(run.runId);
    updateCompareButton();
  });
  const link = runLink(run.runId);
  if (run.createdAt) link.title = `created ${formatDate(run.createdAt)}`;
  return el('tr', { 'data-run-id': run.runId },
    el('td', { 'data-col': 'run' }, link),
    el('td', { 'data-col': 'status' }, statusBadge(run.status, run.liveStatus, run.waiting)),
    el('td', { 'data-col': 'dataset' }, run.dataset || ''),
    el('td', { 'data-col': 'backbone' }, run.backbone || ''),
    el('td', { 'data-col': 'loss' }, run.loss || ''),
    el('td', { 'data-col': 'iterations', class: 'num' }, formatIterations(run)),
    el('td', { 'data-col': 'images-per-second', class: 'num' }, formatNumber(run.imagesPerSecond, 1)),
    el('td', { 'data-col': 'recall-at-1', class: 'num' }, formatPercent(run.bestRecallAt1)),
    el('td', { 'data-col': 'map-at-r', class: 'num' }, formatPercent(run.bestMapAtR)),
    el('td', { 'data-col': 'pick' }, box));
}

function renderRuns(runs) {
  const visible = new Set(runs.map(r => r.runId));
  for (const id of [...picked]) if (!visible.has(id)) picked.delete(id);
  const body = document.querySelector('#runs tbody');
  if (runs.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { class: 'empty', colspan: 10 }, 'No runs match.')));
  } else {
    body.replaceChildren(...runs.map(runRow));
  }
  updateCompareButton();
}

function updateCompareButton() {
  document.getElementById('compare-selected').disabled = picked.size === 0;
}

function updateSweepLink() {
  const link = document.getElementById('sweep-link');
  link.hidden = !filters.sweep;
  if (filters.sweep) link.href = `/sweep?id=${encodeURIComponent(filters.sweep)}`;
}

async function load() {
  clearTimeout(refreshTimer);
  const seq = ++loadSeq;
  let active = false;
  try {
    const data = await fetchJson(`/api/runs${filterQuery()}`);
    if (seq !== loadSeq) return;
    clearError();
    fillSelect(filterSelect('dataset'), data.datasets, filters.dataset);
    fillSelect(filterSelect('status'), data.statuses, filters.status);
    fillSelect(filterSelect('sweep'), data.sweeps, filters.sweep);
    const runs = Array.isArray(data.runs) ? data.runs : [];
    renderRuns(runs);
    active = runs.some(r => isActive(r.status));
  } catch (e) {
    if (seq !== loadSeq) return;
    active = document.querySelector('#runs .status-running, #runs .status-pending') !== null;
    if (!(e instanceof ApiError)) showError(e.message);
  }
  document.getElementById('refresh-note').textContent = active ? 'refreshing every 5 s' : '';
  if (active) refreshTimer = setTimeout(load, REFRESH_MS);
}

function onFilterChange(name) {
  filters[name] = filterSelect(name).value;
  history.replaceState(null, '', `/${filterQuery()}`);
  updateSweepLink();
  load();
}

function init() {
  for (const name of FILTERS) {
    filters[name] = queryParam(name) || '';
    fillSelect(filterSelect(name), [], filters[name]);
    filterSelect(name).addEventListener('change', () => onFilterChange(name));
  }
  updateSweepLink();
  document.getElementById('compare-selected').addEventListener('click', () => {
    const ids = [...picked].map(encodeURIComponent).join(',');
    if (ids) window.location.href = `/compare?ids=${ids}`;
  });
  if (window.location.hash === '#filter-sweep') filterSelect('sweep').focus();
  load();
}

document.addEventListener('DOMContentLoaded', init);
