// The claims board: every contradiction (one claimant asserts what another denies) as a card
// with the claim for and the claim against side by side.

import { getAll, getJSON } from './api.js';
import { actorsText, dateText, eventSource, normalizeEvent, placeText } from './data.js';
import { clear, h, setStatus } from './dom.js';

let loaded = false;
let corpusNext = null;

function sideView(side, info, docs, heading) {
  const doc = docs.get(side.document_id) || {};
  const meta = [doc.publisher || null, doc.published || null].filter(Boolean).join(' · ');
  const hedges = (info && info.hedges) || [];
  const href = `?${new URLSearchParams({ view: 'source', doc: side.document_id, claim: side.claim_id })}`;
  return h('div', { class: `claim-side stance-${side.stance}`, 'data-stance': side.stance },
    h('h4', null, heading),
    h('p', { class: 'claimant' }, side.claimant || 'unknown claimant'),
    h('p', { class: 'muted outlet' }, meta || 'outlet unknown'),
    h('blockquote', { class: 'claim-text' }, side.text),
    hedges.length
      ? h('p', { class: 'hedges' }, 'Hedged: ', hedges.map((x) => h('span', { class: 'chip' }, x)))
      : h('p', { class: 'hedges muted' }, 'No hedges'),
    h('p', { class: 'muted' }, h('a', { href }, side.title || side.document_id), ' (source)'));
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

// -- corpus events: the claims for and against each contested happening ----------------------

function corpusClaim(claim, corpusId) {
  const href = `?${new URLSearchParams({ view: 'source', corpus: corpusId, doc: claim.document_id, event: claim.event_id, claim: claim.claim_id })}`;
  const hedges = claim.hedges || [];
  return h('li', { class: `claim-side stance-${claim.stance}`, 'data-stance': claim.stance },
    h('p', { class: 'claimant' }, claim.claimant || 'unknown claimant'),
    h('p', { class: 'muted outlet' }, [claim.publisher || 'outlet unknown', claim.published].filter(Boolean).join(' · ')),
    h('blockquote', { class: 'claim-text' }, claim.text),
    hedges.length
      ? h('p', { class: 'hedges' }, 'Hedged: ', hedges.map((x) => h('span', { class: 'chip' }, x)))
      : h('p', { class: 'hedges muted' }, 'No hedges'),
    h('p', { class: 'muted' }, h('a', { href }, claim.title || claim.document_id), ' (source)'));
}

function corpusCard(detail) {
  const event = normalizeEvent(detail.event, 'corpus');
  const column = (heading, stance, claims) => h('div', { class: `claim-column column-${stance}` },
    h('h4', null, `${heading} (${claims.length})`),
    claims.length
      ? h('ul', { class: 'plain' }, claims.map((c) => corpusClaim(c, event.corpusId)))
      : h('p', { class: 'muted' }, 'No explicit claim; the reports disagree on modality.'));
  const modalities = Object.entries(detail.event.modalities || {}).map(([k, v]) => `${k} ${v}`).join(', ');
  return h('article', { class: 'claim-card', 'data-corpus': event.corpusId },
    h('header', null,
      h('span', { class: 'badge contested' }, 'contested'),
      h('strong', null, ` ${event.type}`),
      ` ${actorsText(event)} · ${placeText(event)} · ${dateText(event)}`,
      h('div', { class: 'muted' }, `${event.sources ?? '?'} independent sources · ${event.articles ?? '?'} articles · reported as ${modalities}`)),
    h('div', { class: 'claim-sides' },
      column('For', 'assert', detail.claims_for || []),
      column('Against', 'deny', detail.claims_against || [])));
}

async function loadCorpus(board, status, more) {
  setStatus(status, 'Loading contested events…', 'loading');
  const page = await getJSON('/api/corpus-events', { contested: 'true', limit: 20, after: corpusNext });
  const details = [];
  const ids = (page.items || []).map((row) => row.id);
  for (let i = 0; i < ids.length; i += 5) {
    details.push(...await Promise.all(ids.slice(i, i + 5).map((id) => getJSON(`/api/corpus-events/${encodeURIComponent(id)}`))));
  }
  board.append(...details.map(corpusCard));
  corpusNext = page.next || null;
  more.hidden = !corpusNext;
  const count = board.childElementCount;
  setStatus(status, count ? `${count}${corpusNext ? '+' : ''} contested events` : 'No contested events.', count ? 'info' : 'empty');
}

// Live updates: the next showClaims reads the board again.
export function refreshClaims() {
  loaded = false;
}

export async function showClaims() {
  if (loaded) return;
  const board = document.getElementById('claims-board');
  const status = document.getElementById('claims-status');
  if (await eventSource() === 'corpus') {
    clear(board);
    corpusNext = null;
    const more = document.getElementById('claims-more');
    more.onclick = () => loadCorpus(board, status, more).catch((err) => setStatus(status, `Could not load claims: ${err.message}`, 'error'));
    try {
      await loadCorpus(board, status, more);
      loaded = true;
    } catch (err) {
      setStatus(status, `Could not load claims: ${err.message}`, 'error');
    }
    return;
  }
  setStatus(status, 'Loading contested claims…', 'loading');
  try {
    const [contradictions, claimRows, docRows] = await Promise.all([
      getJSON('/api/contradictions'),
      getAll('/api/claims', { contested: 'true' }, { max: 5000 }).catch(() => []),
      getAll('/api/documents', {}, { max: 5000 }).catch(() => []),
    ]);
    const claims = new Map(claimRows.map((c) => [`${c.document_id}/${c.claim_id}`, c]));
    const docs = new Map(docRows.map((d) => [d.id, d]));
    const items = contradictions.items || [];
    clear(board);
    board.append(...items.map((item) => card(item, claims, docs)));
    setStatus(status, items.length ? `${items.length} contradictions` : 'No contested claims.', items.length ? 'info' : 'empty');
    loaded = true;
  } catch (err) {
    setStatus(status, `Could not load claims: ${err.message}`, 'error');
  }
}
