// The event table: the API's filters (from the filter bar), a "what happened" line per event,
// sortable columns over the loaded rows, and the API cursor behind a "More" button. Clicking a
// row opens the event in the source view.

import { actorsText, dateText, eventHref, fetchEventPage, placeText, whatText } from './data.js';
import { clear, h, setStatus } from './dom.js';
import { filterKey, filters, navigate, params } from './state.js';

const PAGE = 100;

const COLUMNS = [
  { key: 'date', label: 'Date', value: (e) => e.dateStart || e.dateEnd || '' },
  { key: 'what', label: 'What happened', value: (e) => whatText(e).toLowerCase() },
  { key: 'type', label: 'Type', value: (e) => e.type || '' },
  { key: 'place', label: 'Place', value: (e) => placeText(e).toLowerCase() },
  { key: 'modality', label: 'Modality', value: (e) => e.modality || '' },
  { key: 'sources', label: 'Sources', value: (e) => e.sources ?? 1, numeric: true },
  { key: 'contested', label: 'Contested', value: (e) => (e.contested ? 1 : 0), numeric: true },
  { key: 'confidence', label: 'Conf.', value: (e) => e.confidence ?? 0, numeric: true },
];

let rows = [];
let next = null;
let loadedKey = null;
let token = 0;

function sortState() {
  const p = params();
  const key = COLUMNS.some((c) => c.key === p.get('sort')) ? p.get('sort') : null;
  return { key, dir: p.get('dir') === 'asc' ? 'asc' : 'desc' };
}

function sorted() {
  const { key, dir } = sortState();
  if (!key) return rows;
  const column = COLUMNS.find((c) => c.key === key);
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = column.value(a.row);
      const y = column.value(b.row);
      if (x < y) return -sign;
      if (x > y) return sign;
      return a.index - b.index;
    })
    .map((x) => x.row);
}

function header() {
  const { key, dir } = sortState();
  return h('thead', null, h('tr', null, COLUMNS.map((column) => {
    const active = column.key === key;
    const ariaSort = active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    const nextDir = active && dir === 'desc' ? 'asc' : 'desc';
    const button = h('button', {
      type: 'button',
      class: 'sort',
      'data-sort': column.key,
      onclick: () => navigate({ sort: column.key, dir: nextDir }, { replace: true }),
    }, column.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''));
    return h('th', { scope: 'col', 'aria-sort': ariaSort, class: column.numeric ? 'num' : null }, button);
  }), h('th', { scope: 'col' }, 'Source')));
}

function sourceLabel(event) {
  const names = event.publishers;
  if (names.length > 1) return `${names[0]} +${names.length - 1}`;
  return names[0] || 'open';
}

function bodyRow(event) {
  const precision = event.datePrecision ? h('span', { class: 'muted' }, ` ${event.datePrecision}`) : null;
  const geo = event.precision === 3 ? h('span', { class: 'muted', title: 'province or wider' }, ' ≈') : null;
  const row = h('tr', {
    'data-id': event.id, 'data-type': event.type || '', class: event.hasSource ? 'opens' : null,
    title: event.hasSource ? 'Open in the source view' : null,
  },
    h('td', { class: 'nowrap' }, dateText(event), precision),
    h('td', { class: 'what' }, whatText(event),
      event.actor1 || event.attributedTo
        ? h('div', { class: 'muted' }, event.actor1 ? actorsText(event) : '', event.attributedTo ? ` · per ${event.attributedTo}` : '')
        : null),
    h('td', { class: 'nowrap' }, h('span', { class: `swatch quad-${event.quad}`, title: event.quad || '' }), event.type,
      event.mode ? h('span', { class: 'muted' }, ` ${event.mode}`) : null),
    h('td', null, placeText(event), geo),
    h('td', null, event.modality || ''),
    h('td', { class: 'num' }, String(event.sources ?? 1)),
    h('td', null, event.contested ? h('span', { class: 'badge contested' }, 'contested') : ''),
    h('td', { class: 'num' }, event.confidence === null ? '' : event.confidence.toFixed(2)),
    h('td', null, event.hasSource
      ? h('a', { href: eventHref(event), title: event.title || '' }, sourceLabel(event))
      : ''));
  if (event.hasSource) {
    row.addEventListener('click', (e) => {
      if (e.target.closest('a, button') || window.getSelection().toString()) return;
      openHref(eventHref(event));
    });
  }
  return row;
}

// Same-page navigation, as the links of the page do it (main.js routes on popstate).
function openHref(href) {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

// Column names on each cell, for the stacked layout of narrow screens.
function labelCells(tr) {
  const names = [...COLUMNS.map((c) => c.label), 'Source'];
  [...tr.children].forEach((td, i) => td.setAttribute('data-label', names[i]));
  return tr;
}

function render() {
  const table = document.getElementById('events-table');
  clear(table);
  table.append(
    h('caption', { class: 'visually-hidden' }, 'Events matching the filters'),
    header(),
    h('tbody', null, sorted().map((event) => labelCells(bodyRow(event)))),
  );
  table.dataset.rows = String(rows.length);
  const more = document.getElementById('table-more');
  more.hidden = !next;
}

async function load(append) {
  const f = filters();
  const mine = ++token;
  const status = document.getElementById('table-status');
  const more = document.getElementById('table-more');
  setStatus(status, append ? 'Loading more…' : 'Loading events…', 'loading');
  more.disabled = true;
  try {
    const page = await fetchEventPage(f, { after: append ? next : null, limit: PAGE });
    if (mine !== token) return;
    rows = append ? rows.concat(page.items) : page.items;
    next = page.next;
    render();
    if (!rows.length) setStatus(status, 'No events match these filters.', 'empty');
    else setStatus(status, `${rows.length}${next ? '+' : ''} ${page.source === 'corpus' ? 'corpus events' : 'events'}` +
      (sortState().key ? ' · sorted among the loaded rows' : ''));
  } catch (err) {
    if (mine !== token) return;
    loadedKey = null;
    setStatus(status, `Could not load events: ${err.message}`, 'error');
  } finally {
    more.disabled = false;
  }
}

// Live updates: the next showTable reloads the rows with the same filters and sort.
export function refreshTable() {
  loadedKey = null;
}

export function initTable() {
  document.getElementById('table-more').addEventListener('click', () => load(true));
}

export async function showTable() {
  const key = filterKey();
  if (key === loadedKey) {
    render();
    return;
  }
  loadedKey = key;
  await load(false);
}
