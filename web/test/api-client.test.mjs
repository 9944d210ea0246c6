import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient, ApiError, readCookie, buildUrl } from '../js/api/client.js';

/** A fake fetch that records every call and answers from `respond(url, init)`. */
function fakeFetch(respond = () => ({ status: 200, body: { ok: true } })) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, ...init });
    const { status = 200, body = null, headers = {} } = respond(url, init) || {};
    return new Response(body == null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  };
  return { fetchImpl, calls };
}

test('paths stay relative to the page (the app works under a sub-path); absolute ones are refused', async () => {
  const { fetchImpl, calls } = fakeFetch();
  const api = createApiClient({ fetchImpl });
  await api.layers();
  await api.search('磁器口');
  assert.deepEqual(calls.map((c) => c.url), ['api/layers', 'api/search?q=%E7%A3%81%E5%99%A8%E5%8F%A3']);
  assert.throws(() => buildUrl('/api/layers'), /relative/);
  assert.throws(() => buildUrl('https://example.org/api'), /relative/);
  assert.equal(buildUrl('api/catalogue', { column: null }), 'api/catalogue');
});

test('every request carries the UI language as Accept-Language', async () => {
  const { fetchImpl, calls } = fakeFetch();
  const api = createApiClient({ fetchImpl, language: 'zh' });
  await api.feature('zone-east');
  api.setLanguage('en');
  await api.feature('zone-east'); // cached per language: asked again in English
  await api.post('api/overlays/analyze', { json: { wkt: 'POINT (1 2)' } });
  assert.deepEqual(calls.map((c) => c.headers['Accept-Language']), ['zh', 'en', 'en']);
});

test('writes send X-XSRF-TOKEN from the XSRF-TOKEN cookie; reads and cookie-less pages send none', async () => {
  let cookie = 'a=1; XSRF-TOKEN=abc%3D123; b=2';
  const { fetchImpl, calls } = fakeFetch();
  const api = createApiClient({ fetchImpl, cookies: () => cookie });
  await api.get('api/layers', { cached: false });
  await api.post('api/overlays', { json: {} });
  await api.delete('api/overlays/x');
  cookie = 'a=1';
  await api.put('api/things/1', { json: {} });
  assert.equal(calls[0].headers['X-XSRF-TOKEN'], undefined);
  assert.equal(calls[1].headers['X-XSRF-TOKEN'], 'abc=123');
  assert.equal(calls[2].headers['X-XSRF-TOKEN'], 'abc=123');
  assert.equal(calls[3].headers['X-XSRF-TOKEN'], undefined);
});

test('header providers add headers to every request and can be removed', async () => {
  const { fetchImpl, calls } = fakeFetch();
  const api = createApiClient({ fetchImpl });
  const remove = api.addHeaders(({ method }) => ({ 'X-Test': method }));
  await api.post('api/x', { json: {} });
  remove();
  await api.post('api/x', { json: {} });
  assert.equal(calls[0].headers['X-Test'], 'POST');
  assert.equal(calls[1].headers['X-Test'], undefined);
});

test('writes carry an Idempotency-Key when asked; JSON bodies are sent as JSON', async () => {
  const { fetchImpl, calls } = fakeFetch();
  const api = createApiClient({ fetchImpl });
  await api.post('api/overlays', { json: { a: 1 }, idempotencyKey: 'k-1' });
  await api.post('api/overlays', { json: { a: 1 }, idempotencyKey: true });
  await api.post('api/overlays', { json: { a: 1 } });
  assert.equal(calls[0].headers['Idempotency-Key'], 'k-1');
  assert.match(calls[1].headers['Idempotency-Key'], /^[0-9a-f-]{36}$/);
  assert.equal(calls[2].headers['Idempotency-Key'], undefined);
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(calls[0].body, '{"a":1}');
  assert.equal(calls[0].method, 'POST');
});

test('an error answer throws ApiError with the status and the problem detail', async () => {
  const { fetchImpl } = fakeFetch(() => ({ status: 400, body: { title: 'Bad Request', status: 400, detail: '参数 q 不能为空' } }));
  const api = createApiClient({ fetchImpl });
  await assert.rejects(api.search(''), (e) => e instanceof ApiError && e.status === 400 && e.message === '参数 q 不能为空'
    && e.problem.title === 'Bad Request');
});

test('GET JSON is cached per URL; failures are not cached; cached: false always asks', async () => {
  let fail = true;
  const { fetchImpl, calls } = fakeFetch(() => (fail ? { status: 503, body: {} } : { body: [1] }));
  const api = createApiClient({ fetchImpl });
  await assert.rejects(api.layers());
  fail = false;
  assert.deepEqual(await api.layers(), [1]);
  assert.deepEqual(await api.layers(), [1]);
  await api.tours();
  await api.tours();
  assert.equal(calls.length, 4);
});

test('downloads come back as a blob with the server\'s file name', async () => {
  const { fetchImpl } = fakeFetch(() => ({ body: { a: 1 }, headers: { 'Content-Disposition': 'attachment; filename="zones.gpkg"' } }));
  const api = createApiClient({ fetchImpl });
  const { blob, filename } = await api.get('api/export/zones', { query: { format: 'gpkg' }, as: 'blob', cached: false, filename: 'x' });
  assert.equal(filename, 'zones.gpkg');
  assert.ok(blob.size > 0);
});

test('cookie reading', () => {
  assert.equal(readCookie('XSRF-TOKEN=a b', 'XSRF-TOKEN'), 'a b');
  assert.equal(readCookie('xXSRF-TOKEN=1', 'XSRF-TOKEN'), null);
  assert.equal(readCookie('', 'XSRF-TOKEN'), null);
});
