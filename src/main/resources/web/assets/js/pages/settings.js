import { api } from '../api.js';
import { loadToken, saveToken } from '../auth.js';
import { h, fmtMoney, toast } from '../ui.js';

export function mount(main) {
  const healthBox = h('div', { class: 'stack' }, h('div', { class: 'skeleton', style: { height: '120px' } }));
  const statsBox = h('div', { class: 'big-stats' }, h('div', { class: 'skeleton', style: { height: '80px' } }));
  const modelsBox = h('div', { class: 'stack' }, h('div', { class: 'skeleton', style: { height: '120px' } }));
  main.append(h('section', { class: 'page', id: 'settings-page' },
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Settings'), h('p', {}, 'Server health, tools and usage. API keys are configured on the server; your own keys live under Advanced options on the New short page.'))),
    tokenPanel(() => load(healthBox, statsBox)),
    h('div', { class: 'panel' }, h('h2', {}, 'Usage'), statsBox),
    h('div', { class: 'panel' }, h('h2', {}, 'Server'), healthBox),
    h('div', { class: 'panel', id: 'models-panel' }, h('h2', {}, 'Models'), modelsBox)));
  load(healthBox, statsBox);
  loadModels(modelsBox);
  return null;
}

/** The API token this browser sends (servers started with API_TOKEN need it): set, change or forget it. */
function tokenPanel(reload) {
  const state = h('p', { id: 'token-state', 'aria-live': 'polite' });
  const input = h('input', { type: 'password', id: 'settings-token', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-state' });
  const forget = h('button', { type: 'button', class: 'btn btn-ghost', id: 'forget-token' }, 'Forget token');
  const show = () => {
    const saved = Boolean(loadToken());
    state.textContent = saved ? 'A token is saved in this browser and sent with every request.'
      : 'No token saved. A server that needs one asks for it.';
    forget.disabled = !saved;
  };
  forget.addEventListener('click', () => { saveToken(''); show(); toast('Token forgotten'); });
  const form = h('form', { class: 'stack', novalidate: true },
    state,
    h('div', { class: 'field' }, h('label', { for: 'settings-token' }, 'Token'), input),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-token' }, 'Save token'), forget));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) { input.focus(); return; }
    saveToken(input.value);
    input.value = '';
    show();
    toast('Token saved');
    reload();
  });
  show();
  return h('div', { class: 'panel', id: 'token-panel' }, h('h2', {}, 'API token'), form);
}

function load(healthBox, statsBox) {
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
}

const LISTED = {
  true: ['ok', 'Listed by the vendor'],
  false: ['bad', 'Not listed: jobs using it fail until its setting changes'],
  null: ['off', 'Unknown: no server key, no list to ask, or no answer'],
};

/**
 * Each cloud provider's model and voice ids, and whether its vendor lists them (asked with the server's keys; a
 * job's own keys may see other lists). Ids are set with providers.models.<role>.<vendor>.
 */
function loadModels(box) {
  api('/providers').then((catalog) => {
    const rows = [];
    for (const [kind, entries] of Object.entries(catalog)) {
      for (const e of entries) {
        for (const m of e.models || []) {
          const [dot, text] = LISTED[String(m.listed)] || LISTED.null;
          rows.push(h('li', { dataset: { provider: `${kind}:${e.key}`, role: m.role, listed: String(m.listed) } },
            h('span', { class: 'stack', style: { gap: '2px', 'min-width': '0' } },
              h('span', {}, `${e.label} · ${m.role}`), h('code', {}, m.id)),
            h('span', { class: 'row', style: { gap: '6px' }, title: text },
              h('span', { class: `dot ${dot}`, 'aria-hidden': 'true' }), text.split(':')[0])));
        }
      }
    }
    box.replaceChildren(
      h('p', { class: 'hint', style: { 'margin-top': '-6px' } },
        'The ids each provider asks for, checked against the vendor\'s own list before a job spends anything. '
        + 'Change one with providers.models.<role>.<vendor> (e.g. PROVIDERS_MODELS_LLM_GEMINI).'),
      h('ul', { class: 'kv', id: 'models-list' }, rows));
  }).catch((e) => box.replaceChildren(h('p', { class: 'field-error' }, e.message)));
}

function stat(value, label) { return h('div', { class: 'stat' }, h('b', {}, String(value)), h('span', {}, label)); }
function item(label, value, ok) {
  return h('li', {}, h('span', {}, label), h('span', { class: 'row', style: { gap: '6px' } }, h('span', { class: `dot ${ok ? 'ok' : 'bad'}`, 'aria-hidden': 'true' }), String(value)));
}
