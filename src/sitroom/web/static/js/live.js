// Live updates: the server's stream of new and changed corpus events and alerts
// (GET /api/live, Server-Sent Events). New events refresh the screen in view with the same
// filters, zoom and scroll; alerts go to the alerts panel. EventSource reconnects by itself and
// resumes where it stopped (the server's event ids are cursors).

import { getJSON, readFreshForAWhile } from './api.js';
import { clear, h } from './dom.js';

const MAX_ALERTS = 100;
const REFRESH_DELAY_MS = 400;

let refreshTimer = null;
const shown = new Set();

function describe(alert) {
  const payload = alert.payload || {};
  if (payload.kind === 'corpus_event' && payload.event) {
    const e = payload.event;
    const actors = [e.actor1, e.actor2].filter(Boolean).join(' / ') || '—';
    const place = [e.place, e.country].filter(Boolean).join(', ') || 'unplaced';
    return { what: `${e.type} · ${actors} · ${place}`, corpusId: e.id };
  }
  if (payload.kind === 'contradiction' && payload.contradiction) {
    const c = payload.contradiction;
    return { what: `${c.claimant_a || '?'} ↔ ${c.claimant_b || '?'}: ${c.reason}`, corpusId: null };
  }
  return { what: alert.subject, corpusId: null };
}

function alertRow(alert) {
  const { what, corpusId } = describe(alert);
  const when = String(alert.fired_at || '').replace('T', ' ').slice(0, 19);
  const link = corpusId ? h('a', { href: `?view=source&corpus=${encodeURIComponent(corpusId)}` }, what) : what;
  return h('li', { class: 'alert-row', 'data-alert-id': String(alert.id) },
    h('span', { class: 'badge alert-rule' }, alert.rule),
    ' ', link,
    h('div', { class: 'muted' }, `${alert.reason} · ${when} UTC`));
}

function addAlerts(alerts) {
  const list = document.getElementById('alerts-list');
  if (!list) return;
  for (const alert of alerts) {
    if (shown.has(alert.id)) continue;
    shown.add(alert.id);
    list.prepend(alertRow(alert));
  }
  while (list.childElementCount > MAX_ALERTS) list.lastElementChild.remove();
  const count = list.childElementCount;
  document.getElementById('alerts-count').textContent = count ? `(${count})` : '';
  document.getElementById('alerts-empty').hidden = count > 0;
}

function setLive(state, text) {
  const el = document.getElementById('live-status');
  if (!el) return;
  el.dataset.state = state;
  el.textContent = text;
}

// `onChange` re-renders the screen in view; it is called at most every REFRESH_DELAY_MS.
export function startLive(onChange) {
  if (typeof window.EventSource !== 'function') return;
  const list = document.getElementById('alerts-list');
  if (list) clear(list);
  getJSON('/api/alerts', { limit: 50 }).then((page) => addAlerts(page.items || [])).catch(() => {});
  const source = new EventSource('/api/live');
  source.addEventListener('ready', () => setLive('on', 'live'));
  source.addEventListener('corpus', () => {
    document.body.dataset.liveEvents = String(Number(document.body.dataset.liveEvents || 0) + 1);
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      readFreshForAWhile();
      onChange();
    }, REFRESH_DELAY_MS);
  });
  source.addEventListener('alert', (message) => {
    try {
      addAlerts([JSON.parse(message.data)]);
    } catch {
      // a malformed message is skipped; the next one may be fine
    }
  });
  source.addEventListener('error', () => {
    // CLOSED: the server refused (a read token is needed); otherwise the browser retries.
    if (source.readyState === EventSource.CLOSED) setLive('off', 'live off');
    else setLive('retrying', 'reconnecting…');
  });
}
