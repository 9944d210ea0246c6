// Page-load benchmark for the resident's map, in headless Chromium over the
// DevTools protocol (no npm deps; node 20 needs --experimental-websocket):
//
//   node --experimental-websocket bench/page-load.mjs [url] [runs]
//   (default url http://localhost:8181/, default 5 runs after 1 warm-up)
//
// For each run: a fresh tab with the HTTP cache disabled (so every byte of
// the first view is transferred), navigation, then wait for the app's
// performance mark `pm:layers-drawn` (set when every plan layer is drawn).
// Reports the mark's time since navigation start and the sum of
// `transferSize` (bytes on the wire, compressed if the server compresses) of
// the document and all resource entries. Budget: ≤ 1.0 s, ≤ 500 KB
// (excluding online tiles, which are off by default).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2] || 'http://localhost:8181/';
const runs = Number(process.argv[3] || 5);
const port = 9333;
const profile = mkdtempSync(join(tmpdir(), 'pm-bench-'));
const chrome = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--window-size=1366,900', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
{ stdio: 'ignore' });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function json(path, method = 'GET') {
  for (let i = 0; i < 50; i++) {
    try { return await (await fetch(`http://127.0.0.1:${port}${path}`, { method })).json(); } catch { await sleep(200); }
  }
  throw new Error('chromium did not start');
}

function connect(wsUrl) {
  const ws = new WebSocket(wsUrl);
  let id = 0;
  const pending = new Map();
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const n = ++id;
    pending.set(n, (msg) => (msg.error ? reject(new Error(msg.error.message)) : resolve(msg.result)));
    ws.send(JSON.stringify({ id: n, method, params }));
  });
  return new Promise((resolve) => { ws.onopen = () => resolve({ send, close: () => ws.close() }); });
}

const MEASURE = `(() => {
  const mark = performance.getEntriesByName('pm:layers-drawn')[0];
  if (!mark) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const host = location.host;
  const all = [nav, ...res];
  return JSON.stringify({
    layersDrawnMs: mark.startTime,
    bytes: all.reduce((s, e) => s + (e.transferSize || 0), 0),
    decodedBytes: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
    requests: all.length,
    offHost: res.filter((e) => new URL(e.name).host !== host).map((e) => e.name),
    timeline: res.map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)]),
    biggest: res.map((e) => [new URL(e.name).pathname, e.transferSize]).sort((a, b) => b[1] - a[1]).slice(0, 5),
  });
})()`;

async function once() {
  const target = await json('/json/new?about:blank', 'PUT');
  const cdp = await connect(target.webSocketDebuggerUrl);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Page.navigate', { url });
  let result = null;
  for (let i = 0; i < 300 && !result; i++) {
    await sleep(50);
    const r = await cdp.send('Runtime.evaluate', { expression: MEASURE, returnByValue: true }).catch(() => null);
    if (r?.result?.value) result = JSON.parse(r.result.value);
  }
  cdp.close();
  await fetch(`http://127.0.0.1:${port}/json/close/${target.id}`).then((r) => r.text());
  if (!result) throw new Error('pm:layers-drawn was never marked');
  return result;
}

try {
  await json('/json/version');
  await once(); // warm-up: server JIT, caches
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const times = results.map((r) => r.layersDrawnMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const last = results[results.length - 1];
  console.log(JSON.stringify({ url, runs, layersDrawnMs: { median: Math.round(median), min: Math.round(times[0]), max: Math.round(times.at(-1)) },
    transferKB: Math.round(last.bytes / 1024), decodedKB: Math.round(last.decodedBytes / 1024), requests: last.requests,
    offHost: last.offHost, biggest: last.biggest, timeline: process.env.PM_TIMELINE ? last.timeline : undefined,
    budget: { timeOk: median <= 1000, bytesOk: last.bytes <= 500 * 1024 } }, null, 2));
} finally {
  chrome.kill();
  await sleep(300);
  try { rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); } catch { /* chromium still closing */ }
}
