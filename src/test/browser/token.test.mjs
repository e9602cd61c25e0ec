// Browser tests of the web UI against a server started with an API token (TOKEN_BASE_URL, API_TOKEN; make
// browser-test starts one). Without them the cases are skipped: the token server is a second process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.TOKEN_BASE_URL || '').replace(/\/$/, '');
const TOKEN = process.env.API_TOKEN || '';
const skip = !BASE || !TOKEN ? 'needs TOKEN_BASE_URL and API_TOKEN (a server started with API_TOKEN)' : false;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = 15000;

let browser;
let profile;
const pageErrors = [];

before(async () => {
  if (skip) return;
  profile = mkdtempSync(join(tmpdir(), 'reelflow-chromium-token-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS, headless: true, viewport: { width: 1280, height: 800 },
  });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function newPage() {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

/** Enters a token in the dialog the UI opens after a 401. */
async function answerDialog(page, token) {
  const dialog = page.locator('#token-dialog');
  await dialog.waitFor({ timeout: WAIT });
  const shown = await dialog.elementHandle();
  await dialog.getByLabel('Token').fill(token);
  await dialog.getByRole('button', { name: 'Save token' }).click();
  await shown.waitForElementState('hidden');      // this dialog: a refused token opens a new one at once
}

test('token: without the token every API call is 401', { skip }, async () => {
  for (const path of ['/jobs', '/health', '/stats', '/archetypes', '/platforms', '/providers', '/jobs/1/events']) {
    const res = await fetch(`${BASE}/api/v1${path}`);
    assert.equal(res.status, 401, path);
    assert.match(res.headers.get('www-authenticate') || '', /^Bearer/, path);
    assert.match((await res.json()).error, /API token required/, path);
  }
  const post = await fetch(`${BASE}/api/v1/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ topic: 'No token', dryRun: true }) });
  assert.equal(post.status, 401);
  const ok = await fetch(`${BASE}/api/v1/jobs`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(ok.status, 200);
});

test('token: the UI asks for the token, keeps it, sends it on every call and the event stream', { skip }, async () => {
  const page = await newPage();
  const apiCalls = [];
  page.on('request', (req) => { if (new URL(req.url()).pathname.startsWith('/api/')) apiCalls.push(req); });
  await page.goto(`${BASE}/`);
  await answerDialog(page, 'not-the-token');
  await page.waitForSelector('#token-dialog');
  assert.match(await page.textContent('#token-reason'), /refused the saved token/);
  await answerDialog(page, TOKEN);
  await page.waitForSelector('#archetypes input[value="editorial_caricature"]', { timeout: WAIT });
  assert.equal(await page.locator('#token-dialog').count(), 0, 'asked no more once the token was right');

  await page.locator('#topic').fill('Why the Moon drifts away');
  await page.getByRole('switch', { name: /Dry run/ }).check();
  await page.getByRole('button', { name: 'Generate short' }).click();
  await page.waitForURL(/\/jobs\/[\w-]+$/);
  await page.waitForSelector('#job-page[data-status="completed"]', { timeout: WAIT });
  const stream = apiCalls.find((r) => r.url().includes('/events'));
  assert.ok(stream, 'the page opened the event stream');
  assert.equal((await stream.allHeaders()).authorization, `Bearer ${TOKEN}`);
  const submit = apiCalls.find((r) => r.method() === 'POST');
  assert.equal((await submit.allHeaders()).authorization, `Bearer ${TOKEN}`, 'the submit carried the token');

  // Kept: a new visit asks nothing.
  await page.goto(`${BASE}/gallery`);
  await page.waitForSelector('#gallery-list [data-job-id]', { timeout: WAIT });
  assert.equal(await page.locator('#token-dialog').count(), 0);
  await page.close();
});

test('token: settings changes and forgets the saved token', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${BASE}/settings`);
  await page.waitForSelector('#health-summary', { timeout: WAIT });      // the token from the previous case
  assert.match(await page.textContent('#token-state'), /saved in this browser/);
  await page.getByLabel('Token', { exact: true }).fill('a-wrong-token');
  await page.getByRole('button', { name: 'Save token' }).click();
  await answerDialog(page, TOKEN);                                        // the wrong one is refused: asked again
  await page.waitForSelector('#health-summary', { timeout: WAIT });
  await page.getByRole('button', { name: 'Forget token' }).click();
  assert.match(await page.textContent('#token-state'), /No token saved/);
  await page.reload();
  await page.waitForSelector('#token-dialog', { timeout: WAIT });        // forgotten: asked on the next call
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForSelector('#settings-page .alert', { timeout: WAIT });
  assert.match(await page.textContent('#settings-page .alert'), /API token required/);
  await page.close();
});

test('token: no uncaught errors on any page', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
