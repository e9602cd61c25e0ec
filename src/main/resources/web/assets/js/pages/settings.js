import { api } from '../api.js';
import { h, fmtMoney } from '../ui.js';

export function mount(main) {
  const healthBox = h('div', { class: 'stack' }, h('div', { class: 'skeleton', style: { height: '120px' } }));
  const statsBox = h('div', { class: 'big-stats' }, h('div', { class: 'skeleton', style: { height: '80px' } }));
  main.append(h('section', { class: 'page', id: 'settings-page' },
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Settings'), h('p', {}, 'Server health, tools and usage. API keys are configured on the server; your own keys live under Advanced options on the New short page.'))),
    h('div', { class: 'panel' }, h('h2', {}, 'Usage'), statsBox),
    h('div', { class: 'panel' }, h('h2', {}, 'Server'), healthBox)));

  api('/stats').then((s) => {
    const avg = s.completedJobs ? s.totalCost / s.completedJobs : 0;
    statsBox.replaceChildren(stat(s.totalJobs, 'Total jobs'), stat(s.completedJobs, 'Completed'), stat(s.activeJobs, 'Active'),
      stat(s.failedJobs, 'Failed or cancelled'), stat(fmtMoney(s.totalCost), 'Total spent'), stat(fmtMoney(avg), 'Average per video'));
  }).catch((e) => statsBox.replaceChildren(h('p', { class: 'field-error' }, e.message)));

  api('/health').then((hl) => {
    const tools = Object.entries(hl.tools || {});
    const missing = tools.filter(([, v]) => v !== 'found');
    healthBox.replaceChildren(
      h('ul', { class: 'kv', id: 'health-summary' },
        item('Status', hl.status, hl.status === 'healthy'),
        hl.media !== undefined ? item('Media engine', hl.media, hl.media === 'ready') : null,
        item('Jobs folder', hl.jobsDir, hl.jobsDir === 'exists'),
        hl.store ? item('Job store', hl.store, true) : null,
        hl.queue ? item('Queued jobs', String(hl.queue.queued ?? 0), true) : null),
      h('h3', {}, `Tools · ${tools.length - missing.length} found${missing.length ? `, ${missing.length} missing` : ''}`),
      h('ul', { class: 'kv', id: 'health-tools' }, tools.map(([k, v]) => item(k, v, v === 'found'))),
      h('h3', {}, 'Server API keys'),
      h('p', { class: 'hint', style: { 'margin-top': '-6px' } }, 'Only whether each key is set — the values never leave the server.'),
      h('ul', { class: 'kv', id: 'health-keys' }, Object.entries(hl.keys || {}).map(([k, v]) =>
        h('li', {}, h('code', {}, k), h('span', { class: 'row', style: { gap: '6px' } }, h('span', { class: `dot ${v ? 'ok' : 'off'}`, 'aria-hidden': 'true' }), v ? 'Set' : 'Not set')))));
  }).catch((e) => healthBox.replaceChildren(h('div', { class: 'alert', role: 'alert' }, `Health check failed: ${e.message}`)));
  return null;
}

function stat(value, label) { return h('div', { class: 'stat' }, h('b', {}, String(value)), h('span', {}, label)); }
function item(label, value, ok) {
  return h('li', {}, h('span', {}, label), h('span', { class: 'row', style: { gap: '6px' } }, h('span', { class: `dot ${ok ? 'ok' : 'bad'}`, 'aria-hidden': 'true' }), String(value)));
}
