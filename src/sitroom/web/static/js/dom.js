// DOM helpers. Every string from the API is untrusted: it only ever reaches the page through
// text nodes, textContent, or attributes that cannot run code. No innerHTML anywhere.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'href') {
        const safe = safeHref(value);
        if (safe) el.setAttribute('href', safe);
      } else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (/^(aria-|data-)|^(role|title|type|name|id|for|tabindex|colspan|scope|hidden|value|placeholder|rel|target|datetime|lang)$/.test(key)) {
        el.setAttribute(key, value === true ? '' : String(value));
      } else {
        throw new Error(`h(): attribute not allowed: ${key}`);
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Internal links are query strings on this page; external links only http(s).
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith('?')) return text;
  try {
    const url = new URL(text, window.location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    return null;
  }
  return null;
}

export function externalLink(url, label) {
  const safe = url ? safeHref(url) : null;
  if (!safe || safe.startsWith('?')) return h('span', { class: 'url-text' }, label || url || '');
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank' }, label || url);
}

export function setStatus(el, message, kind = 'info') {
  clear(el);
  el.dataset.kind = kind;
  if (message) el.append(document.createTextNode(message));
  el.hidden = !message;
}
