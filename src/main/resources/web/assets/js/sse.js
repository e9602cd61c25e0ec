// A fetch-based Server-Sent Events reader. Unlike EventSource it can send Last-Event-ID on a brand-new
// connection (after a reload), sees the HTTP status (a 404 is "not found", not a reconnect loop), and
// reconnects on our terms: from the last *applied* event id, with backoff, immediately when the browser
// comes back online. Being fetch, it also sends the API token as a header, so the token stays out of URLs.
import { authHeaders, loadToken, tokenAfter401 } from './auth.js';

export class JobStream {
  /**
   * @param {string} url
   * @param {object} o
   * @param {() => (number|null)} o.lastEventId  read before every connection
   * @param {(frame) => boolean} o.onFrame       returns true when the frame was terminal
   * @param {(status: string, info?: any) => void} o.onStatus  connecting | live | reconnecting | ended | gone
   */
  constructor(url, { lastEventId, onFrame, onStatus }) {
    Object.assign(this, { url, lastEventId, onFrame, onStatus });
    this.stopped = false;
    this.retryMs = 3000;
    this.attempt = 0;
    this.wake = null;
    this.onOnline = () => this.wake && this.wake();
    window.addEventListener('online', this.onOnline);
  }

  start() { this.loop(); return this; }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    if (this.ctrl) this.ctrl.abort();
    if (this.wake) this.wake();
  }

  async loop() {
    while (!this.stopped) {
      const outcome = await this.connectOnce();
      if (this.stopped || outcome === 'terminal' || outcome === 'fatal') break;
      if (outcome === 'token') continue;         // a new API token: connect again at once
      this.attempt += 1;
      this.onStatus('reconnecting');
      const delay = outcome === 'eof' && this.attempt === 1 ? 250 : Math.min(this.retryMs * this.attempt, 15000);
      await new Promise((resolve) => { this.wake = resolve; setTimeout(resolve, delay); });
      this.wake = null;
    }
    window.removeEventListener('online', this.onOnline);
  }

  async connectOnce() {
    this.ctrl = new AbortController();
    const sent = loadToken();
    // JSON too: a 404's {"error"} body must be writable (the server 500s on errors when only SSE is acceptable).
    const headers = { Accept: 'text/event-stream, application/json;q=0.5', ...authHeaders() };
    const last = this.lastEventId();
    if (last !== null && last !== undefined) headers['Last-Event-ID'] = String(last);
    this.onStatus(this.attempt ? 'reconnecting' : 'connecting');
    let res;
    try {
      res = await fetch(this.url, { headers, signal: this.ctrl.signal, cache: 'no-store' });
    } catch {
      return 'error';
    }
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      try { message = (await res.json()).error || message; } catch { /* not JSON */ }
      if (res.status === 401 && await tokenAfter401(sent)) return 'token';
      if (res.status === 404 || res.status === 400 || res.status === 401) {
        this.onStatus('gone', { status: res.status, message });
        return 'fatal';
      }
      return 'error';
    }
    this.attempt = 0;
    this.onStatus('live');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    let frame = { data: [] };
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let nl;
        while ((nl = buf.search(/\r\n|\n|\r/)) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + (buf[nl] === '\r' && buf[nl + 1] === '\n' ? 2 : 1));
          if (line === '') {
            if (frame.data.length || frame.event) {
              const terminal = this.onFrame({ id: frame.id ?? null, event: frame.event || 'message', data: frame.data.join('\n') });
              if (terminal) {
                this.ctrl.abort();
                this.onStatus('ended');
                return 'terminal';
              }
            }
            frame = { data: [] };
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value2 = colon < 0 ? '' : line.slice(colon + 1);
          if (value2.startsWith(' ')) value2 = value2.slice(1);
          if (field === 'data') frame.data.push(value2);
          else if (field === 'event') frame.event = value2;
          else if (field === 'id') frame.id = value2;
          else if (field === 'retry' && /^\d+$/.test(value2)) this.retryMs = Math.max(500, Number(value2));
        }
      }
    } catch {
      return this.stopped ? 'terminal' : 'error';
    }
    return 'eof';
  }
}
