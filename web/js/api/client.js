/**
 * The one client of the back end's HTTP API (docs/architecture.md). Every module — resident map, planner,
 * indicators, tours, and the staff modules to come — goes through it; ESLint forbids `fetch` and absolute
 * `/api/...` paths elsewhere. What it guarantees for every request:
 *
 * - **Relative paths.** `api.get('api/layers')` resolves against the page, so the app works when served under
 *   a sub-path (`https://host/planmap/`), and so does `/embed`. `api.url(path, query)` gives the same URL for an
 *   `href` or `src`.
 * - **`Accept-Language`** is the UI language (`api.setLanguage('en')`, kept in step by main.js), so the server
 *   answers messages and problem details in it. (GETs the page preloads from `index.html` are served from the
 *   preload, which the browser sent with its own language; those answers are language-neutral data.)
 * - **Header providers** (`api.addHeaders(fn)`) are asked for extra headers on every request:
 *   `fn({method, path}) → object | null`. The built-in one is the CSRF hook: on a non-GET request it sends
 *   `X-XSRF-TOKEN` with the value of the `XSRF-TOKEN` cookie when that cookie exists (the names Spring Security's
 *   `CookieCsrfTokenRepository` uses); without the cookie nothing is added.
 * - **Writes** (`post`, `put`, `patch`, `delete`) take `{json}` or `{body}` (FormData, Blob, text) and an optional
 *   `idempotencyKey` (`true` makes one with `crypto.randomUUID()`), sent as `Idempotency-Key`.
 * - **Errors** throw `ApiError` with the HTTP status and the problem body (`application/problem+json`), whose
 *   `detail` is the message to show; network failures throw the browser's TypeError.
 *
 * Answers: `getJson` / `send` parse JSON (`{as: 'blob'}` gives `{blob, filename}` for downloads, `{as: 'text'}`
 * text). GET JSON is cached per URL and language for the page's life unless `{cached: false}` (the plan data is
 * read-only; anything that changes must pass `cached: false`).
 */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status} for ${url}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** Reads one cookie's value from a `document.cookie` string, or null. */
export function readCookie(cookies, name) {
  for (const part of String(cookies || '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The CSRF hook: `X-XSRF-TOKEN` from the `XSRF-TOKEN` cookie on writes, when the cookie is there. */
export function csrfHeaders(readCookies) {
  return ({ method }) => {
    if (!WRITE_METHODS.has(method)) return null;
    const token = readCookie(readCookies(), CSRF_COOKIE);
    return token ? { [CSRF_HEADER]: token } : null;
  };
}

/** `path?query` with the query's null/undefined/'' entries left out; the path must be relative (no leading `/`). */
export function buildUrl(path, query) {
  const p = String(path);
  if (p.startsWith('/') || /^[a-z]+:/i.test(p)) throw new Error(`api path must be relative to the page: ${p}`);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v != null && v !== '') params.append(k, String(v));
  const q = params.toString();
  return q ? `${p}${p.includes('?') ? '&' : '?'}${q}` : p;
}

const filenameOf = (res, fallback) => {
  const cd = res.headers.get('Content-Disposition') || '';
  return /filename="([^"]+)"/.exec(cd)?.[1] || /filename=([^;\s]+)/.exec(cd)?.[1] || fallback;
};

/**
 * @param {object} options
 * @param {Function} [options.fetchImpl] the fetch to use (tests pass a fake)
 * @param {Function} [options.cookies]   returns the `document.cookie` string (for the CSRF hook)
 * @param {string}   [options.language]  the starting UI language
 */
export function createApiClient({ fetchImpl = (...a) => globalThis.fetch(...a), cookies = () => globalThis.document?.cookie || '', language = 'zh' } = {}) {
  let lang = language;
  const providers = [csrfHeaders(cookies)];
  const cache = new Map();

  function headersFor(method, path, extra) {
    const headers = { 'Accept-Language': lang };
    for (const provider of providers) Object.assign(headers, provider({ method, path }) || {});
    return Object.assign(headers, extra || {});
  }

  /** The raw request: resolves to the Response when it is 2xx/304, throws ApiError otherwise. */
  async function request(path, { method = 'GET', query, json, body, headers, idempotencyKey, accept, signal } = {}) {
    const url = buildUrl(path, query);
    const m = method.toUpperCase();
    const extra = { ...(headers || {}) };
    if (accept) extra.Accept = accept;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      extra['Content-Type'] = 'application/json';
    }
    if (idempotencyKey) extra['Idempotency-Key'] = idempotencyKey === true ? globalThis.crypto.randomUUID() : String(idempotencyKey);
    const res = await fetchImpl(url, { method: m, headers: headersFor(m, path, extra), body: payload, signal });
    if (!res.ok) {
      let problem = null;
      try { problem = await res.json(); } catch { /* not JSON */ }
      throw new ApiError(res.status, problem, url);
    }
    return res;
  }

  async function read(res, as, fallbackName) {
    if (as === 'blob') return { blob: await res.blob(), filename: filenameOf(res, fallbackName) };
    if (as === 'text') return res.text();
    if (res.status === 204) return null;
    return res.json();
  }

  /** GET JSON (cached per URL and language unless `cached: false`). */
  function getJson(path, { query, cached = true, as = 'json', filename } = {}) {
    const key = `${lang} ${buildUrl(path, query)}`;
    if (cached && as === 'json' && cache.has(key)) return cache.get(key);
    const promise = request(path, { query }).then((res) => read(res, as, filename));
    if (cached && as === 'json') {
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    return promise;
  }

  /** A write (or any method): `{json | body, query, idempotencyKey, as: 'json'|'blob'|'text', filename}`. */
  async function send(method, path, options = {}) {
    const res = await request(path, { ...options, method });
    return read(res, options.as || 'json', options.filename);
  }

  const enc = encodeURIComponent;
  return {
    request,
    getJson,
    get: getJson,
    send,
    post: (path, options) => send('POST', path, options),
    put: (path, options) => send('PUT', path, options),
    patch: (path, options) => send('PATCH', path, options),
    delete: (path, options) => send('DELETE', path, options),
    /** The relative URL of an API resource, for links and images (`api.url('api/qr', {text})`). */
    url: buildUrl,
    /** Sets the language sent as Accept-Language from now on. */
    setLanguage(next) { if (next) lang = next; },
    language: () => lang,
    /** Adds a header provider `({method, path}) → headers | null`; returns its removal. */
    addHeaders(provider) {
      providers.push(provider);
      return () => { const i = providers.indexOf(provider); if (i >= 0) providers.splice(i, 1); };
    },

    // the read API of docs/architecture.md
    layers: () => getJson('api/layers'),
    layer: (id) => getJson(`api/layers/${enc(id)}`),
    feature: (id) => getJson(`api/features/${enc(id)}`),
    featureTargets: (id) => getJson(`api/features/${enc(id)}/targets`),
    toc: () => getJson('api/plan'),
    planNode: (id) => getJson(`api/plan/${enc(id)}`),
    indicators: () => getJson('api/indicators'),
    targets: () => getJson('api/targets'),
    catalogue: (column) => getJson('api/catalogue', { query: { column } }),
    search: (q) => getJson('api/search', { query: { q }, cached: false }),
    tours: () => getJson('api/tours', { cached: false }),
    tour: (id) => getJson(`api/tours/${enc(id)}`, { cached: false }),
    /**
     * Online tile configuration. A missing endpoint (404) or any error means
     * "online tiles off": the map must work with no outside network.
     */
    async config() {
      try {
        return await getJson('api/config');
      } catch {
        return { tiles: {} };
      }
    },
  };
}

/** The application's client. */
export const api = createApiClient();
