// Client-side routes: /, /jobs/:id, /gallery, /settings. Each page module exports mount(main, params) and may
// return a cleanup function, called when the route changes.
import { api } from './api.js';
import { h } from './ui.js';
import * as home from './pages/home.js';
import * as job from './pages/job.js';
import * as gallery from './pages/gallery.js';
import * as settings from './pages/settings.js';

const ROUTES = [
  [/^\/$/, home, 'home', 'New short'],
  [/^\/jobs\/([^/]+)\/?$/, job, 'gallery', 'Job'],
  [/^\/gallery\/?$/, gallery, 'gallery', 'Gallery'],
  [/^\/settings\/?$/, settings, 'settings', 'Settings'],
];

let cleanup = null;
const main = () => document.getElementById('main');

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState({}, '', path);
  else history.pushState({}, '', path);
  render();
}

function render() {
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  const path = location.pathname;
  const el = main();
  el.replaceChildren();
  let matched = null;
  for (const [re, mod, nav, title] of ROUTES) {
    const m = path.match(re);
    if (m) { matched = { mod, nav, title, params: m.slice(1).map(decodeURIComponent) }; break; }
  }
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (matched && a.dataset.nav === matched.nav && !(matched.mod === job)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!matched) {
    document.title = 'Not found · Reelflow';
    el.append(h('section', { class: 'page' }, h('div', { class: 'panel empty', role: 'alert' },
      h('h1', {}, 'Page not found'), h('p', {}, `Nothing lives at ${path}.`),
      h('a', { class: 'btn btn-primary', href: '/', 'data-link': '' }, 'Make a new short'))));
    return;
  }
  document.title = `${matched.title} · Reelflow`;
  cleanup = matched.mod.mount(el, ...matched.params) || null;
  if (document.activeElement && document.activeElement !== document.body && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  e.preventDefault();
  if (url.pathname !== location.pathname || url.search !== location.search) navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);

async function refreshStats() {
  try {
    const s = await api('/stats');
    const badge = document.getElementById('active-badge');
    badge.hidden = !s.activeJobs;
    badge.textContent = String(s.activeJobs || '');
    badge.setAttribute('aria-label', `${s.activeJobs} active`);
    document.getElementById('stats-foot').textContent =
      `${s.completedJobs} completed · ${s.totalJobs} total${s.totalCost ? ` · $${s.totalCost.toFixed(2)} spent` : ''}`;
  } catch { /* the footer is optional */ }
}

render();
refreshStats();
setInterval(refreshStats, 30000);
window.reelflow = { navigate, refreshStats };
