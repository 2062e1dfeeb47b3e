// Every event of a filter, loaded once and shared by the map, the feed and the timeline, so
// that the three always show the same events. Pages arrive one by one; each consumer is told
// as they do and gets the whole list at the end.

import { fetchEventPage } from './data.js';
import { FILTER_KEYS } from './state.js';

const PAGE = 500;
export const MAX_EVENTS = 10000;
const KEEP = 4;

const loads = new Map();

function keyOf(f) {
  return FILTER_KEYS.map((k) => `${k}=${f[k] || ''}`).join('&');
}

function start(f) {
  const load = { events: [], done: false, more: false, source: null, error: null, listeners: new Set() };
  const tell = () => {
    for (const fn of load.listeners) fn(load);
  };
  load.promise = (async () => {
    let after = null;
    try {
      do {
        const page = await fetchEventPage(f, { after, limit: PAGE });
        load.events.push(...page.items);
        load.source = page.source;
        after = page.next;
        load.more = Boolean(after);
        tell();
      } while (after && load.events.length < MAX_EVENTS);
    } catch (err) {
      load.error = err;
      loads.delete(keyOf(f));
    }
    load.done = true;
    tell();
    if (load.error) throw load.error;
    return load;
  })();
  return load;
}

// The events of filter `f`; `onProgress(load)` is called as pages arrive (load.events so far,
// load.done, load.more: more events than loaded, load.source: 'corpus' or 'events').
export function eventsFor(f, onProgress = null) {
  const key = keyOf(f);
  let load = loads.get(key);
  if (!load) {
    load = start(f);
    loads.set(key, load);
    while (loads.size > KEEP) loads.delete(loads.keys().next().value);
  }
  if (onProgress) {
    load.listeners.add(onProgress);
    if (load.events.length || load.done) onProgress(load);
    load.promise.finally(() => load.listeners.delete(onProgress)).catch(() => {});
  }
  return load.promise;
}

// Live updates: every next eventsFor reads the server again.
export function refreshEvents() {
  loads.clear();
}

export function withoutDates(f) {
  const out = { ...f };
  delete out.date_from;
  delete out.date_to;
  return out;
}
