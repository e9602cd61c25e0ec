import { api, cached, loadKeys, saveKeys } from '../api.js';
import { h, titleCase, firstClause, utf8Bytes } from '../ui.js';

const MAX_TOPIC = 500;
const MAX_DIRECTION = 10240;
const VISUAL_TYPES = ['ai_image', 'ai_video', 'stock_image', 'stock_video', 'text_card'];
const MOTIONS = ['zoom_in', 'zoom_out', 'pan_right', 'pan_left', 'static'];
const TRANSITIONS = ['none', 'crossfade', 'slide_left', 'slide_right', 'wipe', 'flip'];
const KEY_NAMES = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GOOGLE_API_KEY', 'ELEVENLABS_API_KEY', 'INWORLD_TTS_API_KEY',
  'PEXELS_API_KEY', 'PIXABAY_API_KEY', 'OPENROUTER_API_KEY', 'TAVILY_API_KEY', 'FAL_API_KEY', 'OPENREELS_LLM_API_KEY'];
/** Which key a provider needs, so a key kept in this browser unlocks it. */
const NEEDS = {
  'llm:anthropic': 'ANTHROPIC_API_KEY', 'llm:openai': 'OPENAI_API_KEY', 'llm:gemini': 'GOOGLE_API_KEY',
  'llm:openrouter': 'OPENROUTER_API_KEY', 'llm:openai-compatible': 'OPENREELS_LLM_API_KEY',
  'search:tavily': 'TAVILY_API_KEY', 'tts:elevenlabs': 'ELEVENLABS_API_KEY', 'tts:inworld': 'INWORLD_TTS_API_KEY',
  'tts:gemini-tts': 'GOOGLE_API_KEY', 'tts:openai-tts': 'OPENAI_API_KEY', 'image:gemini': 'GOOGLE_API_KEY',
  'image:openai': 'OPENAI_API_KEY', 'video:gemini': 'GOOGLE_API_KEY', 'video:fal': 'FAL_API_KEY', 'music:lyria': 'GOOGLE_API_KEY',
};
const PROVIDER_KINDS = [['llm', 'Script writer (LLM)', 'llm'], ['search', 'Research search', 'searchProvider'],
  ['tts', 'Voice', 'tts'], ['image', 'Images', 'image'], ['video', 'Video clips', 'video'], ['music', 'Music', 'music']];
const IDEAS = ['Why octopuses have three hearts', 'The 1977 Wow! signal', 'How the Great Pyramid was built',
  'What happens inside a black hole', 'The rise and fall of Blockbuster'];

/** Checks a replayed DirectorScore the way the server will, so the message comes before submitting. */
export function checkScore(s) {
  const issues = [];
  if (!s || typeof s !== 'object' || Array.isArray(s)) return ['the file must hold one JSON object (a DirectorScore)'];
  for (const f of ['emotional_arc', 'archetype', 'music_mood']) if (typeof s[f] !== 'string' || !s[f]) issues.push(`"${f}" is missing`);
  if (!Array.isArray(s.scenes)) issues.push('"scenes" must be a list');
  else {
    if (s.scenes.length < 3 || s.scenes.length > 16) issues.push(`needs 3 to 16 scenes, found ${s.scenes.length}`);
    s.scenes.forEach((sc, i) => {
      if (!sc || typeof sc !== 'object') { issues.push(`scene ${i + 1} is not an object`); return; }
      if (!VISUAL_TYPES.includes(sc.visual_type)) issues.push(`scene ${i + 1}: visual_type must be one of ${VISUAL_TYPES.join(', ')}`);
      if (!MOTIONS.includes(sc.motion)) issues.push(`scene ${i + 1}: motion must be one of ${MOTIONS.join(', ')}`);
      for (const f of ['script_line', 'visual_prompt']) if (typeof sc[f] !== 'string' || !sc[f]) issues.push(`scene ${i + 1}: "${f}" is missing`);
      if (!('transition' in sc) || (sc.transition !== null && !TRANSITIONS.includes(sc.transition))) issues.push(`scene ${i + 1}: transition must be null or one of ${TRANSITIONS.join(', ')}`);
    });
  }
  return issues;
}

export function mount(main) {
  const keys = loadKeys();
  let replayScore = null;
  const form = h('form', { class: 'compose', novalidate: true, 'aria-labelledby': 'home-title' });

  // --- topic
  const topic = h('textarea', { id: 'topic', name: 'topic', class: 'topic-input', maxlength: MAX_TOPIC, rows: 3, required: true,
    placeholder: 'e.g. Why octopuses have three hearts', 'aria-describedby': 'topic-count topic-error' });
  const topicCount = h('span', { class: 'counter', id: 'topic-count', 'aria-live': 'polite' }, `0 / ${MAX_TOPIC}`);
  const topicError = h('p', { class: 'field-error', id: 'topic-error', hidden: true });
  const updateTopic = () => {
    const n = topic.value.length;
    topicCount.textContent = `${n} / ${MAX_TOPIC}`;
    topicCount.classList.toggle('over', n >= MAX_TOPIC);
    if (topic.value.trim()) topicError.hidden = true;
    summary();
  };
  topic.addEventListener('input', updateTopic);
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Topic ideas' },
    IDEAS.map((t) => h('button', { type: 'button', class: 'chip', onclick: () => { topic.value = t; updateTopic(); topic.focus(); } }, t)));

  // --- platform & pacing
  const platform = h('select', { id: 'platform', name: 'platform' }, h('option', { value: 'youtube' }, 'YouTube Shorts'));
  const pacing = h('select', { id: 'pacing', name: 'pacing' },
    [['', 'Auto (from style)'], ['fast', 'Fast'], ['moderate', 'Moderate'], ['cinematic', 'Cinematic']].map(([v, l]) => h('option', { value: v }, l)));

  // --- archetypes
  const archGrid = h('fieldset', { class: 'archetypes', id: 'archetypes' }, h('legend', { class: 'label' }, 'Visual style'),
    archCard({ name: '', label: 'Auto', meta: 'Director picks', mood: 'Best fit for the topic' }, true));
  function archCard(a, checked) {
    const input = h('input', { type: 'radio', name: 'archetype', value: a.name, checked, 'aria-label': `${a.label}: ${a.mood}`, onchange: summary });
    const swatch = a.palette
      ? h('div', { class: 'arch-swatch', 'aria-hidden': 'true' },
          h('span', { class: 'big', style: { background: a.palette.background, color: a.palette.text } }, 'Aa'),
          h('span', { style: { background: a.palette.accent } }), h('span', { style: { background: a.palette.text } }))
      : h('div', { class: 'arch-swatch', 'aria-hidden': 'true' });
    return h('label', { class: `arch${a.name ? '' : ' arch-auto'}` }, input, swatch,
      h('div', { class: 'arch-name' }, a.label), h('div', { class: 'arch-meta' }, a.meta), h('div', { class: 'arch-meta' }, a.mood));
  }

  // --- providers
  const providerSelects = {};
  const providerBox = h('div', { class: 'grid-2' });
  const llmModel = h('input', { type: 'text', id: 'llm-model', name: 'llmModel', placeholder: 'e.g. meta-llama/llama-3.1-70b-instruct', autocomplete: 'off' });
  const llmBaseUrl = h('input', { type: 'url', id: 'llm-base-url', name: 'llmBaseUrl', placeholder: 'https://…/v1', autocomplete: 'off' });
  const llmExtra = h('div', { class: 'grid-2', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'llm-model' }, 'Model ID'), llmModel),
    h('div', { class: 'field' }, h('label', { for: 'llm-base-url' }, 'Base URL'), llmBaseUrl, h('p', { class: 'hint' }, 'Needed for a custom OpenAI-compatible server.')));
  const providerHint = h('p', { class: 'hint', id: 'provider-hint' }, 'Providers marked “needs key” are off until the server has the key or you add your own below.');

  // --- dry run, direction, replay, cost cap
  const dryRun = h('input', { type: 'checkbox', id: 'dry-run', name: 'dryRun', role: 'switch', onchange: () => summary() });
  const direction = h('textarea', { id: 'direction', name: 'direction', rows: 4, placeholder: 'Tone, audience, must-mention facts, things to avoid…', 'aria-describedby': 'direction-count' });
  const dirCount = h('span', { class: 'counter', id: 'direction-count', 'aria-live': 'polite' }, `0 B / 10 KB`);
  const dirError = h('p', { class: 'field-error', hidden: true, id: 'direction-error' });
  direction.addEventListener('input', () => {
    const n = utf8Bytes(direction.value);
    dirCount.textContent = `${n.toLocaleString()} B / 10 KB`;
    dirCount.classList.toggle('over', n > MAX_DIRECTION);
    dirError.hidden = n <= MAX_DIRECTION;
    dirError.textContent = `Creative direction is ${n.toLocaleString()} bytes; the limit is 10,240 bytes (UTF-8).`;
  });
  const scoreFile = h('input', { type: 'file', id: 'score-file', name: 'score', accept: '.json,application/json', 'aria-describedby': 'score-msg' });
  const scoreMsg = h('p', { id: 'score-msg', class: 'hint', 'aria-live': 'polite' }, 'Re-render a saved score.json: skips research and writing.');
  const scoreClear = h('button', { type: 'button', class: 'btn btn-sm btn-ghost', hidden: true, onclick: () => {
    replayScore = null; scoreFile.value = ''; scoreClear.hidden = true; scoreMsg.className = 'hint'; scoreMsg.textContent = 'No score loaded.'; summary();
  } }, 'Remove');
  scoreFile.addEventListener('change', async () => {
    replayScore = null;
    scoreClear.hidden = true;
    const f = scoreFile.files[0];
    if (!f) { summary(); return; }
    let parsed;
    try {
      if (f.size > 2 * 1024 * 1024) throw new Error('too big');
      parsed = JSON.parse(await f.text());
    } catch (e) {
      scoreMsg.className = 'field-error';
      scoreMsg.textContent = e.message === 'too big' ? `${f.name} is larger than 2 MB: not a score file.` : `${f.name} is not valid JSON, so it cannot be replayed.`;
      summary();
      return;
    }
    const issues = checkScore(parsed);
    if (issues.length) {
      scoreMsg.className = 'field-error';
      scoreMsg.textContent = `${f.name} is not a usable score: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}.`;
    } else {
      replayScore = parsed;
      scoreMsg.className = 'field-ok';
      scoreMsg.textContent = `Loaded ${f.name}: ${parsed.scenes.length} scenes, ${titleCase(parsed.archetype)}. Research and writing will be skipped.`;
      scoreClear.hidden = false;
    }
    summary();
  });
  const maxCost = h('input', { type: 'number', id: 'max-cost', name: 'maxCostUsd', min: '0', step: '0.01', inputmode: 'decimal', placeholder: 'No cap' });

  // --- BYOK
  const keyInputs = KEY_NAMES.map((k) => {
    const input = h('input', { type: 'password', id: `key-${k}`, autocomplete: 'off', spellcheck: 'false', value: keys[k] || '', placeholder: 'Not set' });
    input.addEventListener('change', () => {
      const next = loadKeys();
      next[k] = input.value.trim();
      saveKeys(next);
      refreshProviders();
    });
    return h('div', { class: 'field' }, h('label', { for: `key-${k}`, class: 'mono' }, k), input);
  });

  // --- submit
  const submitBtn = h('button', { type: 'submit', class: 'btn btn-primary btn-lg', id: 'submit' }, 'Generate short');
  const formError = h('div', { class: 'alert', role: 'alert', hidden: true, id: 'form-error' });
  const summaryList = h('dl', { class: 'summary-list' });

  function summary() {
    const arch = form.querySelector('input[name=archetype]:checked');
    const rows = [
      ['Platform', platform.selectedOptions[0]?.textContent || ''],
      ['Pacing', pacing.selectedOptions[0]?.textContent || ''],
      ['Style', arch && arch.value ? titleCase(arch.value) : 'Auto'],
      ['Mode', dryRun.checked ? 'Dry run (script only)' : 'Full video'],
    ];
    if (replayScore) rows.push(['Score', `Replay, ${replayScore.scenes.length} scenes`]);
    summaryList.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  const page = h('section', { class: 'page' },
    h('div', { class: 'hero' },
      h('p', { class: 'eyebrow' }, 'Topic in, short video out'),
      h('h1', { id: 'home-title' }, 'What should your next ', h('span', { class: 'grad' }, 'short'), ' be about?'),
      h('p', {}, 'Reelflow researches the topic, writes and storyboards a vertical video, voices it, builds the visuals, renders and reviews it — and you can watch every step.')),
    form);

  form.append(
    h('div', { class: 'stack' },
      h('div', { class: 'panel' },
        h('label', { for: 'topic' }, 'Topic ', topicCount), topic, topicError, chips),
      h('div', { class: 'panel grid-2' },
        h('div', { class: 'field' }, h('label', { for: 'platform' }, 'Platform'), platform),
        h('div', { class: 'field' }, h('label', { for: 'pacing' }, 'Pacing'), pacing)),
      h('div', { class: 'panel' }, archGrid),
      h('div', { class: 'panel' },
        h('label', { class: 'switch', for: 'dry-run' }, dryRun, h('span', {}, 'Dry run', h('span', { class: 'hint', style: { display: 'block', 'margin-top': '0' } }, 'Research and storyboard only: no voice, visuals or render. Free and fast.')))),
      h('details', { class: 'panel advanced' },
        h('summary', {}, 'Advanced options'),
        h('div', { class: 'stack' },
          h('p', { class: 'sub-head' }, 'Providers'), providerBox, providerHint, llmExtra,
          h('p', { class: 'sub-head' }, 'Direction'),
          h('div', { class: 'field' }, h('label', { for: 'direction' }, 'Creative direction ', dirCount), direction, dirError),
          h('div', { class: 'grid-2' },
            h('div', { class: 'field' }, h('label', { for: 'score-file' }, 'Replay a score (JSON)'), h('div', { class: 'row' }, scoreFile, scoreClear), scoreMsg),
            h('div', { class: 'field' }, h('label', { for: 'max-cost' }, 'Cost cap for this job (USD)'), maxCost, h('p', { class: 'hint' }, 'The job stops before spending more than this.'))),
          h('p', { class: 'sub-head' }, 'Your API keys'),
          h('p', { class: 'hint', style: { 'margin-top': '0' } }, 'Kept only in this browser (localStorage) and sent only with the jobs you submit. The server never stores them in the job record.'),
          h('div', { class: 'grid-2' }, keyInputs)))),
    h('aside', { class: 'side-card panel stack', 'aria-label': 'Summary' },
      h('h2', {}, 'Your short'), summaryList, formError, submitBtn,
      h('p', { class: 'hint', style: { 'text-align': 'center' } }, 'You can leave the page — the job keeps running.')));

  main.append(page);
  summary();

  // --- load catalogues
  let providers = null;
  function refreshProviders() {
    if (!providers) return;
    const byok = loadKeys();
    for (const [kind, label, field] of PROVIDER_KINDS) {
      const list = providers[kind] || [];
      let sel = providerSelects[kind];
      const current = sel ? sel.value : '';
      if (!sel) {
        sel = h('select', { id: `provider-${kind}`, name: field, 'aria-describedby': 'provider-hint' });
        sel.addEventListener('change', () => { llmExtra.hidden = !['openrouter', 'openai-compatible'].includes(providerSelects.llm?.value); });
        providerSelects[kind] = sel;
        providerBox.append(h('div', { class: 'field' }, h('label', { for: `provider-${kind}` }, label), sel));
      }
      sel.replaceChildren(h('option', { value: '' }, 'Server default'),
        ...list.map((p) => {
          const usable = p.available || Boolean(byok[NEEDS[`${kind}:${p.key}`]]);
          return h('option', { value: p.key, disabled: !usable }, usable ? p.label : `${p.label} — needs key`);
        }));
      sel.value = [...sel.options].some((o) => o.value === current && !o.disabled) ? current : '';
    }
    llmExtra.hidden = !['openrouter', 'openai-compatible'].includes(providerSelects.llm?.value);
  }

  cached('/platforms').then((list) => {
    const label = { youtube: 'YouTube Shorts', tiktok: 'TikTok', instagram: 'Instagram Reels' };
    platform.replaceChildren(...list.map((p) => h('option', { value: p.name }, `${label[p.name] || titleCase(p.name)} (up to ${p.maxDurationSeconds} s)`)));
    summary();
  }).catch(() => {});
  cached('/archetypes').then((list) => {
    archGrid.append(...list.map((a) => archCard({ name: a.name, label: titleCase(a.name), palette: a.colorPalette,
      meta: `${titleCase(a.scenePacing)} pacing`, mood: firstClause(a.mood) })));
  }).catch((e) => archGrid.append(h('p', { class: 'field-error' }, `Styles could not be loaded: ${e.message}`)));
  cached('/providers').then((p) => { providers = p; refreshProviders(); }).catch(() => {});

  // --- submit
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    formError.hidden = true;
    const t = topic.value.trim();
    if (!t) {
      topicError.textContent = 'Enter a topic for the video.';
      topicError.hidden = false;
      topic.focus();
      return;
    }
    if (utf8Bytes(direction.value) > MAX_DIRECTION) {
      form.querySelector('details.advanced').open = true;
      direction.focus();
      return;
    }
    const body = { topic: t, platform: platform.value, dryRun: dryRun.checked };
    const arch = form.querySelector('input[name=archetype]:checked');
    if (arch && arch.value) body.archetype = arch.value;
    if (pacing.value) body.pacing = pacing.value;
    if (direction.value.trim()) body.direction = direction.value;
    if (replayScore) body.score = replayScore;
    if (maxCost.value !== '') {
      const n = Number(maxCost.value);
      if (!Number.isFinite(n) || n < 0) {
        formError.textContent = 'The cost cap must be a number of dollars, 0 or more.';
        formError.hidden = false;
        return;
      }
      body.maxCostUsd = n;
    }
    const prov = {};
    for (const [kind, , field] of PROVIDER_KINDS) if (providerSelects[kind]?.value) prov[field] = providerSelects[kind].value;
    if (!llmExtra.hidden) {
      if (llmModel.value.trim()) prov.llmModel = llmModel.value.trim();
      if (llmBaseUrl.value.trim()) prov.llmBaseUrl = llmBaseUrl.value.trim();
    }
    if (Object.keys(prov).length) body.providers = prov;
    const byok = loadKeys();
    if (Object.keys(byok).length) body.keys = byok;

    submitBtn.disabled = true;
    submitBtn.textContent = 'Starting…';
    try {
      const res = await api('/jobs', { method: 'POST', body });
      window.reelflow.navigate(`/jobs/${encodeURIComponent(res.id)}`);
      window.reelflow.refreshStats();
    } catch (err) {
      formError.textContent = err.message;
      formError.hidden = false;
      submitBtn.disabled = false;
      submitBtn.textContent = 'Generate short';
    }
  });
  return null;
}
