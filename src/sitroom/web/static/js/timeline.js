// The timeline: events per day (week, month or year over long periods) stacked by quad class, drawn as SVG, over the same events as
// the map and the feed (every filter but the dates, which it sets itself). The axis spans the
// bulk of the events; background and far-earlier mentions stack in an "earlier" bucket at the
// left and undated events in an "undated" one at the right. Dragging across the days sets
// date_from/date_to in the URL, which filters the map, the feed and the table.

import { eventsFor, withoutDates } from './dataset.js';
import { clear, h, setStatus, svg } from './dom.js';
import { QUADS, QUAD_LABELS, filters, navigate, quadColor } from './state.js';
import { binLabel, formatDay, parseDay, timeBins } from './timebins.js';

export { formatDay };

const BUCKET = 46;
const GAP = 14;
// A period of a few days still draws bars of a readable width.
const MAX_BAND = 60;
const ORDER = [...QUADS, 'other'];

function total(counts) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function stack(counts, x, width, y, label, extraClass = '') {
  const out = [];
  let acc = 0;
  for (const quad of ORDER) {
    const v = counts[quad] || 0;
    if (!v) continue;
    out.push(svg('rect', {
      x, width, y: y(acc + v), height: Math.max(0.5, y(acc) - y(acc + v)),
      fill: quadColor(quad), class: `bar quad-${quad}${extraClass}`,
    }, svg('title', null, `${label} · ${QUAD_LABELS[quad] || quad}: ${v}`)));
    acc += v;
  }
  return out;
}

function bucket(name, info, x, y, labelY, note) {
  return svg('g', { class: `bucket bucket-${name}`, 'data-count': info.count },
    stack(info.counts, x + 4, BUCKET - 8, y, `${name} (${note})`, ` bar-${name}`),
    svg('text', { x: x + BUCKET / 2, y: labelY, 'text-anchor': 'middle' }, name));
}

function draw(container, timeline, height) {
  clear(container);
  const { bins, unit, earlier, undated } = timeline;
  if (!bins.length && !earlier.count && !undated.count) {
    container.append(h('p', { class: 'muted empty' }, 'No events to chart.'));
    return;
  }
  const width = Math.max(280, container.clientWidth || 600);
  const m = { left: 34, right: 10, top: 8, bottom: 20 };
  const left = m.left + (earlier.count ? BUCKET + GAP : 0);
  const right = width - m.right - (undated.count ? BUCKET + GAP : 0);
  const n = bins.length;
  const band = n ? Math.min(MAX_BAND, (right - left) / n) : 0;
  let max = 1;
  for (const b of bins) max = Math.max(max, total(b.counts));
  max = Math.max(max, total(earlier.counts), total(undated.counts));
  const plot = height - m.top - m.bottom;
  const y = (v) => m.top + plot - (v / max) * plot;
  // Bars capped in width are centred between the buckets.
  const x0 = left + Math.max(0, (right - left - n * band) / 2);
  const x = (i) => x0 + i * band;

  const bars = svg('g', { class: 'bars' });
  bins.forEach((b, i) => {
    const inset = band > 3 ? 0.5 : 0;
    bars.append(...stack(b.counts, x(i) + inset, Math.max(0.8, band - 2 * inset), y, binLabel(b.start, unit)));
  });
  const axis = svg('g', { class: 'axis' },
    svg('line', { x1: m.left, x2: width - m.right, y1: m.top + plot, y2: m.top + plot }),
    svg('text', { x: m.left - 4, y: m.top + 8, 'text-anchor': 'end' }, String(max)),
    svg('text', { x: m.left - 4, y: m.top + plot, 'text-anchor': 'end' }, '0'));
  const ticks = Math.min(n, Math.max(2, Math.floor((n * band) / 150)));
  for (let t = 0; t < ticks; t += 1) {
    const i = ticks === 1 ? 0 : Math.round((t * (n - 1)) / (ticks - 1));
    axis.append(svg('text', {
      x: x(i) + band / 2, y: height - 5,
      'text-anchor': ticks === 1 ? 'middle' : t === 0 ? 'start' : t === ticks - 1 ? 'end' : 'middle',
    }, binLabel(bins[i].start, unit).replace('week of ', '')));
  }
  const buckets = svg('g', { class: 'buckets' });
  if (earlier.count) {
    const note = earlier.last ? `background or long before: ${earlier.count}` : `background mentions: ${earlier.count}`;
    buckets.append(bucket('earlier', earlier, m.left, y, height - 5, note));
  }
  if (undated.count) {
    buckets.append(bucket('undated', undated, width - m.right - BUCKET, y, height - 5, `no date: ${undated.count}`));
  }

  const f = filters();
  const selection = svg('rect', { class: 'brush-selection', y: m.top, height: plot, x: 0, width: 0 });
  const binOf = (ms) => bins.findIndex((b) => ms >= b.start && ms <= b.end);
  if (n && (f.date_from || f.date_to)) {
    const from = f.date_from ? parseDay(f.date_from) : bins[0].start;
    const to = f.date_to ? parseDay(f.date_to) : bins[n - 1].end;
    const a = from <= bins[0].start ? 0 : binOf(from);
    const b = to >= bins[n - 1].end ? n - 1 : binOf(to);
    if (a >= 0 && b >= a) {
      selection.setAttribute('x', x(a));
      selection.setAttribute('width', (b - a + 1) * band);
    }
  }
  const overlay = svg('rect', {
    class: 'brush-overlay', x: x0, y: 0, width: Math.max(0, n * band), height,
  });
  const label = n ? `Events per ${unit} from ${formatDay(bins[0].start)} to ${formatDay(bins[n - 1].end)}` : 'Events';
  const chart = svg('svg', {
    class: 'timeline-chart', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': `${label}; ${earlier.count} earlier, ${undated.count} undated; drag to select dates`,
  }, bars, buckets, axis, selection, overlay);

  const toIndex = (event) => {
    const box = chart.getBoundingClientRect();
    const px = ((event.clientX - box.left) * width) / box.width;
    return Math.max(0, Math.min(n - 1, Math.floor((px - x0) / band)));
  };
  let start = null;
  overlay.addEventListener('pointerdown', (event) => {
    if (!n) return;
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
    navigate({ date_from: formatDay(bins[a].start), date_to: formatDay(bins[b].end) });
  };
  overlay.addEventListener('pointerup', finish);
  overlay.addEventListener('pointercancel', () => {
    start = null;
  });

  const legend = h('div', { class: 'timeline-legend' },
    QUADS.map((q) => h('span', null, h('span', { class: `swatch quad-${q}` }), QUAD_LABELS[q])),
    earlier.count ? h('span', { class: 'muted' }, `earlier: ${earlier.count} background or long-before`) : null,
    undated.count ? h('span', { class: 'muted' }, `undated: ${undated.count}`) : null,
    f.date_from || f.date_to
      ? h('button', { type: 'button', class: 'link-button', onclick: () => navigate({ date_from: null, date_to: null }) },
        `Clear dates (${f.date_from || '…'} – ${f.date_to || '…'})`)
      : null);
  container.append(chart, legend);
  container.dataset.days = String(n);
  container.dataset.unit = unit;
  container.dataset.earlier = String(earlier.count);
  container.dataset.undated = String(undated.count);
}

export async function showTimeline(container, height) {
  if (!container.firstChild) container.append(h('p', { class: 'muted' }, 'Loading timeline…'));
  try {
    const load = await eventsFor(withoutDates(filters()));
    draw(container, timeBins(load.events), height);
  } catch (err) {
    clear(container);
    const p = h('p', { class: 'status' });
    setStatus(p, `Could not load the timeline: ${err.message}`, 'error');
    container.append(p);
  }
}
