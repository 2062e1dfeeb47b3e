// The feed beside the map: the events of the filter as one line each ("what happened"), latest
// first, with place, date, sources and a contested badge. Hovering a line rings its marker,
// clicking it opens the marker; hovering or clicking a marker marks its line here.

import { dateText, eventHref, placeText, plural, whatText } from './data.js';
import { clear, h } from './dom.js';
import { focus, onFocus } from './state.js';

const STEP = 150;

let shown = STEP;
let all = [];
let current = [];
let lastKey = null;
// The map's view ([[south, west], [north, east]]), for "only on the map in view".
let bounds = null;

function dayOf(event) {
  return event.dateStart || event.dateEnd || '';
}

// Latest first; undated last; background mentions after the news of the same day.
export function feedOrder(events) {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      const x = dayOf(a.event);
      const y = dayOf(b.event);
      if (!x !== !y) return x ? -1 : 1;
      if (x !== y) return x < y ? 1 : -1;
      if (a.event.background !== b.event.background) return a.event.background ? 1 : -1;
      return a.index - b.index;
    })
    .map((x) => x.event);
}

function item(event) {
  const li = h('li', {
    class: `feed-item quad-${event.quad}`, 'data-id': event.id, tabindex: 0,
    'aria-label': whatText(event),
  },
  h('p', { class: 'feed-what' }, h('span', { class: `swatch quad-${event.quad}` }), whatText(event)),
  h('p', { class: 'feed-meta muted' },
    [placeText(event), dateText(event), plural(event.sources ?? 1, 'source')].filter((x) => x !== '—').join(' · '),
    event.contested ? h('span', { class: 'badge contested' }, 'contested') : null,
    event.background ? h('span', { class: 'badge background' }, 'background') : null,
    event.lat === null ? h('span', { class: 'badge unplaced' }, 'not on map') : null,
    event.hasSource ? h('a', { href: eventHref(event), class: 'feed-source' }, 'source') : null));
  li.addEventListener('mouseenter', () => focus(event.id, 'feed'));
  li.addEventListener('focus', () => focus(event.id, 'feed'));
  const open = (e) => {
    if (e.target.closest('a')) return;
    mark(event.id, false);
    focus(event.id, 'feed', true);
  };
  li.addEventListener('click', open);
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(e);
    }
  });
  return li;
}

function inView(event) {
  if (!bounds || event.lat === null || event.lon === null) return false;
  const [[south, west], [north, east]] = bounds;
  // The view may span more than one copy of the world: compare longitudes modulo 360.
  const lon = east - west >= 360 ? west : west + ((((event.lon - west) % 360) + 360) % 360);
  return event.lat >= south && event.lat <= north && lon >= west && lon <= east;
}

function select() {
  const only = document.getElementById('feed-inview').checked;
  current = only ? all.filter(inView) : all;
}

function draw() {
  const list = document.getElementById('feed-list');
  clear(list);
  list.append(...current.slice(0, shown).map(item));
  const more = document.getElementById('feed-more');
  more.hidden = current.length <= shown;
  document.getElementById('feed-count').textContent = `(${current.length})`;
  list.dataset.items = String(Math.min(shown, current.length));
}

function mark(id, scroll) {
  const list = document.getElementById('feed-list');
  for (const el of list.querySelectorAll('.is-focus')) el.classList.remove('is-focus');
  const li = list.querySelector(`[data-id="${CSS.escape(id)}"]`);
  if (!li) return;
  li.classList.add('is-focus');
  if (scroll) li.scrollIntoView({ block: 'nearest' });
}

export function renderFeed(events, load) {
  const key = `${load.source}:${events.length ? events[0].id : ''}`;
  if (key !== lastKey) shown = STEP;
  lastKey = key;
  all = feedOrder(events);
  select();
  draw();
}

// Map → feed: the view moved; with "only on the map in view" the feed follows it.
export function setFeedBounds(view) {
  bounds = view;
  if (document.getElementById('feed-inview').checked) {
    select();
    draw();
  }
}

document.getElementById('feed-inview').addEventListener('change', () => {
  shown = STEP;
  select();
  draw();
});

document.getElementById('feed-more').addEventListener('click', () => {
  shown += STEP;
  draw();
});

// Map → feed: the line of the hovered or clicked marker.
onFocus(({ id, from, open }) => {
  if (from === 'feed') return;
  const index = current.findIndex((e) => e.id === id);
  if (index >= shown) {
    shown = index + 1;
    draw();
  }
  mark(id, true);
  if (open) document.getElementById('feed-list').dataset.selected = id;
});
