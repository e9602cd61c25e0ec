import { api, cached, artifactUrl } from '../api.js';
import { h, icon, fmtDate, fmtMoney, titleCase, statusPill, announce } from '../ui.js';
import { sceneAssets, isImagePath } from '../jobstate.js';

const PAGE = 20;

export function mount(main) {
  let jobs = [];
  let total = 0;
  let palettes = {};
  let loading = false;
  let error = null;
  const query = new URLSearchParams(location.search);

  const search = h('input', { type: 'search', id: 'gallery-search', placeholder: 'Search topics', value: query.get('q') || '', autocomplete: 'off' });
  const status = h('select', { id: 'gallery-status' },
    [['', 'All statuses'], ['running', 'In progress'], ['completed', 'Completed'], ['failed', 'Failed'], ['cancelled', 'Cancelled']].map(([v, l]) => h('option', { value: v }, l)));
  const archetype = h('select', { id: 'gallery-archetype' }, h('option', { value: '' }, 'All styles'));
  status.value = query.get('status') || '';
  const list = h('ul', { class: 'cards', id: 'gallery-list', 'aria-label': 'Videos' });
  const summary = h('p', { class: 'muted small', id: 'gallery-count', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'btn', id: 'load-more', hidden: true, onclick: () => load() }, 'Load more');
  const errBox = h('div', { class: 'alert', role: 'alert', hidden: true });

  main.append(h('section', { class: 'page', id: 'gallery-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Gallery'), h('p', {}, 'Every short this server has made, newest first.')),
      h('a', { class: 'btn btn-primary', href: '/', 'data-link': '' }, icon('plus'), 'New short')),
    h('div', { class: 'filters', role: 'search' },
      h('div', { class: 'field' }, h('label', { for: 'gallery-search', class: 'sr-only' }, 'Search topics'), search),
      h('div', { class: 'field' }, h('label', { for: 'gallery-status', class: 'sr-only' }, 'Filter by status'), status),
      h('div', { class: 'field' }, h('label', { for: 'gallery-archetype', class: 'sr-only' }, 'Filter by style'), archetype)),
    errBox, summary, list, h('div', { class: 'load-more' }, more)));

  function matches(j) {
    const q = search.value.trim().toLowerCase();
    if (q && !String(j.topic || '').toLowerCase().includes(q)) return false;
    const s = status.value;
    if (s === 'running' && !(j.status === 'running' || j.status === 'queued')) return false;
    if (s === 'failed' && !(j.status === 'failed' || j.status === 'interrupted')) return false;
    if (s && s !== 'running' && s !== 'failed' && j.status !== s) return false;
    if (archetype.value && j.archetype !== archetype.value) return false;
    return true;
  }

  function render() {
    const shown = jobs.filter(matches);
    const filtered = search.value.trim() || status.value || archetype.value;
    summary.textContent = loading && !jobs.length ? 'Loading…'
      : filtered ? `${shown.length} of ${jobs.length} loaded videos match` : `${total} video${total === 1 ? '' : 's'}`;
    more.hidden = jobs.length >= total;
    more.disabled = loading;
    more.textContent = loading ? 'Loading…' : `Load more (${total - jobs.length} left)`;
    errBox.hidden = !error;
    errBox.textContent = error || '';
    if (!jobs.length && !loading && !error) {
      list.replaceChildren(h('li', { class: 'panel empty', style: { 'grid-column': '1 / -1' } },
        h('h2', {}, 'No videos yet'), h('p', {}, 'Your shorts will show up here.'),
        h('a', { class: 'btn btn-primary', href: '/', 'data-link': '' }, 'Make your first short')));
      return;
    }
    if (jobs.length && !shown.length) {
      list.replaceChildren(h('li', { class: 'panel empty', style: { 'grid-column': '1 / -1' } }, h('h2', {}, 'Nothing matches'), h('p', {}, 'Try another search or filter.')));
      return;
    }
    list.replaceChildren(...shown.map(card));
  }

  function card(j) {
    const pal = palettes[j.archetype] || { background: '#1c1f2b', accent: '#8b6cff', text: '#ffffff' };
    const first = [...sceneAssets(j).entries()].sort((a, b) => a[0] - b[0]).find(([, a]) => isImagePath(a.path));
    const thumb = first
      ? h('img', { src: artifactUrl(j.id, j.runDir, first[1].path), alt: '', loading: 'lazy' })
      : h('div', { class: 'ph', style: { color: pal.text } }, j.topic);
    const errLine = h('p', { class: 'card-error', role: 'alert', hidden: true });
    const del = h('button', { type: 'button', class: 'btn btn-sm btn-ghost', 'aria-label': `Delete “${j.topic}”`, 'data-action': 'delete' }, icon('trash'), 'Delete');
    let armed = null;
    del.addEventListener('click', async () => {
      if (!armed) {
        del.lastChild.textContent = 'Confirm';
        del.classList.replace('btn-ghost', 'btn-danger');
        del.setAttribute('aria-label', `Confirm deleting “${j.topic}”`);
        armed = setTimeout(() => { armed = null; del.lastChild.textContent = 'Delete'; del.classList.replace('btn-danger', 'btn-ghost'); del.setAttribute('aria-label', `Delete “${j.topic}”`); }, 4000);
        return;
      }
      clearTimeout(armed);
      del.disabled = true;
      try {
        await api(`/jobs/${encodeURIComponent(j.id)}`, { method: 'DELETE' });
        sessionStorage.removeItem(`reelflow:job:${j.id}`);
        jobs = jobs.filter((x) => x.id !== j.id);
        total = Math.max(0, total - 1);
        announce(`Deleted “${j.topic}”.`);
        render();
        window.reelflow?.refreshStats();
      } catch (e) {
        errLine.textContent = e.message;
        errLine.hidden = false;
        del.disabled = false;
        armed = null;
        del.lastChild.textContent = 'Delete';
        del.classList.replace('btn-danger', 'btn-ghost');
      }
    });
    const cost = j.actualCost?.totalCost ?? j.costEstimate?.totalCost;
    return h('li', { class: 'card', 'data-job-id': j.id, 'data-status': j.status },
      h('div', { class: 'card-thumb', style: { background: `linear-gradient(155deg, ${pal.background} 20%, ${pal.accent})` } }, thumb, statusPill(j.status)),
      h('div', { class: 'card-body' },
        h('a', { class: 'card-title', href: `/jobs/${encodeURIComponent(j.id)}`, 'data-link': '' }, j.topic),
        h('p', { class: 'card-sub' }, [fmtDate(j.createdAt), j.archetype ? titleCase(j.archetype) : null, j.score?.scenes ? `${j.score.scenes.length} scenes` : null, typeof cost === 'number' && cost > 0 ? fmtMoney(cost) : null, j.dryRun ? 'dry run' : null].filter(Boolean).join(' · ')),
        errLine,
        h('div', { class: 'card-foot' }, j.criticReview ? h('span', { class: 'tag' }, `★ ${j.criticReview.score}/10`) : h('span', {}), del)));
  }

  async function load() {
    if (loading) return;
    loading = true;
    render();
    try {
      const page = await api(`/jobs?limit=${PAGE}&offset=${jobs.length}`);
      const seen = new Set(jobs.map((j) => j.id));
      jobs = jobs.concat(page.jobs.filter((j) => !seen.has(j.id)));
      total = page.total;
      error = null;
    } catch (e) {
      error = `Could not load videos: ${e.message}`;
    }
    loading = false;
    render();
  }

  const syncUrl = () => {
    const p = new URLSearchParams();
    if (search.value.trim()) p.set('q', search.value.trim());
    if (status.value) p.set('status', status.value);
    if (archetype.value) p.set('style', archetype.value);
    history.replaceState({}, '', `/gallery${p.toString() ? `?${p}` : ''}`);
    render();
  };
  search.addEventListener('input', syncUrl);
  status.addEventListener('change', syncUrl);
  archetype.addEventListener('change', syncUrl);

  cached('/archetypes').then((list) => {
    palettes = Object.fromEntries(list.map((a) => [a.name, a.colorPalette]));
    archetype.append(...list.map((a) => h('option', { value: a.name }, titleCase(a.name))));
    archetype.value = query.get('style') || '';
    render();
  }).catch(() => {});
  load();
  return null;
}
