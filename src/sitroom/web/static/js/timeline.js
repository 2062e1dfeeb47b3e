// The timeline: events per day stacked by quad class, drawn as SVG. Dragging across it sets
// date_from/date_to in the URL, which filters the map and the table.

import { getJSON } from './api.js';
import { clear, h, setStatus, svg } from './dom.js';
import { QUADS, QUAD_COLORS, QUAD_LABELS, filters, navigate } from './state.js';

const DAY = 86400000;
let cache = { key: null, promise: null };

function parseDay(text) {
  const [y, m, d] = String(text).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function quadCounts(item) {
  const by = item.by_quad || item.quads || item.byQuad || null;
  const counts = {};
  if (by && typeof by === 'object' && !Array.isArray(by)) {
    for (const [quad, n] of Object.entries(by)) counts[quad] = Number(n) || 0;
  } else if (Array.isArray(by)) {
    for (const x of by) counts[x.quad] = Number(x.count ?? x.events ?? x.n) || 0;
  }
  const total = Number(item.count ?? item.events ?? item.total ?? item.n);
  const known = Object.values(counts).reduce((a, b) => a + b, 0);
  if (Number.isFinite(total) && total > known) counts.other = (counts.other || 0) + total - known;
  return counts;
}

// [{day (ms), counts: {quad: n}}] from whatever shape /api/stats gives its per-day series.
export function daysFromStats(stats) {
  const series = stats.events_by_day ?? stats.by_day ?? stats.days ?? stats.timeline ?? [];
  const items = Array.isArray(series)
    ? series
    : Object.entries(series).map(([date, value]) => (typeof value === 'object' ? { date, ...value } : { date, count: value }));
  return items
    .filter((item) => item.date || item.day)
    .map((item) => ({ day: parseDay(item.date || item.day), counts: quadCounts(item) }))
    .sort((a, b) => a.day - b.day);
}

function loadStats() {
  const f = filters();
  const query = { country: f.country ? f.country.toUpperCase() : null };
  const key = JSON.stringify(query);
  if (cache.key !== key) {
    cache = { key, promise: getJSON('/api/stats', query).then(daysFromStats) };
    cache.promise.catch(() => {
      cache = { key: null, promise: null };
    });
  }
  return cache.promise;
}

function draw(container, days, height) {
  clear(container);
  if (!days.length) {
    container.append(h('p', { class: 'muted empty' }, 'No dated events to chart.'));
    return;
  }
  const width = Math.max(280, container.clientWidth || 600);
  const m = { left: 34, right: 10, top: 8, bottom: 20 };
  const first = days[0].day;
  const last = days[days.length - 1].day;
  const n = Math.round((last - first) / DAY) + 1;
  const band = (width - m.left - m.right) / n;
  const byDay = new Map(days.map((d) => [d.day, d.counts]));
  const order = [...QUADS, 'other'];
  let max = 1;
  for (const d of days) max = Math.max(max, Object.values(d.counts).reduce((a, b) => a + b, 0));
  const plot = height - m.top - m.bottom;
  const y = (v) => m.top + plot - (v / max) * plot;
  const x = (i) => m.left + i * band;

  const bars = svg('g', { class: 'bars' });
  for (let i = 0; i < n; i += 1) {
    const day = first + i * DAY;
    const counts = byDay.get(day);
    if (!counts) continue;
    let acc = 0;
    for (const quad of order) {
      const v = counts[quad] || 0;
      if (!v) continue;
      const rect = svg('rect', {
        x: x(i) + (band > 3 ? 0.5 : 0), width: Math.max(0.8, band - (band > 3 ? 1 : 0)),
        y: y(acc + v), height: Math.max(0.5, y(acc) - y(acc + v)),
        fill: QUAD_COLORS[quad] || '#999', class: `bar quad-${quad}`,
      }, svg('title', null, `${formatDay(day)} · ${QUAD_LABELS[quad] || quad}: ${v}`));
      bars.append(rect);
      acc += v;
    }
  }
  const axis = svg('g', { class: 'axis' },
    svg('line', { x1: m.left, x2: width - m.right, y1: m.top + plot, y2: m.top + plot }),
    svg('text', { x: m.left - 4, y: m.top + 8, 'text-anchor': 'end' }, String(max)),
    svg('text', { x: m.left - 4, y: m.top + plot, 'text-anchor': 'end' }, '0'));
  const ticks = Math.min(n, Math.max(2, Math.floor((width - m.left) / 150)));
  for (let t = 0; t < ticks; t += 1) {
    const i = ticks === 1 ? 0 : Math.round((t * (n - 1)) / (ticks - 1));
    axis.append(svg('text', {
      x: x(i) + band / 2, y: height - 5,
      'text-anchor': t === 0 ? 'start' : t === ticks - 1 ? 'end' : 'middle',
    }, formatDay(first + i * DAY)));
  }

  const f = filters();
  const selection = svg('rect', { class: 'brush-selection', y: m.top, height: plot, x: 0, width: 0 });
  const dayIndex = (ms) => Math.round((ms - first) / DAY);
  if (f.date_from || f.date_to) {
    const a = Math.max(0, f.date_from ? dayIndex(parseDay(f.date_from)) : 0);
    const b = Math.min(n - 1, f.date_to ? dayIndex(parseDay(f.date_to)) : n - 1);
    if (b >= a) {
      selection.setAttribute('x', x(a));
      selection.setAttribute('width', (b - a + 1) * band);
    }
  }
  const overlay = svg('rect', {
    class: 'brush-overlay', x: m.left, y: 0, width: width - m.left - m.right, height,
  });
  const chart = svg('svg', {
    class: 'timeline-chart', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': `Events per day from ${formatDay(first)} to ${formatDay(last)}; drag to select dates`,
  }, bars, axis, selection, overlay);

  const toIndex = (event) => {
    const box = chart.getBoundingClientRect();
    const px = ((event.clientX - box.left) * width) / box.width;
    return Math.max(0, Math.min(n - 1, Math.floor((px - m.left) / band)));
  };
  let start = null;
  overlay.addEventListener('pointerdown', (event) => {
    start = toIndex(event);
    overlay.setPointerCapture(event.pointerId);
    selection.setAttribute('x', x(start));
    selection.setAttribute('width', band);
    event.preventDefault();
  });
  overlay.addEventListener('pointermove', (event) => {
    if (start === null) return;
    const i = toIndex(event);
    selection.setAttribute('x', x(Math.min(start, i)));
    selection.setAttribute('width', (Math.abs(i - start) + 1) * band);
  });
  const finish = (event) => {
    if (start === null) return;
    const i = toIndex(event);
    const a = Math.min(start, i);
    const b = Math.max(start, i);
    start = null;
    navigate({ date_from: formatDay(first + a * DAY), date_to: formatDay(first + b * DAY) });
  };
  overlay.addEventListener('pointerup', finish);
  overlay.addEventListener('pointercancel', () => {
    start = null;
  });

  const legend = h('div', { class: 'timeline-legend' },
    QUADS.map((q) => h('span', null, h('span', { class: `swatch quad-${q}` }), QUAD_LABELS[q])),
    f.date_from || f.date_to
      ? h('button', { type: 'button', class: 'link-button', onclick: () => navigate({ date_from: null, date_to: null }) },
        `Clear dates (${f.date_from || '…'} – ${f.date_to || '…'})`)
      : null);
  container.append(chart, legend);
  container.dataset.days = String(n);
}

// Live updates: the next showTimeline reads the counts again.
export function refreshTimeline() {
  cache = { key: null, promise: null };
}

export async function showTimeline(container, height) {
  if (!container.firstChild) container.append(h('p', { class: 'muted' }, 'Loading timeline…'));
  try {
    const days = await loadStats();
    draw(container, days, height);
  } catch (err) {
    clear(container);
    const p = h('p', { class: 'status' });
    setStatus(p, `Could not load the timeline: ${err.message}`, 'error');
    container.append(p);
  }
}
