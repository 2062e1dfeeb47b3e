// The source view: an article's text with entities, places, times, event triggers, quotes,
// claims and figures highlighted by kind. ?event=ID (or ?claim=ID) scrolls to that sentence.
// Offsets from the API count code points, so the text is handled as an array of code points.

import { getJSON } from './api.js';
import { clear, externalLink, h, setStatus } from './dom.js';
import { navigate, params } from './state.js';

export const KINDS = ['entity', 'place', 'time', 'trigger', 'quote', 'claim', 'figure'];
const KIND_LABELS = {
  entity: 'Entities', place: 'Places', time: 'Times', trigger: 'Event triggers',
  quote: 'Quotes', claim: 'Claims', figure: 'Figures',
};
const hidden = new Set();
let docCache = { id: null, data: null };
let listToken = 0;

function spanOf(value) {
  if (Array.isArray(value) && value.length === 2) return value;
  if (value && typeof value === 'object' && 'start' in value) return [value.start, value.end];
  return null;
}

// The API's highlights, or the same list built from the extraction when it has none.
function highlightsOf(x) {
  if (Array.isArray(x.highlights)) return x.highlights;
  const out = [];
  const push = (span, kind, label, ref) => {
    const s = spanOf(span);
    if (s) out.push({ start: s[0], end: s[1], kind, label, ref });
  };
  for (const e of x.entities || []) for (const s of e.mentions || []) push(s, 'entity', e.name, e.id);
  for (const p of x.places || []) for (const s of p.mentions || []) push(s, 'place', p.name, p.id);
  for (const t of x.times || []) push(t.span, 'time', t.text, null);
  for (const e of x.events || []) push(e.trigger, 'trigger', e.type, e.id);
  for (const q of x.quotes || []) push(q.span, 'quote', q.kind, q.id);
  for (const c of x.claims || []) push(c.span, 'claim', c.stance, c.id);
  for (const f of x.figures || []) push(f.span, 'figure', f.unit, null);
  return out;
}

function segments(length, highlights, marks) {
  const points = new Set([0, length]);
  const all = [...highlights, ...marks].filter((x) => x.end > x.start && x.start >= 0 && x.end <= length);
  for (const x of all) {
    points.add(x.start);
    points.add(x.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const a = sorted[i];
    const b = sorted[i + 1];
    out.push({ start: a, end: b, covering: all.filter((x) => x.start <= a && x.end >= b) });
  }
  return out;
}

function renderText(text, highlights, marks) {
  const cps = Array.from(text);
  const container = h('div', { class: 'article-text', id: 'article-text' });
  for (const kind of hidden) container.classList.add(`hide-${kind}`);
  for (const seg of segments(cps.length, highlights, marks)) {
    const piece = cps.slice(seg.start, seg.end).join('');
    if (!seg.covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const span = h('span', null, piece);
    const titles = [];
    for (const x of seg.covering) {
      if (x.mark) {
        span.classList.add(x.mark);
        continue;
      }
      span.classList.add('hl', `hl-${x.kind}`);
      titles.push(`${x.kind}: ${x.label ?? ''}`);
      if (x.kind === 'trigger' && x.ref) span.dataset.event = x.ref;
    }
    if (titles.length) span.title = titles.join('\n');
    container.append(span);
  }
  return container;
}

function toggles(textEl) {
  return h('fieldset', { class: 'hl-toggles' },
    h('legend', null, 'Highlight'),
    KINDS.map((kind) => {
      const box = h('input', { type: 'checkbox', name: `hl-${kind}`, 'data-kind': kind });
      box.checked = !hidden.has(kind);
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(kind);
        else hidden.add(kind);
        textEl.classList.toggle(`hide-${kind}`, !box.checked);
      });
      return h('label', { class: `toggle hl-key-${kind}` }, box, h('span', { class: `hl hl-${kind}` }, KIND_LABELS[kind]));
    }));
}

function names(x) {
  const entities = new Map((x.entities || []).map((e) => [e.id, e.name]));
  const places = new Map((x.places || []).map((p) => [p.id, p]));
  return { entity: (id) => (id ? entities.get(id) || id : null), place: (id) => places.get(id) || null };
}

function slice(text, span) {
  const s = spanOf(span);
  return s ? Array.from(text).slice(s[0], s[1]).join('') : '';
}

function eventCard(x, event, lookup) {
  const place = lookup.place(event.place);
  const date = event.date || {};
  const rows = [
    ['Type', `${event.type}${event.mode ? ` · ${event.mode}` : ''} (CAMEO ${event.cameo ?? '—'}, ${event.quad})`],
    ['Trigger', slice(x.document.text, event.trigger)],
    ['Actors', [lookup.entity(event.actor1), lookup.entity(event.actor2)].filter(Boolean).join(' → ') || '—'],
    ['Place', place ? [place.name, place.admin1, place.country].filter(Boolean).join(', ') + ` (precision ${place.precision})` : '—'],
    ['Date', date.start ? `${date.start}${date.end && date.end !== date.start ? ` – ${date.end}` : ''} (${date.precision || '?'})` : 'undated'],
    ['Modality', event.modality + (event.attributed_to ? ` · per ${lookup.entity(event.attributed_to)}` : '')],
    ['Confidence', typeof event.confidence === 'number' ? event.confidence.toFixed(2) : '—'],
  ];
  if (event.fatalities !== null && event.fatalities !== undefined) rows.push(['Fatalities', event.fatalities]);
  return h('section', { class: 'card focus-card', 'aria-label': 'Selected event' },
    h('h3', null, `Event ${event.id}`),
    h('dl', null, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    h('button', { type: 'button', class: 'link-button', onclick: () => navigate({ event: null, claim: null }, { replace: true }) }, 'Clear selection'));
}

function sidebar(x, lookup, focus) {
  const text = x.document.text;
  const items = [];
  const p = params();
  if (p.get('corpus') && corpusCache.id === p.get('corpus')) {
    items.push(corpusCard(corpusCache.data, { doc: x.document.id, event: p.get('event') }));
  }
  if (focus.event) items.push(eventCard(x, focus.event, lookup));
  items.push(h('section', { class: 'card' }, h('h3', null, `Events (${(x.events || []).length})`),
    h('ul', { class: 'plain' }, (x.events || []).map((e) => h('li', null,
      h('a', { href: `?${new URLSearchParams({ view: 'source', doc: x.document.id, event: e.id })}`, class: focus.event && focus.event.id === e.id ? 'current' : null },
        `${e.type} “${slice(text, e.trigger)}”`),
      h('span', { class: 'muted' }, ` ${e.modality || ''}`))))));
  if ((x.quotes || []).length) {
    items.push(h('section', { class: 'card' }, h('h3', null, `Quotes (${x.quotes.length})`),
      h('ul', { class: 'plain' }, x.quotes.map((q) => h('li', null,
        h('q', null, q.text), h('span', { class: 'muted' }, ` — ${lookup.entity(q.speaker) || 'unattributed'} (${q.kind})`))))));
  }
  if ((x.claims || []).length) {
    items.push(h('section', { class: 'card' }, h('h3', null, `Claims (${x.claims.length})`),
      h('ul', { class: 'plain' }, x.claims.map((c) => h('li', null,
        h('a', { href: `?${new URLSearchParams({ view: 'source', doc: x.document.id, claim: c.id })}` }, `${c.stance}: ${c.text}`),
        h('span', { class: 'muted' }, ` — ${lookup.entity(c.claimant) || 'unknown'}${(c.hedges || []).length ? ` · hedged: ${c.hedges.join(', ')}` : ''}`))))));
  }
  return h('aside', { class: 'source-side' }, items);
}

function renderDocument(body, x) {
  const p = params();
  const lookup = names(x);
  const doc = x.document;
  const event = (x.events || []).find((e) => e.id === p.get('event')) || null;
  const claim = (x.claims || []).find((c) => c.id === p.get('claim')) || null;
  const marks = [];
  if (event) {
    const s = spanOf(event.sentence);
    const t = spanOf(event.trigger);
    if (s) marks.push({ start: s[0], end: s[1], mark: 'focus-sentence' });
    if (t) marks.push({ start: t[0], end: t[1], mark: 'focus-trigger' });
  }
  if (claim) {
    const s = spanOf(claim.span);
    if (s) marks.push({ start: s[0], end: s[1], mark: 'focus-sentence' });
  }
  const textEl = renderText(doc.text || '', highlightsOf(x), marks);
  textEl.addEventListener('click', (ev) => {
    const target = ev.target.closest('[data-event]');
    if (target) navigate({ event: target.dataset.event, claim: null }, { replace: true });
  });
  const meta = [doc.publisher, doc.published, doc.language, doc.license ? `licence ${doc.license}` : null].filter(Boolean).join(' · ');
  clear(body);
  body.append(
    h('div', { class: 'source-head' },
      h('a', { href: '?view=source', class: 'link-button' }, '← All documents'),
      h('h2', { class: 'doc-title' }, doc.title || '(untitled)'),
      h('p', { class: 'muted' }, meta),
      doc.url ? h('p', { class: 'doc-url' }, externalLink(doc.url)) : null,
      toggles(textEl)),
    h('div', { class: 'source-layout' }, h('article', { class: 'article', lang: doc.language || 'en' }, textEl), sidebar(x, lookup, { event })),
  );
  const target = textEl.querySelector('.focus-trigger') || textEl.querySelector('.focus-sentence');
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

async function renderList(body, status) {
  const mine = ++listToken;
  clear(body);
  const search = h('input', { type: 'search', name: 'doc-q', placeholder: 'search articles', 'aria-label': 'Search articles' });
  search.value = params().get('doc_q') || '';
  const form = h('form', { class: 'doc-search' }, search, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate({ doc_q: search.value.trim() || null }, { replace: true });
  });
  const list = h('ul', { class: 'doc-list' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More');
  body.append(h('h2', null, 'Documents'), form, list, more);
  let after = null;
  const load = async () => {
    setStatus(status, 'Loading documents…', 'loading');
    try {
      const page = await getJSON('/api/documents', { limit: 50, after, q: params().get('doc_q') });
      if (mine !== listToken) return;
      for (const d of page.items || []) {
        list.append(h('li', null,
          h('a', { href: `?${new URLSearchParams({ view: 'source', doc: d.id })}` }, d.title || d.id),
          h('span', { class: 'muted' }, ` ${[d.publisher, d.published].filter(Boolean).join(' · ')}${d.event_count !== undefined ? ` · ${d.event_count} events` : ''}`)));
      }
      after = page.next || null;
      more.hidden = !after;
      setStatus(status, list.childElementCount ? '' : 'No documents.', list.childElementCount ? 'info' : 'empty');
    } catch (err) {
      setStatus(status, `Could not load documents: ${err.message}`, 'error');
    }
  };
  more.addEventListener('click', load);
  await load();
}

let corpusCache = { id: null, data: null };

function corpusCard(detail, current) {
  const event = detail.event || {};
  const mentions = detail.mentions || [];
  return h('section', { class: 'card corpus-card', 'aria-label': 'Merged event' },
    h('h3', null, `Merged event: ${event.type || ''}`),
    h('p', { class: 'muted' }, `${event.mentions ?? mentions.length} mentions · ${event.articles ?? '?'} articles · ${event.sources ?? '?'} independent sources`),
    h('ul', { class: 'plain' }, mentions.map((m) => {
      const here = m.document_id === current.doc && m.event_id === current.event;
      const href = `?${new URLSearchParams({ view: 'source', corpus: detail.event.id, doc: m.document_id, event: m.event_id })}`;
      return h('li', null,
        h('a', { href, class: here ? 'current' : null }, m.publisher || m.title || m.document_id),
        h('span', { class: 'muted' }, ` ${[m.published, m.modality].filter(Boolean).join(' · ')}`));
    })));
}

export async function showSource() {
  const body = document.getElementById('source-body');
  const status = document.getElementById('source-status');
  const corpus = params().get('corpus');
  if (corpus && corpusCache.id !== corpus) {
    setStatus(status, 'Loading event…', 'loading');
    try {
      corpusCache = { id: corpus, data: await getJSON(`/api/corpus-events/${encodeURIComponent(corpus)}`) };
    } catch (err) {
      setStatus(status, err.status === 404 ? 'No such event.' : `Could not load the event: ${err.message}`, 'error');
      return;
    }
    if (params().get('corpus') !== corpus) return;
  }
  if (corpus && !params().get('doc')) {
    const first = (corpusCache.data.mentions || [])[0];
    if (first) {
      navigate({ doc: first.document_id, event: first.event_id }, { replace: true });
      return;
    }
  }
  const id = params().get('doc');
  if (!id) {
    docCache = { id: null, data: null };
    await renderList(body, status);
    return;
  }
  if (docCache.id !== id) {
    setStatus(status, 'Loading article…', 'loading');
    clear(body);
    try {
      const data = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
      // GET /api/documents/{id} is {extraction, highlights, near_duplicate_of}.
      const x = data.extraction ? { ...data.extraction, highlights: data.highlights } : data;
      docCache = { id, data: x };
    } catch (err) {
      setStatus(status, err.status === 404 ? 'No such document.' : `Could not load the article: ${err.message}`, 'error');
      return;
    }
  }
  if (params().get('doc') !== id) return;
  setStatus(status, '');
  renderDocument(body, docCache.data);
}
