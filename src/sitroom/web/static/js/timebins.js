// The timeline's buckets: which events the axis spans and which fold aside. Background
// mentions ("in 2006 ...") and anything far before the bulk of the events go to an "earlier"
// bucket, undated events to an "undated" one, so that one old mention cannot stretch the axis
// over decades and no event is drawn on a date it does not have.

export const DAY = 86400000;
// A gap before the bulk is "far" when it is longer than this and than the bulk itself.
const FAR_DAYS = 60;
// At most this share of the dated events may fold into "earlier" for being far.
const FAR_SHARE = 0.25;

export function parseDay(text) {
  const [y, m, d] = String(text).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function add(counts, quad) {
  counts[quad || 'other'] = (counts[quad || 'other'] || 0) + 1;
}

// { days: [{day, counts}], first, last, earlier: {count, counts, last}, undated: {count, counts} }
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
  const n = dated.length;
  // The latest cut whose events before it are few, and whose gap is longer than what follows.
  let cut = 0;
  for (let i = 1; i <= Math.max(1, Math.floor(n * FAR_SHARE)) && i < n; i += 1) {
    const gap = dated[i].day - dated[i - 1].day;
    const rest = dated[n - 1].day - dated[i].day;
    if (gap > FAR_DAYS * DAY && gap > rest) cut = i;
  }
  for (const x of dated.slice(0, cut)) {
    earlier.count += 1;
    add(earlier.counts, x.quad);
  }
  if (cut) earlier.last = dated[cut - 1].day;
  const byDay = new Map();
  for (const x of dated.slice(cut)) {
    if (!byDay.has(x.day)) byDay.set(x.day, {});
    add(byDay.get(x.day), x.quad);
  }
  const days = [...byDay.entries()].map(([day, counts]) => ({ day, counts })).sort((a, b) => a.day - b.day);
  return {
    days,
    first: days.length ? days[0].day : null,
    last: days.length ? days[days.length - 1].day : null,
    earlier,
    undated,
  };
}
