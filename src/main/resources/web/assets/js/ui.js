// Tiny DOM helpers: elements are built with h(), never from HTML strings, so job text is never markup.

export function h(tag, attrs, ...children) {
  const el = tag === 'svg' || tag === 'path' || tag === 'circle' || tag === 'polyline' || tag === 'rect' || tag === 'line'
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'style' && typeof v === 'object') for (const [p, x] of Object.entries(v)) el.style.setProperty(p, x);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string' && !(el instanceof SVGElement)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el) { el.replaceChildren(); return el; }

const ICONS = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  skip: 'M6 12h12',
  x: 'M7 7l10 10M17 7L7 17',
  spin: 'M12 4a8 8 0 1 1-8 8',
  clock: 'M12 7v5l3 2',
  download: 'M12 4v11m0 0l-4-4m4 4l4-4M5 20h14',
  stop: 'M8 8h8v8H8z',
  plus: 'M12 5v14M5 12h14',
  trash: 'M5 7h14M10 7V5h4v2m-7 0l1 12h8l1-12',
  back: 'M15 6l-6 6 6 6',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zm5-2l4 4',
};

export function icon(name) {
  const svg = h('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' });
  if (name === 'clock') svg.append(h('circle', { cx: 12, cy: 12, r: 8 }));
  svg.append(h('path', { d: ICONS[name] || '' }));
  return svg;
}

export function fmtDuration(sec) {
  if (sec === null || sec === undefined || Number.isNaN(sec)) return '';
  if (sec < 1) return `${Math.max(0, Math.round(sec * 1000))} ms`;
  if (sec < 60) return `${sec.toFixed(sec < 10 ? 1 : 0)} s`;
  const m = Math.floor(sec / 60), s = Math.round(sec % 60);
  return `${m}m ${String(s).padStart(2, '0')}s`;
}

export function fmtMoney(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  if (v === 0) return '$0.00';
  return v < 0.01 ? `$${v.toFixed(4)}` : `$${v.toFixed(v < 1 ? 3 : 2)}`;
}

export function fmtDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const diff = (Date.now() - d.getTime()) / 1000;
  if (diff < 45) return 'just now';
  if (diff < 3600) return `${Math.round(diff / 60)} min ago`;
  if (diff < 86400) return `${Math.round(diff / 3600)} h ago`;
  return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric' });
}

export function titleCase(key) {
  return String(key || '').replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

export const STATUS_LABEL = {
  queued: 'Queued', running: 'Generating…', completed: 'Completed', failed: 'Failed',
  cancelled: 'Cancelled', interrupted: 'Interrupted', unknown: 'Unknown',
};

export function statusPill(status) {
  return h('span', { class: `pill s-${status || 'unknown'}`, 'data-status': status }, STATUS_LABEL[status] || titleCase(status));
}

export function announce(text) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.append(h('p', {}, text));
  while (el.childElementCount > 5) el.firstElementChild.remove();
}

export function toast(text, kind = 'info') {
  const box = document.getElementById('toasts');
  const t = h('div', { class: `toast ${kind}` }, text);
  box.append(t);
  setTimeout(() => t.remove(), 6000);
}

/** UTF-8 byte length, as the server counts it. */
export function utf8Bytes(s) { return new TextEncoder().encode(s).length; }

/** "Bold, provocative, ..." -> "Bold" */
export function firstClause(s) { return String(s || '').split(/[,.;]/)[0].trim(); }
