// Disputed propositions: one card per thing claimants disagree on ("Taliban captured
// Panjshir"), naming the side that asserts it and the side that denies it, each with its
// quoted words, outlet and day and a link to the source. The pairs come from
// /api/contradictions (within one article and across articles), which filters by country and
// dates itself; the other filters keep a pair when one of its claims is about an event they
// keep (or, for claims about no event, when its article has one).

import { getAll, getJSON } from './api.js';
import { placeText, plural, shortDate } from './data.js';
import { eventsFor } from './dataset.js';
import { clear, h, setStatus } from './dom.js';

const SERVER_FILTERS = ['country', 'date_from', 'date_to'];

// The claimant as named, with the side they speak for when that is another name.
function who(side) {
  const name = side.claimant || (side.publisher ? `${side.publisher} (the outlet's own report)` : 'the report itself');
  return side.side && side.side.toLowerCase() !== name.toLowerCase() ? `${name} (${side.side})` : name;
}

function unique(values) {
  return [...new Set(values)];
}

function quoteOf(side, heading) {
  const href = `?${new URLSearchParams({ view: 'source', doc: side.document_id, claim: side.claim_id })}`;
  const where = [side.publisher || 'outlet unknown', shortDate(side.published)].filter(Boolean).join(', ');
  return h('div', { class: `claim-side stance-${side.stance}`, 'data-stance': side.stance },
    h('h4', null, heading),
    h('p', { class: 'claimant' }, who(side)),
    h('blockquote', { class: 'claim-text' }, side.text),
    h('p', { class: 'muted outlet' }, where, ' · ', h('a', { href }, side.title || 'source')));
}

// The pair's sides in reading order: the asserting claim first.
function ordered(item) {
  return item.a.stance === 'deny' && item.b.stance !== 'deny' ? [item.b, item.a] : [item.a, item.b];
}

function disputeCard(title, items) {
  const pairs = items.map(ordered);
  const claimKey = (s) => `${s.document_id}/${s.claim_id}`;
  const distinct = (list) => [...new Map(list.map((s) => [claimKey(s), s])).values()];
  const asserting = distinct(pairs.map(([left]) => left));
  const opposing = distinct(pairs.map(([, right]) => right));
  const denied = opposing.some((s) => s.stance === 'deny');
  const scopes = unique(items.map((i) => (i.scope === 'corpus' ? 'across articles' : 'within one article')));
  const first = items.find((i) => i.country || i.place) || items[0];
  const days = items.map((i) => i.date).filter(Boolean).sort();
  const meta = [
    first.place || first.country ? placeText({ place: first.place, country: first.country }) : null,
    days.length ? shortDate(days[0]) : null,
    plural(items.length, 'contradiction'),
    scopes.join(' and '),
  ].filter(Boolean).join(' · ');
  return h('article', { class: 'dispute-card', 'data-country': first.country || '' },
    h('header', null,
      h('span', { class: 'badge contested' }, 'disputed'),
      h('h3', { class: 'dispute-title' }, ` ${title}`),
      h('p', { class: 'muted' }, meta),
      h('p', { class: 'dispute-sides' },
        `asserted by ${unique(asserting.map(who)).join(', ')} · `
        + `${denied ? 'denied' : 'disputed'} by ${unique(opposing.map(who)).join(', ')}`)),
    h('div', { class: 'claim-sides' },
      h('div', { class: 'claim-column column-assert' }, asserting.map((s) => quoteOf(s, 'Asserts'))),
      h('div', { class: 'claim-column column-deny' },
        opposing.map((s) => quoteOf(s, s.stance === 'deny' ? 'Denies' : 'Says otherwise')))));
}

// Pairs about the same proposition share a card; a pair whose extraction states none is a card
// of its own, titled by what its asserting claim says.
function grouped(items) {
  const groups = new Map();
  for (const item of items) {
    const key = item.proposition ? `p:${item.proposition.toLowerCase()}` : `c:${item.a.document_id}/${item.a.claim_id}/${item.b.claim_id}`;
    if (!groups.has(key)) groups.set(key, { title: item.proposition || ordered(item)[0].text, items: [] });
    groups.get(key).items.push(item);
  }
  return [...groups.values()];
}

async function otherFilters(items, f) {
  const rest = Object.keys(f).filter((k) => !SERVER_FILTERS.includes(k));
  if (!rest.length || !items.length) return items;
  const [claimRows, load] = await Promise.all([
    getAll('/api/claims', { contested: 'true' }, { max: 5000 }).catch(() => []),
    eventsFor(f),
  ]);
  const claims = new Map(claimRows.map((c) => [`${c.document_id}/${c.claim_id}`, c]));
  const keys = new Set(load.events.map((e) => `${e.documentId}/${e.eventId}`));
  const documents = new Set(load.events.map((e) => e.documentId));
  return items.filter((item) => [item.a, item.b].some((side) => {
    const info = claims.get(`${side.document_id}/${side.claim_id}`);
    if (info && info.event_id) return keys.has(`${side.document_id}/${info.event_id}`);
    return documents.has(side.document_id);
  }));
}

// Fills `board` with the disputed propositions under the filters `f`; false when superseded.
export async function showDisputes(board, status, f, current) {
  setStatus(status, 'Loading disputed propositions…', 'loading');
  const query = Object.fromEntries(SERVER_FILTERS.filter((k) => f[k]).map((k) => [k, f[k]]));
  const found = await getJSON('/api/contradictions', query);
  const items = await otherFilters(found.items || [], f);
  if (!current()) return false;
  const groups = grouped(items);
  clear(board);
  board.append(...groups.map((g) => disputeCard(g.title, g.items)));
  const none = Object.keys(f).length ? 'No disputed propositions match these filters.' : 'No disputed propositions.';
  setStatus(status, groups.length ? plural(groups.length, 'disputed proposition') : none, groups.length ? 'info' : 'empty');
  return true;
}
