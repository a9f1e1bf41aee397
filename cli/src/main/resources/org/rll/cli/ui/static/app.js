// Shared helpers for the rll dashboard pages: JSON fetching with error display,
// number/percent/duration formatting, small DOM builders and a uPlot chart wrapper.
'use strict';

const ACTIVE_STATUSES = ['RUNNING', 'PENDING'];
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd',
                 '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function isActive(status) {
  return ACTIVE_STATUSES.includes(status);
}

// ---- errors and messages --------------------------------------------------

function errorBox() {
  return document.getElementById('error');
}

/** Adds one line to the page's #error element and shows it. */
function showError(message) {
  const box = errorBox();
  if (!box) return;
  const text = String(message);
  // The same message from a repeated poll is shown once.
  if (![...box.children].some(line => line.textContent === text)) box.appendChild(el('div', {}, text));
  box.hidden = false;
}

function clearError() {
  const box = errorBox();
  if (!box) return;
  box.replaceChildren();
  box.hidden = true;
}

/** Shows a success message in #message (empty string hides it). */
function showMessage(message) {
  const box = document.getElementById('message');
  if (!box) return;
  box.textContent = message || '';
  box.hidden = !message;
}

// ---- fetching -------------------------------------------------------------

class ApiError extends Error {}

/**
 * Fetches JSON; on an HTTP error or network failure shows the server's
 * {"error": ...} message (or the status line) in #error and throws ApiError.
 */
async function fetchJson(url, options) {
  let response;
  try {
    response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options));
  } catch (e) {
    const message = `Cannot reach the server (${url}): ${e.message}`;
    showError(message);
    throw new ApiError(message);
  }
  let body = null;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (e) {
      body = null;
    }
  }
  if (!response.ok) {
    const detail = body && typeof body.error === 'string'
      ? body.error
      : `${response.status} ${response.statusText}`.trim();
    showError(detail);
    throw new ApiError(detail);
  }
  if (body === null) {
    const message = `The server sent no JSON for ${url}`;
    showError(message);
    throw new ApiError(message);
  }
  return body;
}

/** POSTs with the CSRF token from /api/session and no body; returns the parsed reply. */
async function postAction(url) {
  const session = await fetchJson('/api/session');
  return fetchJson(url, {
    method: 'POST',
    headers: { Accept: 'application/json', 'X-CSRF-Token': session.csrfToken },
  });
}

/** Runs an async task, ignoring ApiError (already shown) and showing anything else. */
function guarded(task) {
  return Promise.resolve().then(task).catch(e => {
    if (!(e instanceof ApiError)) {
      showError(e && e.message ? e.message : String(e));
      console.error(e);
    }
  });
}

// ---- formatting -----------------------------------------------------------

function isNum(x) {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Fixed decimals, or '' for null / non-finite. */
function formatNumber(x, digits = 1) {
  return isNum(x) ? x.toFixed(digits) : '';
}

/** A fraction 0..1 as percent points without the sign: 0.9031 -> "90.3". */
function formatPercent(fraction, digits = 1) {
  return isNum(fraction) ? (fraction * 100).toFixed(digits) : '';
}

/** Milliseconds as "1h 02m", "4m 05s" or "12s". */
function formatDuration(ms) {
  if (!isNum(ms) || ms < 0) return '';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = n => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(sec)}s`;
  return `${sec}s`;
}

/** A run's progress as "done / total", or "done" when the total is unknown. */
function formatIterations(run) {
  const done = isNum(run.iterationsDone) ? run.iterationsDone : 0;
  return isNum(run.iterationsTotal) ? `${done} / ${run.iterationsTotal}` : String(done);
}

function formatBytes(bytes) {
  if (!isNum(bytes)) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** An ISO timestamp in the browser's locale, or '' when missing. */
function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

// ---- DOM helpers ----------------------------------------------------------

/** createElement with attributes (data-* via 'data-x' keys) and text/element children. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** A status label coloured by status; a live marker (CSS) when it came from Temporal just now. */
function statusBadge(status, live, waiting) {
  const span = el('span', { class: `status status-${String(status || 'UNKNOWN').toLowerCase()}` },
    status || '');
  if (live) {
    span.dataset.live = 'true';
    span.title = 'Status read live from Temporal';
  }
  if (!waiting) return span;
  return el('span', {}, span, ' ', el('span', { class: 'waiting' }, waiting));
}

function runLink(runId) {
  return el('a', { href: `/run?id=${encodeURIComponent(runId)}` }, runId);
}

function queryParam(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** Only http(s) and same-site links from the API become hrefs. */
function safeHref(url) {
  try {
    const u = new URL(url, window.location.href);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? String(url) : null;
  } catch (e) {
    return null;
  }
}

/** The pages every header links to, by their body's data-page. */
const NAV = [
  { page: 'runs', href: '/', label: 'Runs' },
  { page: 'compare', href: '/compare', label: 'Compare' },
  { page: 'sweeps', href: '/sweep', label: 'Sweeps' },
];

/** Puts the shared header at the top of the page, the current page's link marked. */
function renderHeader() {
  const header = document.createElement('header');
  const brand = document.createElement('a');
  brand.className = 'brand';
  brand.href = '/';
  brand.textContent = 'rll';
  const nav = document.createElement('nav');
  for (const item of NAV) {
    const a = document.createElement('a');
    a.href = item.href;
    a.dataset.page = item.page;
    a.textContent = item.label;
    if (item.page === document.body.dataset.page) a.setAttribute('aria-current', 'page');
    nav.appendChild(a);
  }
  header.append(brand, nav);
  document.body.prepend(header);
}

document.addEventListener('DOMContentLoaded', renderHeader);

// ---- charts ---------------------------------------------------------------

const CHART_HEIGHT = 220;
const INTEGER_INCRS = [];
for (let p = 1; p <= 1e12; p *= 10) INTEGER_INCRS.push(p, 2 * p, 5 * p);

function chartWidth(container) {
  return Math.max(280, Math.floor(container.clientWidth || 600));
}

/** Wide enough y axis for its tick labels (measured in the axis font). */
function axisSize(self, values, axisIdx, cycleNum) {
  const axis = self.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  let longest = '';
  for (const v of values || []) if (String(v).length > longest.length) longest = String(v);
  let size = axis.ticks.size + axis.gap;
  if (longest) {
    self.ctx.font = axis.font[0];
    size += self.ctx.measureText(longest).width / uPlot.pxRatio;
  }
  return Math.max(40, Math.ceil(size) + 4);
}

/** Vertical ±std bars for series that carry `errors` (one std per x, or null). */
function errorBarsHook(errors) {
  return u => {
    const ctx = u.ctx;
    const cap = 4 * uPlot.pxRatio;
    ctx.save();
    ctx.lineWidth = 1.5 * uPlot.pxRatio;
    errors.forEach((err, s) => {
      if (!err || !u.series[s + 1].show) return;
      ctx.strokeStyle = u.series[s + 1].stroke(u, s + 1);
      const ys = u.data[s + 1];
      ctx.beginPath();
      for (let i = 0; i < ys.length; i++) {
        if (!isNum(ys[i]) || !isNum(err[i])) continue;
        const x = u.valToPos(u.data[0][i], 'x', true);
        const top = u.valToPos(ys[i] + err[i], 'y', true);
        const bottom = u.valToPos(ys[i] - err[i], 'y', true);
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.moveTo(x - cap, top);
        ctx.lineTo(x + cap, top);
        ctx.moveTo(x - cap, bottom);
        ctx.lineTo(x + cap, bottom);
      }
      ctx.stroke();
    });
    ctx.restore();
  };
}

/** A y range that also covers mean ± std. */
function rangeWithErrors(errors) {
  return (u, min, max) => {
    let lo = min;
    let hi = max;
    errors.forEach((err, s) => {
      if (!err) return;
      const ys = u.data[s + 1];
      for (let i = 0; i < ys.length; i++) {
        if (!isNum(ys[i]) || !isNum(err[i])) continue;
        lo = Math.min(lo, ys[i] - err[i]);
        hi = Math.max(hi, ys[i] + err[i]);
      }
    });
    if (!isNum(lo) || !isNum(hi)) return [0, 1];
    const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
    return [lo - pad, hi + pad];
  };
}

/**
 * Draws a line chart into `container` with uPlot.
 * spec: {title, x: [..], series: [{label, values, color?, dash?, errors?}],
 *        xLabel?, yLabel?, xTicks?: [labels for x = 0..n-1], spanGaps?, points?, lines?}
 * Columnar arrays go to uPlot as they are. After every draw container.dataset.points
 * holds the number of x values drawn. Returns {plot, setData(x, ys), append(x, ys), destroy()}.
 */
function chart(container, spec) {
  container.replaceChildren();
  const series = spec.series || [];
  const errors = series.map(s => s.errors || null);
  const hasErrors = errors.some(e => e);
  const ticks = spec.xTicks || null;

  // Iterations are whole numbers: ticks at 1, 2, 5 × 10^n only.
  const xAxis = { label: spec.xLabel || 'iteration', labelSize: 20, incrs: INTEGER_INCRS };
  const xScale = { time: false };
  if (ticks) {
    xScale.range = () => [-0.5, ticks.length - 0.5];
    xAxis.splits = () => ticks.map((_, i) => i);
    xAxis.values = (u, splits) => splits.map(i => (ticks[i] === undefined ? '' : ticks[i]));
    xAxis.grid = { show: false };
  }
  const yScale = {};
  if (hasErrors) yScale.range = rangeWithErrors(errors);

  const opts = {
    title: spec.title,
    width: chartWidth(container),
    height: spec.height || CHART_HEIGHT,
    scales: { x: xScale, y: yScale },
    legend: { live: true },
    cursor: { drag: { x: !ticks, y: false } },
    series: [
      { label: spec.xLabel || 'iteration', value: (u, v) => (v === null || v === undefined ? '–'
        : ticks ? String(ticks[v] === undefined ? v : ticks[v]) : String(v)) },
      ...series.map((s, i) => {
        const opt = { label: s.label, stroke: s.color || PALETTE[i % PALETTE.length], width: 1.5,
          spanGaps: !!spec.spanGaps };
        if (s.dash) opt.dash = s.dash;
        if (spec.points) opt.points = { show: true, size: 6 };
        if (spec.lines === false) opt.paths = () => null;
        return opt;
      }),
    ],
    axes: [xAxis, { label: spec.yLabel, labelSize: spec.yLabel ? 20 : 0, size: axisSize }],
    hooks: {
      draw: [
        u => { container.dataset.points = String(u.data[0].length); },
        ...(hasErrors ? [errorBarsHook(errors)] : []),
      ],
    },
  };

  const plot = new uPlot(opts, [spec.x || [], ...series.map(s => s.values || [])], container);
  let lastWidth = opts.width;
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    const width = chartWidth(container);
    if (Math.abs(width - lastWidth) > 2) {
      lastWidth = width;
      plot.setSize({ width, height: opts.height });
    }
  });
  if (observer) observer.observe(container);

  const handle = {
    plot,
    /** Replaces all data: x and one array per series (same order as created). */
    setData(x, ys) {
      plot.setData([x, ...ys]);
    },
    /** Appends rows: the concatenated arrays are handed to setData. */
    append(x, ys) {
      if (!x || x.length === 0) return;
      const data = plot.data;
      handle.setData(data[0].concat(x), ys.map((col, i) => data[i + 1].concat(col)));
    },
    destroy() {
      if (observer) observer.disconnect();
      plot.destroy();
      delete container.dataset.points;
    },
  };
  return handle;
}

/**
 * Aligns several (x, y) columns onto the sorted union of their x values, with
 * null where a column has no value. Returns {x, ys}. Uses typed sort and a Map,
 * no per-point objects.
 */
function alignColumns(columns) {
  if (columns.length > 0 && columns.every(c => sameValues(c.x, columns[0].x)) && isSorted(columns[0].x)) {
    return { x: columns[0].x, ys: columns.map(c => c.y) };
  }
  let total = 0;
  for (const c of columns) total += c.x.length;
  const all = new Float64Array(total);
  let k = 0;
  for (const c of columns) for (let i = 0; i < c.x.length; i++) all[k++] = c.x[i];
  all.sort();
  const x = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) x.push(all[i]);
  const index = new Map();
  for (let i = 0; i < x.length; i++) index.set(x[i], i);
  const ys = columns.map(c => {
    const y = new Array(x.length).fill(null);
    for (let i = 0; i < c.x.length; i++) y[index.get(c.x[i])] = c.y[i];
    return y;
  });
  return { x, ys };
}

function sameValues(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isSorted(a) {
  for (let i = 1; i < a.length; i++) if (!(a[i - 1] < a[i])) return false;
  return true;
}
