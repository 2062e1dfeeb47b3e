// Talking to the sitroom HTTP API (same origin, JSON under /api).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function apiUrl(path, query = {}) {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
  }
  const text = p.toString();
  return text ? `${path}?${text}` : path;
}

const TOKEN_KEY = 'sitroom-read-token';

// A server started with a read token needs it on every API call; it is kept for this tab only.
export function setToken(token) {
  if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
  else window.sessionStorage.removeItem(TOKEN_KEY);
}

// The server may answer a list from a page up to 5 s old (README, "Pages under writes"). When
// the live stream says the store changed, the screen's next reads ask for pages read after
// them (Cache-Control: no-cache), or the change would show up to 5 s late.
const FRESH_WINDOW_MS = 3000;
let freshUntil = 0;

export function readFreshForAWhile() {
  freshUntil = Date.now() + FRESH_WINDOW_MS;
}

function headers() {
  const out = { Accept: 'application/json' };
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  if (token) out.Authorization = `Bearer ${token}`;
  if (Date.now() < freshUntil) out['Cache-Control'] = 'no-cache';
  return out;
}

export async function getJSON(path, query = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, query), { signal, headers: headers() });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) window.dispatchEvent(new CustomEvent('sitroom:unauthorized'));
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || 'http', error.message || `HTTP ${response.status}`);
  }
  return body;
}

// Fetch all pages of a cursor-paged list, up to `max` items.
export async function getAll(path, query = {}, { max = 2000, limit = 500, signal } = {}) {
  const items = [];
  let after = null;
  for (;;) {
    const page = await getJSON(path, { ...query, limit, after }, { signal });
    const rows = Array.isArray(page) ? page : page.items || [];
    items.push(...rows);
    after = Array.isArray(page) ? null : page.next;
    if (!after || items.length >= max) return items;
  }
}

let healthPromise = null;
export function health() {
  if (!healthPromise) healthPromise = getJSON('/api/health').catch(() => ({}));
  return healthPromise;
}

// A file from the API saved by the browser. A plain link cannot carry the read token, so when
// one is set the file is fetched with it and handed over as a blob; the name is the server's.
export async function downloadFile(url, fallbackName) {
  const response = await fetch(url, { headers: { ...headers(), Accept: '*/*' } });
  if (response.status === 401) window.dispatchEvent(new CustomEvent('sitroom:unauthorized'));
  if (!response.ok) throw new ApiError(response.status, 'http', `HTTP ${response.status}`);
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = named ? named[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export function hasToken() {
  return Boolean(window.sessionStorage.getItem(TOKEN_KEY));
}
