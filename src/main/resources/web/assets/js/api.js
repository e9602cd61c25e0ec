// The REST API, same origin. Errors carry the body's "error" message and the HTTP status.
import { authHeaders, loadToken, tokenAfter401, withToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, signal };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  for (;;) {
    const sent = loadToken();
    try {
      res = await fetch(`/api/v1${path}`, { ...init, headers: { ...headers, ...authHeaders() } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'Cannot reach the Reelflow server. Check that it is running and try again.');
    }
    if (res.status !== 401 || !(await tokenAfter401(sent))) break;
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || `HTTP ${res.status}`);
  return data;
}

const memo = new Map();
/** Static catalogues are fetched once per page load. */
export function cached(path) {
  if (!memo.has(path)) memo.set(path, api(path).catch((e) => { memo.delete(path); throw e; }));
  return memo.get(path);
}

export function artifactUrl(jobId, runDir, path) {
  if (!path) return null;
  const clean = String(path).replace(/^\/+/, '');
  const rel = !runDir || clean.startsWith(`${runDir}/`) ? clean : `${runDir}/${clean}`;
  return withToken(`/api/v1/jobs/${encodeURIComponent(jobId)}/artifacts/${rel.split('/').map(encodeURIComponent).join('/')}`);
}

/** BYOK: keys stay in this browser and go only into a job request's "keys". */
const KEYS = 'reelflow:keys';
export function loadKeys() {
  try { return JSON.parse(localStorage.getItem(KEYS) || '{}') || {}; } catch { return {}; }
}
export function saveKeys(keys) {
  const clean = Object.fromEntries(Object.entries(keys).filter(([, v]) => v && v.trim()));
  if (Object.keys(clean).length) localStorage.setItem(KEYS, JSON.stringify(clean));
  else localStorage.removeItem(KEYS);
}
