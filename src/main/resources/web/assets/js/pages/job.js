import { api, artifactUrl } from '../api.js';
import { h, icon, fmtDuration, fmtMoney, fmtDate, titleCase, statusPill, announce, toast } from '../ui.js';
import { JobStream } from '../sse.js';
import { STAGES, TERMINAL, emptyState, loadState, saveState, forgetState, applyFrame, sceneAssets, isImagePath, isVideoPath } from '../jobstate.js';

const STAGE_ICON = { pending: 'clock', running: 'spin', done: 'check', skipped: 'skip', error: 'x' };
const STATUS_TEXT = { pending: 'Waiting', running: 'Running', done: 'Done', skipped: 'Skipped', error: 'Failed' };

export function mount(main, jobId) {
  const root = h('section', { class: 'page', id: 'job-page', 'data-job-id': jobId });
  main.append(root);
  let state = loadState(jobId) || emptyState(jobId);
  let stream = null;
  let conn = 'connecting';
  let timer = null;
  let refreshing = false;
  const sections = {};       // name -> { el, key }: a section is rebuilt only when its inputs change

  // ---------- static skeleton ----------
  const title = h('h1', { id: 'job-title' }, '');
  const meta = h('div', { class: 'job-meta' });
  const actions = h('div', { class: 'job-actions' });
  const connEl = h('span', { class: 'conn', id: 'conn-status' }, '');
  const stageList = h('ol', { class: 'stages', id: 'stages', 'aria-label': 'Pipeline stages' });
  const stageEls = {};
  for (const [key, label] of STAGES) {
    const li = h('li', { class: 'stage', 'data-stage': key, 'data-status': 'pending' },
      h('div', { class: 'stage-icon' }),
      h('div', {}, h('div', { class: 'stage-name' }, label), h('div', { class: 'stage-detail' }, '')),
      h('div', { class: 'stage-time' }, ''));
    stageEls[key] = li;
    stageList.append(li);
  }
  const feed = h('div', { class: 'feed', id: 'feed' });
  const body = h('div', { class: 'job-layout' }, stageList, feed);
  const head = h('header', { class: 'job-head' },
    h('div', { style: { 'min-width': '0', flex: '1 1 380px' } },
      h('a', { href: '/gallery', 'data-link': '', class: 'small muted' }, '← All videos'), h('div', { style: { height: '6px' } }),
      title, meta),
    h('div', { class: 'stack', style: { 'align-items': 'flex-end', gap: '8px' } }, actions, connEl));
  root.append(h('div', { class: 'skeleton', style: { height: '60px' } }));

  // ---------- rendering ----------
  function debugAttrs() {
    root.dataset.appliedEvents = String(state.applied);
    root.dataset.lastEventId = state.lastEventId === null ? '' : String(state.lastEventId);
    root.dataset.duplicateEvents = String(state.duplicates);
    root.dataset.appliedIds = state.appliedIds.join(',');
    root.dataset.status = state.record?.status || '';
    root.dataset.conn = conn;
  }

  function section(name, key, build) {
    const s = sections[name];
    const k = JSON.stringify(key);
    if (s && s.key === k) return s.el;
    const el = key === null ? null : build();
    if (el) el.dataset.section = name;
    if (s && s.el && el) s.el.replaceWith(el);
    else if (s && s.el) s.el.remove();
    sections[name] = { key: k, el };
    return el;
  }

  function render() {
    const r = state.record;
    debugAttrs();
    if (!r) return;
    if (!head.isConnected) root.replaceChildren(head, body);
    document.title = `${r.topic} · Reelflow`;
    title.textContent = r.topic;
    renderMeta(r);
    renderActions(r);
    renderStages(r);
    renderFeed(r);
  }

  function renderMeta(r) {
    const cost = r.actualCost?.totalCost ?? r.costEstimate?.totalCost;
    const platformLabel = { youtube: 'YouTube Shorts', tiktok: 'TikTok', instagram: 'Instagram Reels' }[r.platform] || titleCase(r.platform);
    const key = [r.status, r.archetype, r.platform, r.dryRun, r.replay, cost, !!r.actualCost, r.createdAt];
    if (meta.dataset.key === JSON.stringify(key)) return;
    meta.dataset.key = JSON.stringify(key);
    meta.replaceChildren(...[statusPill(r.status),
      r.archetype ? h('span', { class: 'pill plain' }, titleCase(r.archetype)) : null,
      h('span', { class: 'pill plain' }, platformLabel),
      r.dryRun ? h('span', { class: 'pill plain' }, 'Dry run') : null,
      r.replay ? h('span', { class: 'pill plain' }, 'Score replay') : null,
      typeof cost === 'number' ? h('span', { class: 'pill plain', title: r.actualCost ? 'Actual cost' : 'Estimated cost' }, `${r.actualCost ? '' : '~'}${fmtMoney(cost)} ${r.actualCost ? 'total' : 'estimated'}`) : null,
      h('span', { class: 'faint small' }, fmtDate(r.createdAt))].filter(Boolean));
  }

  function renderActions(r) {
    const active = r.status === 'queued' || r.status === 'running';
    const key = [active, r.videoPath, r.cancelRequested];
    if (actions.dataset.key === JSON.stringify(key)) return;
    actions.dataset.key = JSON.stringify(key);
    actions.replaceChildren();
    if (active) {
      const btn = h('button', { type: 'button', class: 'btn btn-danger', id: 'cancel-job', disabled: !!r.cancelRequested }, icon('stop'), r.cancelRequested ? 'Cancelling…' : 'Cancel');
      btn.addEventListener('click', async () => {
        btn.disabled = true;
        btn.lastChild.textContent = 'Cancelling…';
        try {
          await api(`/jobs/${encodeURIComponent(jobId)}/cancel`, { method: 'POST' });
          announce('Cancel requested.');
        } catch (e) {
          toast(e.message, 'error');
          btn.disabled = false;
          btn.lastChild.textContent = 'Cancel';
        }
      });
      actions.append(btn);
    }
    if (r.videoPath) {
      actions.append(h('a', { class: 'btn', id: 'download-video', href: artifactUrl(jobId, r.runDir, r.videoPath), download: `${slug(r.topic)}.mp4` }, icon('download'), 'Download'));
    }
    actions.append(h('a', { class: 'btn btn-primary', href: '/', 'data-link': '' }, icon('plus'), 'New short'));
  }

  function renderStages(r) {
    const now = Date.now();
    for (const [key, label] of STAGES) {
      const st = r.stages?.[key] || { status: 'pending' };
      const li = stageEls[key];
      const status = st.status || 'pending';
      if (li.dataset.status !== status) {
        li.dataset.status = status;
        li.querySelector('.stage-icon').replaceChildren(icon(STAGE_ICON[status] || 'clock'));
      }
      let detail = st.detail || '';
      if (status === 'pending') detail = STATUS_TEXT.pending;
      if (status === 'running') {
        detail = 'Running…';
        if (key === 'assembly' && state.assembly?.phase === 'bundling') detail = 'Bundling…';
        if (key === 'assembly' && state.assembly?.phase === 'rendering' && state.assembly.totalFrames) {
          detail = state.assembly.frame ? `Rendering frame ${state.assembly.frame} of ${state.assembly.totalFrames}` : `Rendering ${state.assembly.totalFrames} frames`;
        }
        if (key === 'director' && r.revisionHistory?.length) detail = `Revising (round ${r.revisionHistory.length})…`;
      }
      if (status === 'skipped' && st.detail) detail = `Skipped · ${st.detail}`;
      const detailEl = li.querySelector('.stage-detail');
      if (detailEl.textContent !== detail) detailEl.textContent = detail;
      let time = '';
      if (status === 'done' && typeof st.durationSec === 'number') time = fmtDuration(st.durationSec);
      if (status === 'running' && state.stageStartedAt[key]) time = fmtDuration((now - state.stageStartedAt[key]) / 1000);
      const timeEl = li.querySelector('.stage-time');
      if (timeEl.textContent !== time) timeEl.textContent = time;
      li.setAttribute('aria-label', `${label}: ${STATUS_TEXT[status] || status}${st.detail ? `, ${st.detail}` : ''}`);
      // render progress bar inside the assembly card
      let bar = li.querySelector('.progress');
      const showBar = key === 'assembly' && status === 'running' && state.assembly?.phase === 'rendering' && state.assembly.totalFrames;
      if (showBar) {
        const pct = Math.min(100, Math.round(100 * (state.assembly.frame || 0) / state.assembly.totalFrames));
        if (!bar) { bar = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Render progress', 'aria-valuemin': 0, 'aria-valuemax': 100 }, h('span', {})); li.append(bar); }
        bar.setAttribute('aria-valuenow', pct);
        bar.firstChild.style.width = `${pct}%`;
      } else if (bar) bar.remove();
    }
  }

  function renderFeed(r) {
    const parts = [
      section('outcome', outcomeKey(r), () => outcome(r)),
      section('critic', r.criticReview ? [r.criticReview] : null, () => critic(r.criticReview)),
      section('research', r.researchData ? [r.researchData] : null, () => research(r.researchData)),
      section('storyboard', r.score ? [r.score, [...sceneAssets(r)], r.runDir, r.stages?.visuals?.status] : null, () => storyboard(r)),
      section('cost', r.costEstimate || r.actualCost ? [r.costEstimate, r.actualCost] : null, () => costCard(r)),
      section('music', r.musicTrack || r.musicGeneration || state.music ? [r.musicTrack, r.musicGeneration, state.music] : null, () => musicCard(r)),
      section('warnings', r.errors?.length ? [r.errors] : null, () => warnings(r)),
      section('waiting', !r.researchData && !r.score && !TERMINAL.has(r.status) ? [r.status] : null, () => waiting(r)),
    ].filter(Boolean);
    // keep order without moving nodes that are already in place (a playing <video> must not be re-inserted)
    let prev = null;
    for (const el of parts) {
      const want = prev ? prev.nextSibling : feed.firstChild;
      if (want !== el) feed.insertBefore(el, want);
      prev = el;
    }
    while (prev && prev.nextSibling) prev.nextSibling.remove();
    if (!prev) feed.replaceChildren();
  }

  function outcomeKey(r) {
    if (r.status === 'completed') return ['completed', r.videoPath, r.runDir, r.dryRun, totalTime(r), r.actualCost?.totalCost, r.score?.scenes?.length];
    if (r.status === 'failed' || r.status === 'cancelled' || r.status === 'interrupted') return [r.status, r.error];
    return null;
  }

  function outcome(r) {
    if (r.status === 'completed') {
      const stats = h('div', { class: 'stats' },
        stat(fmtDuration(totalTime(r)), 'Pipeline time'),
        stat(String(r.score?.scenes?.length ?? '—'), 'Scenes'),
        stat(fmtMoney(r.actualCost?.totalCost ?? r.costEstimate?.totalCost ?? 0), r.actualCost ? 'Actual cost' : 'Cost'),
        r.score?.music_mood ? stat(titleCase(r.score.music_mood), 'Music mood') : null);
      if (r.videoPath) {
        const src = artifactUrl(jobId, r.runDir, r.videoPath);
        return h('div', { class: 'panel', id: 'completed-panel' },
          h('div', { class: 'panel-head' }, h('h2', {}, 'Your short is ready')),
          h('div', { class: 'player-wrap' },
            h('video', { id: 'video-player', controls: true, preload: 'metadata', playsinline: true, src, 'aria-label': `Video: ${r.topic}` }),
            h('div', { class: 'stack' }, stats,
              r.score?.emotional_arc ? h('p', { class: 'muted' }, 'Arc: ', r.score.emotional_arc) : null,
              h('div', { class: 'row' }, h('a', { class: 'btn btn-primary', href: src, download: `${slug(r.topic)}.mp4` }, icon('download'), 'Download MP4')))));
      }
      return h('div', { class: 'panel', id: 'completed-panel' },
        h('div', { class: 'panel-head' }, h('h2', {}, r.dryRun ? 'Dry run complete' : 'Job complete')),
        h('div', { class: 'stack' },
          h('p', { class: 'muted' }, r.dryRun ? 'The research and storyboard are below. Turn dry run off to voice, illustrate and render it.' : 'No video file was produced for this job.'),
          stats));
    }
    const failedStage = STAGES.find(([k]) => r.stages?.[k]?.status === 'error');
    const msg = r.status === 'cancelled' ? 'This job was cancelled.' : r.status === 'interrupted' ? 'The server stopped while this job was running.' : (r.error || 'The job failed.');
    return h('div', { class: 'alert', role: 'alert', id: 'failed-panel' },
      h('strong', {}, r.status === 'cancelled' ? 'Cancelled' : r.status === 'interrupted' ? 'Interrupted' : `Failed${failedStage ? ` at ${failedStage[1]}` : ''}`),
      h('p', {}, msg));
  }

  function critic(c) {
    const score = Number(c.score) || 0;
    const color = score >= 8 ? 'var(--ok)' : score >= 5 ? 'var(--warn)' : 'var(--err)';
    return h('div', { class: 'panel', id: 'critic-panel' }, h('h2', {}, 'Quality review'),
      h('div', { class: 'critic' },
        h('div', { class: 'ring', role: 'img', 'aria-label': `Critic score ${score} out of 10`, style: { '--v': String(score * 10), '--c': color } },
          h('div', { style: { 'text-align': 'center' } }, h('b', {}, String(score)), h('small', {}, ' / 10'))),
        h('div', { class: 'grid-2', style: { flex: '1 1 260px' } },
          h('div', {}, h('h3', {}, 'Strengths'), h('ul', {}, (c.strengths || []).map((s) => h('li', {}, s)))),
          h('div', {}, h('h3', {}, 'To improve'), h('ul', {}, (c.weaknesses || []).map((s) => h('li', {}, s)))))));
  }

  function research(d) {
    const facts = d.key_facts || [];
    return h('div', { class: 'panel', id: 'research-panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'Research'), d.mood ? h('span', { class: 'tag' }, `Mood: ${titleCase(d.mood)}`) : null),
      h('p', { class: 'muted' }, d.summary || ''),
      facts.length ? h('ol', { class: 'facts' }, facts.map((f) => h('li', {}, f))) : null);
  }

  function storyboard(r) {
    const assets = sceneAssets(r);
    const scenes = r.score.scenes || [];
    return h('div', { class: 'panel', id: 'storyboard' },
      h('div', { class: 'panel-head' }, h('h2', {}, `Storyboard · ${scenes.length} scenes`),
        r.score.emotional_arc ? h('span', { class: 'tag' }, r.score.emotional_arc) : null),
      h('ol', { class: 'storyboard' }, scenes.map((s, i) => {
        const a = assets.get(i);
        let media = null;
        if (a?.path) {
          const src = artifactUrl(jobId, r.runDir, a.path);
          media = isVideoPath(a.path)
            ? h('video', { src, muted: true, loop: true, playsinline: true, preload: 'metadata', autoplay: true, 'aria-label': `Scene ${i + 1} clip` })
            : isImagePath(a.path) ? h('img', { src, alt: `Scene ${i + 1}: ${s.visual_prompt}`, loading: 'lazy', decoding: 'async' }) : null;
        }
        if (!media && s.visual_type === 'text_card') media = h('div', { class: 'card-text' }, s.visual_prompt);
        if (!media) media = h('span', {}, a?.failed ? 'Asset failed' : r.stages?.visuals?.status === 'running' ? 'Generating…' : r.stages?.visuals?.status === 'skipped' ? 'No visuals (skipped)' : 'Waiting for visuals');
        const type = a?.fallback ? `${s.visual_type} → ai` : (a?.visualType || s.visual_type);
        return h('li', { class: 'scene', 'data-scene': i, 'data-has-asset': a?.path ? 'true' : 'false' },
          h('div', { class: 'scene-thumb' }, media, h('span', { class: 'num' }, String(i + 1)),
            h('span', { class: `vt vt-${s.visual_type} type` }, titleCase(type))),
          h('div', { class: 'scene-body' },
            h('p', { class: 'scene-line' }, s.script_line),
            h('p', { class: 'scene-prompt' }, s.visual_prompt),
            h('div', { class: 'row', style: { gap: '6px' } },
              h('span', { class: 'tag' }, `Motion: ${titleCase(s.motion)}`),
              h('span', { class: 'tag' }, `Transition: ${s.transition ? titleCase(s.transition) : 'Style default'}`)),
            a?.failed ? h('p', { class: 'field-error' }, a.failed) : null));
      })));
  }

  function costCard(r) {
    const e = r.costEstimate || {};
    const a = r.actualCost;
    const rows = [['LLM', 'llmCost'], ['Revisions', 'revisionCost'], ['Voice', 'ttsCost'], ['Images', 'imageCost'], ['Video', 'videoCost'], ['Music', 'musicCost'], ['Total', 'totalCost']]
      .filter(([, k]) => typeof e[k] === 'number' || typeof a?.[k] === 'number');
    return h('div', { class: 'panel', id: 'cost-panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'Cost'), h('span', { class: 'tag' }, a ? 'Actual' : 'Estimate')),
      h('table', { class: 'cost-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col' }, 'Estimated'), h('th', { scope: 'col' }, 'Actual'))),
        h('tbody', {}, rows.map(([label, k]) => h('tr', {}, h('td', {}, label), h('td', {}, typeof e[k] === 'number' ? fmtMoney(e[k]) : '—'),
          h('td', {}, a ? (typeof a[k] === 'number' ? fmtMoney(a[k]) : '—') : 'pending'))))));
  }

  function musicCard(r) {
    const m = state.music;
    const t = r.musicTrack;
    let text = '';
    if (t) text = `${t.trackId === 'lyria-generated' ? 'Generated track' : `Track ${t.trackId}`} · ${titleCase(t.mood)}${t.fallback ? ' (fallback)' : ''}`;
    else if (m?.phase === 'generating') text = `Composing music with ${titleCase(m.provider)}…`;
    else if (m?.phase === 'fallback') text = `Generated music failed (${m.reason || 'unknown'}); using the bundled library.`;
    else if (r.musicGeneration) text = `${titleCase(r.musicGeneration.provider)} music${r.musicGeneration.fallback ? ' (fallback)' : ''}`;
    else if (m?.phase === 'generated') text = `Music generated by ${titleCase(m.provider)}.`;
    return h('div', { class: 'panel', id: 'music-panel' }, h('h2', {}, 'Music'), h('p', { class: 'muted' }, text),
      r.musicGeneration?.prompt ? h('p', { class: 'faint small' }, r.musicGeneration.prompt) : null);
  }

  function warnings(r) {
    return h('div', { class: 'alert warn', id: 'warnings' }, h('strong', {}, 'Warnings'),
      h('ul', { style: { margin: '4px 0 0', 'padding-left': '18px' } }, r.errors.map((e) => h('li', {}, `${titleCase(e.stage)}: ${e.error}`))));
  }

  function waiting(r) {
    return h('div', { class: 'panel empty', id: 'waiting' },
      h('h2', {}, r.status === 'queued' ? 'Waiting in the queue' : 'Researching your topic…'),
      h('p', {}, r.status === 'queued' ? 'The job starts as soon as a worker is free.' : 'Facts and the storyboard will appear here as each stage finishes.'));
  }

  function notFound(message) {
    root.replaceChildren(h('div', { class: 'panel empty', role: 'alert', id: 'job-not-found' },
      h('h1', {}, 'Job not found'),
      h('p', {}, `There is no job “${jobId}” on this server. ${message && message !== 'Job not found' ? message : 'It may have been deleted.'}`),
      h('div', { class: 'row', style: { 'justify-content': 'center', 'margin-top': '18px' } },
        h('a', { class: 'btn', href: '/gallery', 'data-link': '' }, 'Open gallery'),
        h('a', { class: 'btn btn-primary', href: '/', 'data-link': '' }, 'Make a new short'))));
    document.title = 'Job not found · Reelflow';
  }

  // ---------- stream ----------
  let saveQueued = false;
  function persist() {
    if (saveQueued) return;
    saveQueued = true;
    queueMicrotask(() => { saveQueued = false; saveState(state); });
  }

  function onFrame(frame) {
    const wasFresh = !state.record;
    const said = applyFrame(state, frame);
    if (said === null) { debugAttrs(); return false; }
    persist();
    render();
    if (said && !wasFresh) announce(said);
    const terminal = frame.event === 'job:completed' || frame.event === 'job:failed';
    if (terminal) finish();
    return terminal;
  }

  /** Fields no event carries (videoPath, actualCost, final runDir) come from the record once the job ends. */
  async function finish() {
    if (refreshing) return;
    refreshing = true;
    try {
      const rec = await api(`/jobs/${encodeURIComponent(jobId)}`);
      if (TERMINAL.has(rec.status)) {
        state.record = rec;
        state.ended = true;
        saveState(state);
        render();
      }
    } catch { /* keep what the stream gave */ }
    refreshing = false;
    window.reelflow?.refreshStats();
  }

  function onStatus(s, info) {
    if (s === 'gone') {
      stream?.stop();
      if (info.status === 404) notFound(info.message);
      else root.replaceChildren(h('div', { class: 'alert', role: 'alert' }, info.message));
      return;
    }
    conn = s;
    const text = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', ended: 'Finished' }[s] || s;
    connEl.textContent = text;
    connEl.className = `conn ${s}`;
    debugAttrs();
  }

  let stopped = false;
  async function start() {
    if (state.record) {
      // A stored state is only resumable if it is the same job (ids restart when a server gets a new jobs folder).
      try {
        const rec = await api(`/jobs/${encodeURIComponent(jobId)}`);
        if (rec.createdAt !== state.record.createdAt) { state = emptyState(jobId); forgetState(jobId); }
      } catch (e) {
        if (e.status === 404) { forgetState(jobId); notFound(e.message); return; }
      }
    }
    if (stopped) return;
    render();
    if (state.ended && state.record && TERMINAL.has(state.record.status)) {
      onStatus('ended');
      finish();
      return;
    }
    stream = new JobStream(`/api/v1/jobs/${encodeURIComponent(jobId)}/events`, {
      lastEventId: () => state.lastEventId, onFrame, onStatus,
    }).start();
  }
  render();
  start();
  timer = setInterval(() => { if (state.record && !state.ended) renderStages(state.record); }, 1000);

  return () => {
    stopped = true;
    clearInterval(timer);
    if (stream) stream.stop();
  };
}

function stat(value, label) { return h('div', { class: 'stat' }, h('b', {}, value), h('span', {}, label)); }
function totalTime(r) { return Object.values(r.stages || {}).reduce((s, st) => s + (typeof st.durationSec === 'number' ? st.durationSec : 0), 0); }
function slug(t) { return String(t || 'reelflow').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'reelflow'; }
