// Browser tests for the Reelflow web UI, against a real server (BASE_URL, default http://127.0.0.1:8080).
// playwright-core drives Debian's /usr/bin/chromium (CHROMIUM to override): no browser is downloaded.
// Each case is one function; `npm test` runs them in order. Screenshots go to SCREENSHOT_DIR (docs/screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const HERE = dirname(fileURLToPath(import.meta.url));
const SHOTS = resolve(process.env.SCREENSHOT_DIR || join(HERE, '../../../docs/screenshots'));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STAGE_KEYS = ['research', 'director', 'tts', 'visuals', 'assembly', 'critic'];
const WAIT = 15000;
const RENDER_WAIT = 180000;      // a zero-key render takes ~20-40 s on 2 cores; more while other work shares them

let browser;
let profile;
const pageErrors = [];

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'reelflow-chromium-'));
  // A persistent context on a fresh folder = a fresh --user-data-dir each run.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS, headless: true, viewport: { width: 1280, height: 800 },
  });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function newPage(viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function apiJson(path, init = {}) {
  const res = await fetch(`${BASE}/api/v1${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers || {}) } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function submit(body) {
  const r = await apiJson('/jobs', { method: 'POST', body: JSON.stringify(body) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function awaitServerStatus(id, statuses, ms = WAIT) {
  const end = Date.now() + ms;
  for (;;) {
    const { body } = await apiJson(`/jobs/${id}`);
    if (statuses.includes(body.status)) return body;
    if (Date.now() > end) throw new Error(`job ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The stage cards as the page shows them: key -> {status, detail}. */
async function renderedStages(page) {
  return page.$$eval('#stages [data-stage]', (els) => Object.fromEntries(els.map((el) => [el.dataset.stage,
    { status: el.dataset.status, detail: el.querySelector('.stage-detail').textContent }])));
}

async function debug(page) {
  return page.$eval('#job-page', (el) => ({
    applied: Number(el.dataset.appliedEvents), last: el.dataset.lastEventId === '' ? null : Number(el.dataset.lastEventId),
    duplicates: Number(el.dataset.duplicateEvents), ids: el.dataset.appliedIds ? el.dataset.appliedIds.split(',').map(Number) : [],
    status: el.dataset.status,
  }));
}

/** The page shows exactly the server's record: same status per stage, same detail where the server has one. */
function assertStagesMatch(rendered, record) {
  for (const k of STAGE_KEYS) {
    const want = record.stages[k];
    assert.equal(rendered[k].status, want.status, `stage ${k}`);
    if (want.detail) assert.ok(rendered[k].detail.includes(want.detail), `stage ${k} detail "${rendered[k].detail}" vs "${want.detail}"`);
  }
}

/** Ids applied since the last snapshot must be strictly consecutive: nothing lost, nothing twice. */
function assertContiguous(ids) {
  for (let i = 1; i < ids.length; i++) assert.equal(ids[i], ids[i - 1] + 1, `applied ids ${ids.join(',')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, name), fullPage: false });
}

// ---------------------------------------------------------------------------------------------------------------

test('home: a dry run submitted from the form reaches its final state on every stage card', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/`);
  await page.waitForSelector('#archetypes input[value="editorial_caricature"]');
  await page.waitForSelector('#provider-llm option[value="offline"]', { state: 'attached' });
  await shot(page, 'home-1280.png');
  await page.locator('#topic').fill('Why octopuses have three hearts');
  assert.equal(await page.textContent('#topic-count'), '31 / 500');
  await page.getByRole('switch', { name: /Dry run/ }).check();
  await page.getByRole('button', { name: 'Generate short' }).click();
  await page.waitForURL(/\/jobs\/[\w-]+$/);
  await page.waitForSelector('#job-page[data-status="completed"]', { timeout: WAIT });
  await page.waitForSelector('#storyboard .scene');
  const stages = await renderedStages(page);
  assert.equal(stages.research.status, 'done');
  assert.equal(stages.director.status, 'done');
  for (const k of ['tts', 'visuals', 'assembly', 'critic']) {
    assert.equal(stages[k].status, 'skipped', k);
    assert.match(stages[k].detail, /dry run/);
  }
  const id = page.url().split('/').pop();
  const record = (await apiJson(`/jobs/${id}`)).body;
  assertStagesMatch(stages, record);
  assert.equal(await page.locator('#storyboard .scene').count(), record.score.scenes.length);
  assert.equal(await page.locator('#research-panel .facts li').count(), record.researchData.key_facts.length);
  const d = await debug(page);
  assert.equal(d.duplicates, 0);
  assertContiguous(d.ids);
  await shot(page, 'job-finished-1280.png');
  await page.locator('#storyboard').scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);          // let the scrolled tiles paint
  await shot(page, 'job-storyboard-1280.png');
  await page.close();
});

test('home: a malformed replay score is refused before submitting, with a clear message', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/`);
  await page.click('details.advanced > summary');
  await page.setInputFiles('#score-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"scenes": [') });
  await page.waitForSelector('#score-msg.field-error');
  assert.match(await page.textContent('#score-msg'), /not valid JSON/);
  await page.setInputFiles('#score-file', { name: 'shape.json', mimeType: 'application/json', buffer: Buffer.from('{"archetype":"x","scenes":[]}') });
  await page.waitForFunction(() => /not a usable score/.test(document.querySelector('#score-msg').textContent));
  await page.close();
});

/**
 * A non-dry run renders a real video (tens of seconds), so one ahead keeps the job under test queued long enough
 * to open its page. Returns the filler ids (cancelled in cleanup) and the id of the job under test.
 */
async function queueBehindBurst(body, n = 1) {
  const fillers = await Promise.all(Array.from({ length: n }, (_, i) => submit({ topic: `Queue filler ${i}` })));
  return { fillers, id: await submit(body) };
}

test('job: a reload mid-run resumes from the last event id with nothing lost or doubled', async () => {
  for (let attempt = 1; ; attempt++) {
    const { fillers, id } = await queueBehindBurst({ topic: 'The 1977 Wow signal', dryRun: true });
    const page = await newPage();
    const lastEventIds = [];
    page.on('request', (req) => {
      if (req.url().includes(`/jobs/${id}/events`)) lastEventIds.push(req.headers()['last-event-id'] ?? null);
    });
    await page.goto(`${BASE}/jobs/${id}`);
    await page.waitForFunction(() => Number(document.querySelector('#job-page')?.dataset.appliedEvents) >= 1);
    const mid = await debug(page);
    if (mid.status === 'completed' && attempt < 3) { await page.close(); await cleanup([...fillers, id]); continue; }
    assert.notEqual(mid.status, 'completed', 'the page saw the job before it finished');
    // Reload; the resumed stream is held until the job has finished on the server, so every event after the
    // page's last id happens while the page is away and must come back through the replay.
    await page.route(`**/api/v1/jobs/${id}/events`, async (route) => {
      await awaitServerStatus(id, ['completed'], RENDER_WAIT);
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('#job-page[data-status="completed"]', { timeout: RENDER_WAIT });
    const record = (await apiJson(`/jobs/${id}`)).body;
    const end = await debug(page);
    assert.equal(end.duplicates, 0, 'no event applied twice');
    assertContiguous(end.ids);
    assert.equal(end.ids[0], mid.ids[0], 'no second snapshot: the replay continued the same sequence');
    assert.ok(end.ids.length > mid.ids.length, 'the missed events were replayed');
    assert.equal(lastEventIds.length, 2);
    assert.equal(lastEventIds[0], null, 'first visit: a new stream (snapshot)');
    assert.equal(lastEventIds[1], String(mid.last), 'after the reload: resume from the last applied id');
    assertStagesMatch(await renderedStages(page), record);
    assert.equal(await page.locator('#storyboard .scene').count(), record.score.scenes.length);
    assert.equal(await page.locator('#research-panel .facts li').count(), record.researchData.key_facts.length);
    await page.close();
    await cleanup(fillers);
    return;
  }
});

test('job: a dropped connection reconnects by itself from the last applied id', async () => {
  const { fillers, id } = await queueBehindBurst({ topic: 'How the Great Pyramid was built', dryRun: true });
  const page = await newPage();
  const lastEventIds = [];
  let first = true;
  await page.route(`**/api/v1/jobs/${id}/events`, async (route) => {
    lastEventIds.push(route.request().headers()['last-event-id'] ?? null);
    if (first) {                     // the first connection: only the opening frames, then the connection drops
      first = false;
      const res = await fetch(`${BASE}/api/v1/jobs/${id}/events`, { headers: { Accept: 'text/event-stream' } });
      const reader = res.body.getReader();
      const { value } = await reader.read();
      await reader.cancel();
      const text = new TextDecoder().decode(value);
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: text.slice(0, text.lastIndexOf('\n\n') + 2) });
      return;
    }
    await route.continue();
  });
  await page.goto(`${BASE}/jobs/${id}`);
  await page.waitForSelector('#job-page[data-status="completed"]', { timeout: RENDER_WAIT });
  const end = await debug(page);
  assert.equal(end.duplicates, 0);
  assertContiguous(end.ids);
  assert.ok(lastEventIds.length >= 2, 'it reconnected');
  assert.equal(lastEventIds[0], null);
  assert.match(lastEventIds[1], /^\d+$/, 'the reconnect sent Last-Event-ID');
  assertStagesMatch(await renderedStages(page), (await apiJson(`/jobs/${id}`)).body);
  await page.close();
  await cleanup(fillers);
});

test('job: cancel a queued or running job from its page', async () => {
  for (let attempt = 1; ; attempt++) {
    const { fillers, id } = await queueBehindBurst({ topic: 'A job to cancel' });
    const page = await newPage();
    await page.goto(`${BASE}/jobs/${id}`);
    const cancel = page.getByRole('button', { name: 'Cancel' });
    try {
      await cancel.waitFor({ timeout: 3000 });
      await cancel.click();
      await page.waitForSelector('#job-page[data-status="cancelled"]', { timeout: WAIT });
    } catch (e) {
      const { body } = await apiJson(`/jobs/${id}`);
      await page.close();
      await cleanup([...fillers, id]);
      if (body.status !== 'cancelled' && attempt < 3) continue;      // it ran before we could click: again
      throw e;
    }
    assert.match(await page.textContent('#failed-panel'), /cancelled/i);
    assert.equal((await apiJson(`/jobs/${id}`)).body.status, 'cancelled');
    assert.equal(await page.getByRole('button', { name: 'Cancel' }).count(), 0);
    await page.close();
    await cleanup([...fillers, id]);
    return;
  }
});

async function cleanup(ids) {
  for (const id of ids) {
    await apiJson(`/jobs/${id}/cancel`, { method: 'POST' });       // a filler still rendering stops at once (409 if done)
    await awaitServerStatus(id, ['completed', 'failed', 'cancelled'], 30000).catch(() => {});
    await apiJson(`/jobs/${id}`, { method: 'DELETE' });
  }
}

test('gallery: lists jobs newest first, filters, and deletes one', async () => {
  const tag = `(run ${Date.now() % 100000})`;
  const older = await submit({ topic: `Sundials of Rome ${tag}`, dryRun: true, archetype: 'warm_narrative' });
  await awaitServerStatus(older, ['completed']);
  const newer = await submit({ topic: `The rise and fall of Blockbuster ${tag}`, dryRun: true, archetype: 'infographic' });
  await awaitServerStatus(newer, ['completed']);
  const page = await newPage();
  await page.goto(`${BASE}/gallery`);
  await page.waitForSelector(`#gallery-list [data-job-id="${newer}"]`);
  const order = await page.$$eval('#gallery-list [data-job-id]', (els) => els.map((e) => e.dataset.jobId));
  assert.ok(order.indexOf(newer) < order.indexOf(older), `newest first: ${order}`);
  await shot(page, 'gallery-1280.png');
  await page.getByLabel('Search topics').fill(`sundials of rome ${tag}`);
  assert.deepEqual(await page.$$eval('#gallery-list [data-job-id]', (els) => els.map((e) => e.dataset.jobId)), [older]);
  await page.getByLabel('Search topics').fill('');
  await page.getByLabel('Filter by style').selectOption('infographic');
  assert.ok((await page.$$eval('#gallery-list [data-job-id]', (els) => els.map((e) => e.dataset.jobId))).includes(newer));
  assert.ok(!(await page.$$eval('#gallery-list [data-job-id]', (els) => els.map((e) => e.dataset.jobId))).includes(older));
  await page.getByLabel('Filter by style').selectOption('');
  const card = page.locator(`#gallery-list [data-job-id="${older}"]`);
  await card.getByRole('button', { name: /^Delete/ }).click();
  await card.getByRole('button', { name: /^Confirm deleting/ }).click();
  await card.waitFor({ state: 'detached' });
  assert.equal((await apiJson(`/jobs/${older}`)).status, 404);
  await page.close();
});

test('job: an unknown job id shows a clear not-found message', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/jobs/does-not-exist-42`);
  await page.waitForSelector('#job-not-found');
  assert.match(await page.textContent('#job-not-found h1'), /Job not found/);
  assert.equal(await page.getByRole('link', { name: 'Make a new short' }).count(), 1);
  await page.close();
});

test('screenshots: the job page and home on a phone (390x844)', async () => {
  const id = await submit({ topic: 'What happens inside a black hole', dryRun: true, archetype: 'moody_cinematic' });
  await awaitServerStatus(id, ['completed']);
  const phone = await newPage({ width: 390, height: 844 });
  await phone.goto(`${BASE}/jobs/${id}`);
  await phone.waitForSelector('#job-page[data-status="completed"]');
  await shot(phone, 'job-390.png');
  await phone.goto(`${BASE}/`);
  await phone.waitForSelector('#archetypes input[value="editorial_caricature"]');
  await shot(phone, 'home-390.png');
  await phone.close();
});


test('job: a zero-key run streams its render and plays its video', async () => {
  const id = await submit({ topic: 'Why the sky is blue', archetype: 'infographic' });
  const page = await newPage();
  await page.goto(`${BASE}/jobs/${id}`);
  await page.waitForSelector('.progress[role="progressbar"]', { timeout: RENDER_WAIT });
  await shot(page, 'job-running-1280.png');
  await page.waitForSelector('#job-page[data-status="completed"]', { timeout: RENDER_WAIT });
  const video = page.locator('#video-player');
  await video.waitFor();
  const duration = await video.evaluate((v) => new Promise((ok, fail) => {
    if (v.readyState >= 1) return ok(v.duration);
    v.addEventListener('loadedmetadata', () => ok(v.duration), { once: true });
    v.addEventListener('error', () => fail(new Error('video failed to load: ' + (v.error && v.error.code))), { once: true });
  }));
  const record = (await apiJson(`/jobs/${id}`)).body;
  assert.ok(duration > 5, `the video has a duration (${duration} s)`);
  const played = await video.evaluate(async (v) => { v.muted = true; await v.play(); await new Promise((r) => setTimeout(r, 600)); v.pause(); return v.currentTime; });
  assert.ok(played > 0, 'the video plays');
  const seeked = await video.evaluate((v) => new Promise((ok) => { v.addEventListener('seeked', () => ok(v.currentTime), { once: true }); v.currentTime = v.duration / 2; }));
  assert.ok(seeked > 1, 'seeking works (Range requests)');
  const href = await page.getAttribute('#download-video', 'href');
  assert.ok(href.endsWith(record.videoPath), `download points at the video (${href})`);
  assert.equal((await fetch(new URL(href, BASE))).status, 200);
  assert.equal(await page.locator('#storyboard .scene img').count(), record.score.scenes.length, 'every scene shows its picture');
  await shot(page, 'job-video-1280.png');
  await page.close();
});

test('settings: every provider\'s model ids, each with whether its vendor lists it', async () => {
  const { body: catalog } = await apiJson('/providers');
  const ids = Object.values(catalog).flat().flatMap((e) => (e.models || []).map((m) => ({ ...m, key: e.key })));
  assert.ok(ids.some((m) => m.id === 'gemini-3.8-flash' && m.role === 'llm'), JSON.stringify(ids));
  const page = await newPage();
  await page.goto(`${BASE}/settings`);
  const rows = page.locator('#models-list li');
  await rows.first().waitFor({ timeout: WAIT });
  assert.equal(await rows.count(), ids.length);
  const voice = page.locator('#models-list li[data-provider="tts:elevenlabs"][data-role="voice"]');
  assert.match(await voice.textContent(), /JBFqnCBsd6RMkjVDRZzb/);
  // This server has no keys: no vendor was asked, so every id is unknown, and says so.
  assert.deepEqual([...new Set(await rows.evaluateAll((els) => els.map((el) => el.dataset.listed)))], ['null']);
  assert.match(await voice.textContent(), /Unknown/);
  await page.close();
});

test('no uncaught errors on any page', () => {
  assert.deepEqual(pageErrors, []);
});
