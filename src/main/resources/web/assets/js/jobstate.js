// A job's state on the page: the server's job record, folded forward event by event exactly as the server folds
// it (JobRecord.apply), plus a few things only the stream tells (when a stage started, music progress).
// Every event id is applied at most once; a snapshot replaces the record. The state is kept in sessionStorage per
// job, so a reload resumes from the last applied id (Last-Event-ID) instead of starting over.

export const STAGES = [
  ['research', 'Research'],
  ['director', 'Creative Director'],
  ['tts', 'Voice Synthesis'],
  ['visuals', 'Visual Assets'],
  ['assembly', 'Assembly & Render'],
  ['critic', 'Quality Review'],
];
const STAGE_KEYS = new Set(STAGES.map(([k]) => k));
export const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'interrupted']);

const storeKey = (id) => `reelflow:job:${id}`;

export function emptyState(jobId) {
  return {
    v: 1, jobId, record: null, lastEventId: null,
    applied: 0, appliedIds: [], duplicates: 0,
    stageStartedAt: {}, music: null, assembly: null, revisions: 0, ended: false,
  };
}

export function loadState(jobId) {
  try {
    const s = JSON.parse(sessionStorage.getItem(storeKey(jobId)) || 'null');
    if (s && s.v === 1 && s.jobId === jobId && s.record) return s;
  } catch { /* unreadable: start over */ }
  return null;
}

export function saveState(state) {
  try {
    sessionStorage.setItem(storeKey(state.jobId), JSON.stringify(state));
  } catch { /* quota: the stream still works, a reload just starts with a snapshot */ }
}

export function forgetState(jobId) { sessionStorage.removeItem(storeKey(jobId)); }

/**
 * Applies one SSE frame {id, event, data}. Returns a short description for the live region when something a
 * person cares about changed, '' when applied silently, or null when the frame was not applied (already seen).
 */
export function applyFrame(state, frame, now = Date.now()) {
  const id = frame.id === undefined || frame.id === null || frame.id === '' ? null : Number(frame.id);
  const isSnapshot = frame.event === 'job:snapshot';
  if (!isSnapshot && id !== null && state.lastEventId !== null && id <= state.lastEventId) {
    state.duplicates += 1;      // the server promises exactly once; count it if that ever breaks
    return null;
  }
  let data = {};
  try { data = frame.data ? JSON.parse(frame.data) : {}; } catch { return null; }

  if (isSnapshot) {
    const before = state.record;
    state.appliedIds = [];     // a snapshot starts a new sequence
    state.record = data;
    const started = estimateStarts(data, now);
    for (const [k, t] of Object.entries(started)) {
      if (!(before && before.stages?.[k]?.status === 'running' && state.stageStartedAt[k])) state.stageStartedAt[k] = t;
    }
    if (data.render) state.assembly = { phase: 'rendering', ...data.render };
    if (TERMINAL.has(data.status)) state.ended = true;
  } else if (!state.record) {
    return null;                // a stage event before any record: nothing to fold it into (cannot happen on a fresh stream)
  } else if (frame.event === 'job:completed' || frame.event === 'job:failed') {
    applyTerminal(state.record, frame.event, data, now);
    state.ended = true;
  } else if (JOB_CHANGES.has(frame.event)) {
    applyJob(state.record, frame.event, data, now);
  } else {
    applyStage(state, data, now);
  }
  if (id !== null) {
    state.lastEventId = id;
  }
  state.applied += 1;
  state.appliedIds.push(id);
  if (state.appliedIds.length > 2000) state.appliedIds.splice(0, state.appliedIds.length - 2000);
  return describe(frame.event, data);
}

/** Where a snapshot does not say when a running stage started: the job start plus the finished stages' time. */
function estimateStarts(record, now) {
  const out = {};
  let t = record.startedAt ? Date.parse(record.startedAt) : now;
  for (const [k] of STAGES) {
    const st = record.stages?.[k];
    if (!st) continue;
    if (st.status === 'running') out[k] = Math.min(now, t);
    if (typeof st.durationSec === 'number') t += st.durationSec * 1000;
  }
  return out;
}

// The record's own bookkeeping (the server folds them the same way); none is shown by itself.
const JOB_CHANGES = new Set(['job:started', 'job:output', 'job:cancel_requested']);
const RECORD_FIELDS = new Set(['id', 'topic', 'archetype', 'requestedArchetype', 'pacing', 'platform', 'dryRun', 'replay',
  'status', 'createdAt', 'startedAt', 'completedAt', 'cancelRequested', 'stages', 'error']);

function applyJob(r, event, d, now) {
  if (event === 'job:started') {
    r.status = 'running';
    r.startedAt = new Date(now).toISOString();
    r.runDir = d.runDir;
  } else if (event === 'job:output') {
    if (typeof d.field === 'string' && !RECORD_FIELDS.has(d.field)) r[d.field] = d.value;
  } else if (event === 'job:cancel_requested') {
    r.cancelRequested = true;
  }
}

function applyTerminal(r, event, d, now) {
  r.completedAt = new Date(now).toISOString();
  if (event === 'job:completed') {
    r.status = 'completed';
    return;
  }
  r.status = d.status === 'cancelled' ? 'cancelled' : 'failed';
  if (d.error) r.error = d.error;
  if (r.status === 'cancelled') return;   // a cancel leaves the stopped stage as it was, as the server's record does
  for (const [k, st] of Object.entries(r.stages || {})) {
    if (st.status === 'running') r.stages[k] = { status: 'error', ...(d.error ? { detail: d.error } : {}) };
  }
}

function without(d, ...keys) {
  const o = { ...d };
  for (const k of keys) delete o[k];
  return o;
}

function push(r, field, item) {
  r[field] = Array.isArray(r[field]) ? [...r[field], item] : [item];
}

function applyStage(state, d, now) {
  const r = state.record;
  const stage = d.stage;
  if (!STAGE_KEYS.has(stage)) return;
  r.stages = r.stages || {};
  if (r.status === 'queued') r.status = 'running';
  switch (d.type) {
    case 'start':
      r.stages[stage] = { status: 'running' };
      state.stageStartedAt[stage] = now;
      break;
    case 'complete':
      r.stages[stage] = { status: 'done', ...(d.detail != null ? { detail: d.detail } : {}), durationSec: d.durationSec };
      break;
    case 'skipped':
      r.stages[stage] = { status: 'skipped', ...(d.reason != null ? { detail: d.reason } : {}) };
      break;
    case 'error': push(r, 'errors', { stage, error: d.error ?? '' }); break;
    case 'results': r.researchData = without(d, 'stage', 'type'); break;
    case 'score':
      r.score = d.score;
      if (d.score?.archetype) r.archetype = d.score.archetype;
      break;
    case 'revision':
      push(r, 'revisionHistory', { round: d.round, score: d.critiqueScore });
      break;
    case 'cost_estimate': r.costEstimate = d.estimate; break;
    case 'music_resolved': r.musicGeneration = without(d, 'stage', 'type'); state.music = { phase: 'resolved', ...without(d, 'stage', 'type') }; break;
    case 'music':
      r.musicTrack = { trackId: d.track, mood: d.mood, requestedMood: d.requestedMood, fallback: d.fallback };
      break;
    case 'music_generating': state.music = { phase: 'generating', provider: d.provider }; break;
    case 'music_generated': state.music = { phase: 'generated', provider: d.provider, prompt: d.prompt }; break;
    case 'music_fallback': state.music = { phase: 'fallback', reason: d.reason }; break;
    case 'asset': case 'asset_failed': case 'stock_fallback': case 'video_fallback':
      push(r, 'sceneEvents', without(d, 'stage'));
      break;
    case 'bundling': state.assembly = { phase: 'bundling' }; break;
    case 'rendering':
      r.render = { frame: 0, totalFrames: d.totalFrames };
      state.assembly = { phase: 'rendering', frame: 0, totalFrames: d.totalFrames };
      break;
    case 'render_progress':
      r.render = without(d, 'stage', 'type');
      state.assembly = { phase: 'rendering', ...r.render };
      break;
    case 'review': r.criticReview = without(d, 'stage', 'type'); break;
    // Steps inside a scene's resolution: the server's record keeps only their outcome (asset, *_fallback).
    case 'stock_verified': case 'stock_unverified': case 'stock_rejected': case 'stock_reformulated':
    case 'video_image_ready': case 'video_generated':
      break;
    default: break;     // a newer server's type: ignored, as OpenReels clients do
  }
}

const LABEL = Object.fromEntries(STAGES);

function describe(event, d) {
  if (event === 'job:snapshot') return '';
  if (event === 'job:completed') return 'Job completed.';
  if (event === 'job:failed') return d.status === 'cancelled' ? 'Job cancelled.' : `Job failed: ${d.error || 'unknown error'}.`;
  const name = LABEL[d.stage];
  switch (d.type) {
    case 'start': return `${name} started.`;
    case 'complete': return `${name} done${d.detail ? `: ${d.detail}` : ''}.`;
    case 'skipped': return `${name} skipped${d.reason ? `: ${d.reason}` : ''}.`;
    case 'error': return `${name} error: ${d.error}.`;
    case 'score': return `Storyboard ready: ${d.score?.scenes?.length ?? 0} scenes.`;
    case 'review': return `Critic score ${d.score} out of 10.`;
    default: return '';
  }
}

/** Per scene: the newest asset (by sceneIndex) and any failure, from the record's sceneEvents. */
export function sceneAssets(record) {
  const out = new Map();
  for (const e of record?.sceneEvents || []) {
    const i = e.sceneIndex ?? e.scene;
    if (i === undefined || i === null) continue;
    const cur = out.get(i) || {};
    if (e.type === 'asset') out.set(i, { ...cur, path: e.path, visualType: e.visualType, failed: null });
    else if (e.type === 'asset_failed') out.set(i, { ...cur, failed: e.error || 'failed' });
    else out.set(i, { ...cur, fallback: e.type });
  }
  return out;
}

export function isImagePath(p) { return /\.(png|jpe?g|webp|gif|svg)$/i.test(p || ''); }
export function isVideoPath(p) { return /\.(mp4|webm|mov)$/i.test(p || ''); }
