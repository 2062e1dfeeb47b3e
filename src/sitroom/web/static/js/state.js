// The page state lives in the URL query string, so every view can be shared and reloaded.

export const FILTER_KEYS = [
  'type', 'quad', 'modality', 'country', 'date_from', 'date_to', 'actor', 'q',
  'acled_event_type', 'admin1',
];
export const VIEWS = ['map', 'timeline', 'table', 'claims', 'source'];

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'INVESTIGATE',
  'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE',
  'ASSAULT', 'FIGHT', 'CRIME',
];
export const QUADS = [
  'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict',
];
export const QUAD_LABELS = {
  verbal_cooperation: 'Verbal cooperation',
  material_cooperation: 'Material cooperation',
  verbal_conflict: 'Verbal conflict',
  material_conflict: 'Material conflict',
};
// The colours come from /static/palette.css (data/palette.yaml), the one definition every screen
// and the situation report share: custom properties --q-<quad>, read once from the page.
const colourCache = new Map();

export function quadColor(quad) {
  const key = QUADS.includes(quad) ? quad.replace(/_/g, '-') : 'other';
  if (!colourCache.has(key)) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(`--q-${key}`).trim();
    if (!value) return '#777777';
    colourCache.set(key, value);
  }
  return colourCache.get(key);
}
export const MODALITIES = [
  'asserted', 'claimed', 'denied', 'planned', 'conditional', 'negated', 'hypothetical',
];

export function params() {
  return new URLSearchParams(window.location.search);
}

export function currentView() {
  const view = params().get('view');
  return VIEWS.includes(view) ? view : 'map';
}

export function filters() {
  const p = params();
  const out = {};
  for (const key of FILTER_KEYS) {
    const value = p.get(key);
    if (value) out[key] = value;
  }
  return out;
}

export function filterKey(f = filters()) {
  return FILTER_KEYS.map((k) => `${k}=${f[k] || ''}`).join('&');
}

// A query string for the given changes (null removes a key), kept in a stable order.
export function hrefWith(changes) {
  const p = params();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') p.delete(key);
    else p.set(key, value);
  }
  const ordered = new URLSearchParams();
  const order = ['view', ...FILTER_KEYS];
  for (const key of order) if (p.has(key)) ordered.set(key, p.get(key));
  for (const [key, value] of p) if (!order.includes(key)) ordered.set(key, value);
  const text = ordered.toString();
  return text ? `?${text}` : '?';
}

const listeners = [];

export function onNavigate(fn) {
  listeners.push(fn);
}

export function navigate(changes, { replace = false } = {}) {
  const href = hrefWith(changes);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const fn of listeners) fn();
}

window.addEventListener('popstate', () => {
  for (const fn of listeners) fn();
});

// One event pointed at across screens: the map and the feed follow each other. `from` names
// the screen that pointed, so that it does not react to itself; `open` is a click.
const focusListeners = [];

export function onFocus(fn) {
  focusListeners.push(fn);
}

export function focus(id, from, open = false) {
  for (const fn of focusListeners) fn({ id, from, open });
}
