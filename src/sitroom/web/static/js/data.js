// The one data source of the map, the timeline and the event table: corpus-level events
// (one row per real-world happening merged across articles) when the API has them, else the
// per-article events. Rows are normalised to one shape here.

import { getAll, getJSON, health } from './api.js';

let sourcePromise = null;

// 'corpus' when /api/corpus-events answers, 'events' otherwise; probed once per page load.
export function eventSource() {
  if (!sourcePromise) {
    sourcePromise = (async () => {
      const info = await health();
      const listed = info && (info.endpoints || info.features || info.capabilities);
      if (Array.isArray(listed)) {
        if (listed.some((x) => String(x).includes('corpus-events') || x === 'corpus_events')) {
          return 'corpus';
        }
      } else if (info && info.corpus_events === true) {
        return 'corpus';
      }
      try {
        await getJSON('/api/corpus-events', { limit: 1 });
        return 'corpus';
      } catch {
        return 'events';
      }
    })();
  }
  return sourcePromise;
}

function num(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function nameOf(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return value.name || value.label || null;
  return String(value);
}

export function normalizeEvent(row, source) {
  const mention = (Array.isArray(row.mentions) && row.mentions[0]) || row.representative || {};
  const documentId = row.document_id || mention.document_id || null;
  const eventId = row.event_id || mention.event_id || null;
  const lat = num(row.lat);
  const lon = num(row.lon);
  const sources = num(row.sources) ?? num(row.source_count) ??
    (Array.isArray(row.sources) ? row.sources.length : null);
  const corpusId = source === 'corpus' ? String(row.id ?? row.corpus_event_id ?? '') : null;
  const id = corpusId || `${documentId}/${eventId}`;
  return {
    source,
    id,
    corpusId,
    documentId,
    eventId,
    type: row.type || null,
    mode: row.mode || null,
    quad: row.quad || null,
    modality: row.modality || null,
    actor1: nameOf(row.actor1),
    actor2: nameOf(row.actor2),
    attributedTo: nameOf(row.attributed_to),
    place: nameOf(row.place),
    country: row.country || null,
    admin1: row.admin1 || null,
    lat,
    lon,
    precision: num(row.geo_precision) ?? num(row.precision),
    dateStart: row.date_start || null,
    dateEnd: row.date_end || null,
    datePrecision: row.date_precision || null,
    fatalities: num(row.fatalities),
    confidence: num(row.confidence),
    sentence: row.sentence || null,
    description: row.description || null,
    background: row.background === true,
    publisher: row.publisher || (Array.isArray(row.publishers) && row.publishers.length
      ? row.publishers.join(', ') : null),
    publishers: Array.isArray(row.publishers) ? row.publishers : (row.publisher ? [row.publisher] : []),
    claimsFor: num(row.claims_for),
    claimsAgainst: num(row.claims_against),
    title: row.title || null,
    url: row.url || null,
    published: row.published || null,
    sources,
    articles: num(row.articles) ?? (Array.isArray(row.articles) ? row.articles.length : null),
    mentionCount: Array.isArray(row.mentions) ? row.mentions.length : num(row.mentions),
    hasSource: Boolean(corpusId || documentId),
    contested: typeof row.contested === 'boolean' ? row.contested : null,
    raw: row,
  };
}

function apiFilters(f) {
  const out = { ...f };
  if (out.country) out.country = out.country.toUpperCase();
  return out;
}

export async function fetchEventPage(f, { after = null, limit = 100, signal } = {}) {
  const source = await eventSource();
  const path = source === 'corpus' ? '/api/corpus-events' : '/api/events';
  const page = await getJSON(path, { ...apiFilters(f), limit, after }, { signal });
  const items = (page.items || []).map((row) => normalizeEvent(row, source));
  if (source === 'events') {
    const contested = await contestedEventKeys();
    for (const item of items) item.contested = contested.has(`${item.documentId}/${item.eventId}`);
  }
  return { items, next: page.next || null, source };
}

let contestedPromise = null;

// document_id/event_id of the events that a contested claim is about.
export function contestedEventKeys() {
  if (!contestedPromise) {
    contestedPromise = getAll('/api/claims', { contested: 'true' }, { max: 5000 })
      .then((rows) => new Set(rows.filter((r) => r.event_id).map((r) => `${r.document_id}/${r.event_id}`)))
      .catch(() => new Set());
  }
  return contestedPromise;
}

export function eventHref(event) {
  const p = new URLSearchParams(window.location.search);
  p.set('view', 'source');
  if (event.corpusId) p.set('corpus', event.corpusId);
  else p.delete('corpus');
  if (event.documentId) p.set('doc', event.documentId);
  else p.delete('doc');
  if (event.eventId) p.set('event', event.eventId);
  else p.delete('event');
  p.delete('claim');
  return `?${p.toString()}`;
}

export function actorsText(event) {
  const a = event.actor1 || '—';
  return event.actor2 ? `${a} → ${event.actor2}` : a;
}

export function dateText(event) {
  if (!event.dateStart && !event.dateEnd) return 'undated';
  const start = event.dateStart || event.dateEnd;
  const end = event.dateEnd && event.dateEnd !== start ? ` – ${event.dateEnd}` : '';
  return `${start}${end}`;
}

// The one-line "what happened" the API writes (sitroom.service.describe), or a plain stand-in.
export function whatText(event) {
  return event.description || `${event.type || 'Event'}: ${actorsText(event)}`;
}

// "6 Sep 2021": the date as the feed and the claims board show it.
export function shortDate(text) {
  if (!text) return '';
  const d = new Date(`${String(text).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(text);
  // Day, short month, year: the order and abbreviations of sitroom.service.describe's lines.
  const month = d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

// "1 source", "3 sources".
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function placeText(event) {
  const parts = [event.place, event.admin1, event.country].filter(Boolean);
  return parts.length ? [...new Set(parts)].join(', ') : '—';
}
