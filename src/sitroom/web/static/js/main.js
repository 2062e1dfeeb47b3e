// Entry point: the filter bar, the tabs and the router. Each screen module renders from the URL.

import { downloadFile, hasToken, setToken } from './api.js';
import { refreshClaims, showClaims } from './claims.js';
import { eventSource } from './data.js';
import { refreshEvents } from './dataset.js';
import { h } from './dom.js';
import { startLive } from './live.js';
import { refreshMap, resizeMap, showMap } from './map.js';
import { showSource } from './source.js';
import {
  FILTER_KEYS, MODALITIES, PLOVER_TYPES, QUADS, QUAD_LABELS, currentView, filters, navigate, onNavigate,
} from './state.js';
import { initTable, refreshTable, showTable } from './table.js';
import { showTimeline } from './timeline.js';

const form = document.getElementById('filters');

function fillSelect(id, values, labels = {}) {
  const select = document.getElementById(id);
  for (const value of values) select.append(h('option', { value }, labels[value] || value));
}

// The situation report of the country and dates in view (a static page the API renders).
function syncReportLink(f) {
  const query = new URLSearchParams({ format: 'html' });
  for (const key of ['country', 'date_from', 'date_to']) if (f[key]) query.set(key, f[key]);
  document.getElementById('report-link').href = `/api/report?${query}`;
}

// Every event of the current filter as CSV (the export's columns), streamed by the API.
function syncDownloadLink(f) {
  const query = new URLSearchParams({ format: 'csv' });
  for (const key of FILTER_KEYS) if (f[key]) query.set(key, f[key]);
  document.getElementById('download-link').href = `/api/events?${query}`;
}

// With a read token the link alone would be refused (401): fetch the file with the token.
document.getElementById('download-link').addEventListener('click', (event) => {
  if (!hasToken()) return;
  event.preventDefault();
  const link = event.currentTarget;
  downloadFile(link.getAttribute('href'), 'events.csv').catch((err) => {
    link.title = `Download failed: ${err.message}`;
  });
});

function syncForm() {
  const f = filters();
  syncReportLink(f);
  syncDownloadLink(f);
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input) input.value = f[key] || '';
  }
  const count = Object.keys(f).length;
  document.getElementById('filter-count').textContent = count ? `(${count} active)` : '';
}

function formFilters() {
  const changes = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input) changes[key] = input.value.trim() || null;
  }
  if (changes.country) changes.country = changes.country.toUpperCase();
  return changes;
}

function initFilters() {
  fillSelect('f-type', PLOVER_TYPES);
  fillSelect('f-quad', QUADS, QUAD_LABELS);
  fillSelect('f-modality', MODALITIES);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(formFilters());
  });
  // Selects and dates apply at once; text fields on Enter or Apply.
  for (const el of form.querySelectorAll('select, input[type=date]')) {
    el.addEventListener('change', () => navigate(formFilters()));
  }
  document.getElementById('f-clear').addEventListener('click', () => {
    navigate(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  });
  if (window.matchMedia('(max-width: 640px)').matches) {
    document.getElementById('filters-wrap').open = false;
  }
}

// Same-page links (?view=…) change the URL without reloading.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target === '_blank') return;
  const href = link.getAttribute('href');
  if (!href.startsWith('?')) return;
  event.preventDefault();
  window.history.pushState(null, '', href);
  route();
});

let lastView = null;

function route() {
  const view = currentView();
  syncForm();
  for (const tab of document.querySelectorAll('.tab[data-view]')) {
    const active = tab.dataset.view === view;
    if (active) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
    // Tabs keep the filters but not per-screen state.
    const p = new URLSearchParams();
    p.set('view', tab.dataset.view);
    for (const [key, value] of Object.entries(filters())) p.set(key, value);
    tab.setAttribute('href', `?${p}`);
  }
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${view}`;
  const usesFilters = view !== 'source';
  document.getElementById('filters-wrap').hidden = !usesFilters;
  const strip = document.getElementById('timeline-strip');
  strip.hidden = !(view === 'map' || view === 'table');
  document.body.dataset.view = view;
  if (lastView !== view) {
    document.getElementById('main').scrollTop = 0;
    lastView = view;
  }
  if (!strip.hidden) showTimeline(strip, 84);
  // The screen's promise, so that a live update can restore the scroll once it is drawn.
  if (view === 'map') return showMap();
  if (view === 'table') return showTable();
  if (view === 'timeline') return showTimeline(document.getElementById('timeline-big'), 300);
  if (view === 'claims') return showClaims();
  return showSource();
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    resizeMap();
    const view = currentView();
    if (view === 'timeline') showTimeline(document.getElementById('timeline-big'), 300);
    else if (view === 'map' || view === 'table') showTimeline(document.getElementById('timeline-strip'), 84);
  }, 150);
});

// A 401 from the API: ask once for the server's read token.
window.addEventListener('sitroom:unauthorized', () => {
  if (document.getElementById('token-form')) return;
  const input = h('input', { type: 'password', name: 'token', 'aria-label': 'API read token', placeholder: 'API read token' });
  const form = h('form', { id: 'token-form', class: 'token-form' },
    h('span', null, 'This server needs a read token. '), input, h('button', { type: 'submit' }, 'Use token'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    window.location.reload();
  });
  document.querySelector('.top').after(form);
  input.focus();
});

initFilters();
initTable();
onNavigate(route);
route();
// New or changed events on the server: the shared event loads are dropped (the map, the feed
// and the timeline read them again) and the screen in view reloads with the same filters,
// keeping the map's zoom and the scroll position.
startLive(() => {
  refreshEvents();
  refreshMap();
  refreshTable();
  refreshClaims();
  const main = document.getElementById('main');
  const scroller = document.querySelector('#view-table .table-scroll');
  const [top, inner] = [main.scrollTop, scroller ? scroller.scrollTop : 0];
  Promise.resolve(route()).finally(() => {
    main.scrollTop = top;
    if (scroller) scroller.scrollTop = inner;
  });
});
eventSource().then((source) => {
  document.getElementById('source-kind').textContent = source === 'corpus' ? 'corpus events' : 'article events';
});
