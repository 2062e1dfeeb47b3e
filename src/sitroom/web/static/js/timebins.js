// The timeline's buckets: which events the axis spans, in bars of what length, and which fold
// aside. Background mentions ("in 2006 ...") and anything far before the bulk of the events go
// to an "earlier" bucket, undated events to an "undated" one, so that one old mention cannot
// stretch the axis over decades and no event is drawn on a date it does not have. A long period
// is drawn in weeks, months or years rather than in bars thinner than a pixel.

export const DAY = 86400000;
// A gap before the bulk is "far" when it is longer than this and than the bulk after it...
const FAR_DAYS = 60;
// ...and at most this share of the dated events lies before it;
const FAR_SHARE = 0.25;
// or when it is longer than this and at most the smaller share lies before it.
const VERY_FAR_DAYS = 3 * 365;
const VERY_FAR_SHARE = 0.1;
// The longest period drawn per day, per week and per month; longer ones per year.
const UNIT_LIMITS = [['day', 120], ['week', 3 * 365], ['month', 30 * 365]];

export function parseDay(text) {
  const [y, m, d] = String(text).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// The start of the bar holding day `ms` (weeks count from the period's first day).
export function binStart(ms, unit, origin) {
  const d = new Date(ms);
  if (unit === 'week') return origin + Math.floor((ms - origin) / (7 * DAY)) * 7 * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  return ms;
}

export function nextBin(ms, unit) {
  const d = new Date(ms);
  if (unit === 'week') return ms + 7 * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return ms + DAY;
}

export function binLabel(ms, unit) {
  const day = formatDay(ms);
  if (unit === 'week') return `week of ${day}`;
  if (unit === 'month') return day.slice(0, 7);
  if (unit === 'year') return day.slice(0, 4);
  return day;
}

function add(counts, quad) {
  counts[quad || 'other'] = (counts[quad || 'other'] || 0) + 1;
}

// The index of the first event of the bulk: 0 unless a far gap comes before it.
function bulkStart(dated) {
  const n = dated.length;
  let cut = 0;
  for (let i = 1; i < n && i <= Math.max(1, Math.floor(n * FAR_SHARE)); i += 1) {
    const gap = dated[i].day - dated[i - 1].day;
    const rest = dated[n - 1].day - dated[i].day;
    const far = gap > FAR_DAYS * DAY && gap > rest;
    const veryFar = gap > VERY_FAR_DAYS * DAY && i <= Math.max(1, Math.floor(n * VERY_FAR_SHARE));
    if (far || veryFar) cut = i;
  }
  return cut;
}

// { bins: [{start, end, counts}], unit, earlier: {count, counts, last}, undated: {count, counts} }
export function timeBins(events) {
  const earlier = { count: 0, counts: {}, last: null };
  const undated = { count: 0, counts: {} };
  const dated = [];
  for (const event of events) {
    const text = event.dateStart || event.dateEnd;
    if (!text) {
      undated.count += 1;
      add(undated.counts, event.quad);
    } else if (event.background) {
      earlier.count += 1;
      add(earlier.counts, event.quad);
    } else {
      dated.push({ day: parseDay(text), quad: event.quad });
    }
  }
  dated.sort((a, b) => a.day - b.day);
  const cut = bulkStart(dated);
  for (const x of dated.slice(0, cut)) {
    earlier.count += 1;
    add(earlier.counts, x.quad);
  }
  if (cut) earlier.last = dated[cut - 1].day;
  const bulk = dated.slice(cut);
  const out = { bins: [], unit: 'day', earlier, undated };
  if (!bulk.length) return out;
  const first = bulk[0].day;
  const span = (bulk[bulk.length - 1].day - first) / DAY;
  const limit = UNIT_LIMITS.find(([, days]) => span <= days);
  out.unit = limit ? limit[0] : 'year';
  const byStart = new Map();
  for (const x of bulk) {
    const start = binStart(x.day, out.unit, first);
    if (!byStart.has(start)) byStart.set(start, {});
    add(byStart.get(start), x.quad);
  }
  // Every bar from the first to the last, empty ones included, so that the axis is linear.
  const last = binStart(bulk[bulk.length - 1].day, out.unit, first);
  for (let start = binStart(first, out.unit, first); start <= last; start = nextBin(start, out.unit)) {
    out.bins.push({ start, end: nextBin(start, out.unit) - DAY, counts: byStart.get(start) || {} });
  }
  return out;
}
