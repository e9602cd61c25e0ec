// The server's API token (api.token), for servers started with one. It is asked for once — when a call answers
// 401 — and kept in this browser; Settings changes or forgets it. Servers without a token never ask.
import { h } from './ui.js';

const TOKEN = 'reelflow:token';
let pending = null;
let declined = false;      // cancelled: not asked again on this page until a token is saved (Settings)

export function loadToken() {
  try { return localStorage.getItem(TOKEN) || ''; } catch { return ''; }
}

export function saveToken(token) {
  declined = false;
  const t = String(token || '').trim();
  if (t) localStorage.setItem(TOKEN, t);
  else localStorage.removeItem(TOKEN);
}

/** The header every API call sends; none without a token. */
export function authHeaders() {
  const t = loadToken();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/** For URLs the browser loads by itself (video, images, downloads), which cannot carry a header. */
export function withToken(url) {
  const t = loadToken();
  return t ? `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(t)}` : url;
}

/**
 * After a 401: resolves true when the call should be tried again — the token changed since it was sent (another
 * call already asked), or the user entered one — and false when the user declined. Calls that fail together
 * share one dialog.
 */
export async function tokenAfter401(sent) {
  if (loadToken() !== sent) return true;
  if (declined) return false;
  if (!pending) pending = ask(sent).finally(() => { pending = null; });
  return pending;
}

function ask(refused) {
  const input = h('input', { type: 'password', id: 'token-input', name: 'token', required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'token-reason token-hint' });
  const dialog = h('dialog', { class: 'token-dialog', id: 'token-dialog', 'aria-labelledby': 'token-title' },
    h('form', { method: 'dialog', class: 'stack' },
      h('h2', { id: 'token-title' }, 'API token'),
      h('p', { id: 'token-reason' }, refused
        ? 'The server refused the saved token. Enter the current one.'
        : 'This server needs an API token (the API_TOKEN it was started with).'),
      h('div', { class: 'field' }, h('label', { for: 'token-input' }, 'Token'), input,
        h('p', { class: 'hint', id: 'token-hint' }, 'Kept in this browser only. Change it under Settings.')),
      h('div', { class: 'row' },
        h('button', { class: 'btn btn-primary', value: 'save' }, 'Save token'),
        h('button', { class: 'btn btn-ghost', value: 'cancel', formnovalidate: true }, 'Cancel'))));
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const token = dialog.returnValue === 'save' ? input.value.trim() : '';
      if (token) saveToken(token);
      else declined = true;
      dialog.remove();
      resolve(Boolean(token));
    }, { once: true });
  });
}
