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

function headers() {
  const out = { Accept: 'application/json' };
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  if (token) out.Authorization = `Bearer ${token}`;
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
