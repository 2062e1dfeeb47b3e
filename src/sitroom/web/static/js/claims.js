// The claims board: first the disputed propositions (disputes.js); then, under "Claims by
// event", each contested happening (corpus events) or contradiction (one claimant asserts
// what another denies) as a card with the claims for and against side by side, each
// naming its claimant and their affiliation, quoting the evidence with outlet and date. The
// board follows the filter bar like every other screen.

import { getAll, getJSON } from './api.js';
import { actorsText, dateText, eventSource, normalizeEvent, placeText, plural, shortDate, whatText } from './data.js';
import { eventsFor } from './dataset.js';
import { showDisputes } from './disputes.js';
import { clear, h, setStatus } from './dom.js';
import { filterKey, filters } from './state.js';
import { claimantLabel, forgetVoices, propositionText } from './voices.js';

let loadedKey = null;
let corpusNext = null;
let token = 0;

function hedgesLine(hedges) {
  // Shown only when the claim is hedged: an absence is no information worth a line.
  return hedges && hedges.length
    ? h('p', { class: 'hedges' }, 'Hedged: ', hedges.map((x) => h('span', { class: 'chip' }, x)))
    : null;
}

function voice(claimant, publisher) {
  const p = h('p', { class: 'claimant' }, claimant || (publisher ? `${publisher} (the outlet's own report)` : 'The report itself'));
  return p;
}

// Names the claimant with the party they speak for once the article's extraction is read.
function withAffiliation(p, documentId, claimId, claimant) {
  claimantLabel(documentId, claimId, claimant).then((label) => {
    if (label) p.textContent = label;
  });
}

function evidence(claim, meta, href) {
  const who = voice(claim.claimant, meta.publisher);
  withAffiliation(who, claim.document_id, claim.claim_id, claim.claimant);
  const where = [meta.publisher || 'outlet unknown', shortDate(meta.published)].filter(Boolean).join(', ');
  return [
    who,
    h('blockquote', { class: 'claim-text' }, claim.text),
    h('p', { class: 'muted outlet' }, where, ' · ', h('a', { href }, meta.title || 'source')),
    hedgesLine(claim.hedges),
  ];
}

// -- per-article contradictions ---------------------------------------------------------------

function sideView(side, info, docs, heading) {
  const doc = docs.get(side.document_id) || {};
  const href = `?${new URLSearchParams({ view: 'source', doc: side.document_id, claim: side.claim_id })}`;
  const claim = { ...side, hedges: (info && info.hedges) || [] };
  return h('div', { class: `claim-side stance-${side.stance}`, 'data-stance': side.stance },
    h('h4', null, heading),
    evidence(claim, { publisher: doc.publisher, published: doc.published, title: side.title || doc.title }, href));
}

function card(item, claims, docs) {
  const [left, right] = item.a.stance === 'deny' && item.b.stance !== 'deny' ? [item.b, item.a] : [item.a, item.b];
  const infoL = claims.get(`${left.document_id}/${left.claim_id}`);
  const infoR = claims.get(`${right.document_id}/${right.claim_id}`);
  const eventType = (infoL && infoL.event_type) || (infoR && infoR.event_type) || null;
  return h('article', { class: 'claim-card', 'data-scope': item.scope || '' },
    h('header', null,
      h('span', { class: 'badge contested' }, 'contested'),
      eventType ? h('strong', null, ` ${eventType}`) : null,
      h('span', { class: 'muted' }, ` · ${item.scope === 'corpus' ? 'across articles' : 'within one article'} · ${item.reason || ''}`)),
    h('div', { class: 'claim-sides' },
      sideView(left, infoL, docs, left.stance === 'deny' ? 'Against' : 'For'),
      sideView(right, infoR, docs, right.stance === 'assert' ? 'For' : 'Against')));
}

// A contradiction is in the filter when a claim of it is about an event of the filter, or,
// for claims about no event, when its article has one.
function inFilter(item, claims, events) {
  return [item.a, item.b].some((side) => {
    const info = claims.get(`${side.document_id}/${side.claim_id}`);
    if (info && info.event_id) return events.keys.has(`${side.document_id}/${info.event_id}`);
    return events.documents.has(side.document_id);
  });
}

async function showContradictions(board, status, mine) {
  const f = filters();
  const filtered = Object.keys(f).length > 0;
  const [contradictions, claimRows, docRows, load] = await Promise.all([
    getJSON('/api/contradictions'),
    getAll('/api/claims', { contested: 'true' }, { max: 5000 }).catch(() => []),
    getAll('/api/documents', {}, { max: 5000 }).catch(() => []),
    filtered ? eventsFor(f) : null,
  ]);
  if (mine !== token) return;
  const claims = new Map(claimRows.map((c) => [`${c.document_id}/${c.claim_id}`, c]));
  const docs = new Map(docRows.map((d) => [d.id, d]));
  let items = contradictions.items || [];
  if (load) {
    const events = {
      keys: new Set(load.events.map((e) => `${e.documentId}/${e.eventId}`)),
      documents: new Set(load.events.map((e) => e.documentId)),
    };
    items = items.filter((item) => inFilter(item, claims, events));
  }
  clear(board);
  board.append(...items.map((item) => card(item, claims, docs)));
  const none = filtered ? 'No contested claims match these filters.' : 'No contested claims.';
  setStatus(status, items.length ? plural(items.length, 'contradiction') : none, items.length ? 'info' : 'empty');
}

// -- corpus events: the claims for and against each contested happening ----------------------

function corpusClaim(claim, corpusId) {
  const href = `?${new URLSearchParams({ view: 'source', corpus: corpusId, doc: claim.document_id, event: claim.event_id, claim: claim.claim_id })}`;
  return h('li', { class: `claim-side stance-${claim.stance}`, 'data-stance': claim.stance },
    evidence(claim, claim, href));
}

// The claims for and against side by side; `onlyStated` leaves out an empty side (a
// proposition nobody disputes needs no "Against (0)").
function sides(claimsFor, claimsAgainst, corpusId, onlyStated = false) {
  const column = (heading, stance, claims) => h('div', { class: `claim-column column-${stance}` },
    h('h4', null, `${heading} (${claims.length})`),
    claims.length
      ? h('ul', { class: 'plain' }, claims.map((c) => corpusClaim(c, corpusId)))
      : h('p', { class: 'muted' }, 'No explicit claim; the reports disagree on modality.'));
  const columns = [['For', 'assert', claimsFor], ['Against', 'deny', claimsAgainst]]
    .filter(([, , claims]) => !onlyStated || claims.length)
    .map(([heading, stance, claims]) => column(heading, stance, claims));
  return h('div', { class: `claim-sides${columns.length === 1 ? ' one-side' : ''}` }, columns);
}

// Where the extractions state what each claim is about (its proposition) and some proposition
// has claims on both sides, each such disputed proposition gets a block of its own, first; the
// other claims stay together below. Otherwise the card stays as it is.
async function byProposition(card, detail, corpusId) {
  const claims = [...(detail.claims_for || []), ...(detail.claims_against || [])];
  const texts = await Promise.all(claims.map((c) => propositionText(c.document_id, c.claim_id)));
  const groups = new Map();
  claims.forEach((claim, i) => {
    if (!texts[i]) return;
    if (!groups.has(texts[i])) groups.set(texts[i], []);
    groups.get(texts[i]).push(claim);
  });
  const disputed = [...groups.entries()].filter(([, members]) =>
    members.some((c) => c.stance === 'assert') && members.some((c) => c.stance !== 'assert'));
  if (!disputed.length) return;
  const placed = new Set(disputed.flatMap(([, members]) => members));
  const rest = claims.filter((c) => !placed.has(c));
  const block = (text, members, badge) => h('section', { class: `proposition${badge ? ' disputed' : ''}` },
    h('h3', { class: 'proposition-text' }, badge ? h('span', { class: 'badge contested' }, 'disputed') : null, ` ${text}`),
    sides(members.filter((c) => c.stance === 'assert'), members.filter((c) => c.stance !== 'assert'), corpusId, true));
  card.querySelector('.claim-sides').replaceWith(h('div', { class: 'propositions' },
    disputed.map(([text, members]) => block(text, members, true)),
    rest.length ? block('Other claims about this event', rest, false) : null));
}

function corpusCard(detail) {
  const event = normalizeEvent(detail.event, 'corpus');
  const modalities = Object.entries(detail.event.modalities || {}).map(([k, v]) => `${k} ${v}`).join(', ');
  const card = h('article', { class: 'claim-card', 'data-corpus': event.corpusId, 'data-country': event.country || '' },
    h('header', null,
      h('span', { class: 'badge contested' }, 'contested'),
      h('strong', null, ` ${whatText(event)}`),
      h('div', { class: 'muted' }, `${event.type} · ${actorsText(event)} · ${placeText(event)} · ${dateText(event)}`),
      h('div', { class: 'muted' }, [
        plural(event.sources ?? 0, 'independent source'),
        plural(event.articles ?? 0, 'article'),
        `reported as ${modalities}`,
      ].join(' · '))),
    sides(detail.claims_for || [], detail.claims_against || [], event.corpusId));
  byProposition(card, detail, event.corpusId).catch(() => {});
  return card;
}

async function loadCorpus(board, status, more, mine) {
  setStatus(status, 'Loading contested events…', 'loading');
  const f = filters();
  const page = await getJSON('/api/corpus-events', { ...f, contested: 'true', limit: 20, after: corpusNext });
  const details = [];
  const ids = (page.items || []).map((row) => row.id);
  for (let i = 0; i < ids.length; i += 5) {
    details.push(...await Promise.all(ids.slice(i, i + 5).map((id) => getJSON(`/api/corpus-events/${encodeURIComponent(id)}`))));
  }
  if (mine !== token) return;
  board.append(...details.map(corpusCard));
  corpusNext = page.next || null;
  more.hidden = !corpusNext;
  const count = board.childElementCount;
  const none = Object.keys(f).length ? 'No contested events match these filters.' : 'No contested events.';
  setStatus(status, count ? `${plural(count, 'contested event')}${corpusNext ? ' (more below)' : ''}` : none, count ? 'info' : 'empty');
}

function scopeLine() {
  const f = filters();
  const parts = Object.entries(f).map(([k, v]) => `${k.replace('_', ' ')} ${v}`);
  document.getElementById('claims-scope').textContent = parts.length ? `Filtered: ${parts.join(' · ')}` : '';
}

// Live updates: the next showClaims reads the board again.
export function refreshClaims() {
  loadedKey = null;
  forgetVoices();
}

export async function showClaims() {
  const key = filterKey();
  if (key === loadedKey) return;
  loadedKey = key;
  const mine = ++token;
  scopeLine();
  const board = document.getElementById('claims-board');
  const status = document.getElementById('claims-status');
  const more = document.getElementById('claims-more');
  clear(board);
  more.hidden = true;
  const disputes = document.getElementById('disputes-board');
  const disputesStatus = document.getElementById('disputes-status');
  clear(disputes);
  showDisputes(disputes, disputesStatus, filters(), () => mine === token).catch((err) => {
    if (mine === token) setStatus(disputesStatus, `Could not load disputed propositions: ${err.message}`, 'error');
  });
  try {
    const corpus = await eventSource() === 'corpus';
    document.getElementById('claims-by-event').textContent = corpus ? 'Claims by event' : 'Contradictions by article';
    if (corpus) {
      corpusNext = null;
      more.onclick = () => loadCorpus(board, status, more, token)
        .catch((err) => setStatus(status, `Could not load claims: ${err.message}`, 'error'));
      await loadCorpus(board, status, more, mine);
      return;
    }
    setStatus(status, 'Loading contested claims…', 'loading');
    await showContradictions(board, status, mine);
  } catch (err) {
    if (mine !== token) return;
    loadedKey = null;
    setStatus(status, `Could not load claims: ${err.message}`, 'error');
  }
}
