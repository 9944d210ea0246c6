/**
 * The back end's JSON API (docs/architecture.md). Every call returns parsed
 * JSON or throws an `ApiError` carrying the HTTP status and the problem body.
 * Responses are cached per URL for the page's life (the data is read-only).
 */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status} for ${url}`);
    this.status = status;
    this.problem = problem;
  }
}

const cache = new Map();

async function getJson(url, { cached = true } = {}) {
  if (cached && cache.has(url)) return cache.get(url);
  // no custom headers: the request must match the <link rel=preload> in index.html
  const promise = fetch(url).then(async (res) => {
    if (!res.ok) {
      let problem = null;
      try { problem = await res.json(); } catch { /* not JSON */ }
      throw new ApiError(res.status, problem, url);
    }
    return res.json();
  });
  if (cached) {
    cache.set(url, promise);
    promise.catch(() => cache.delete(url));
  }
  return promise;
}

const enc = encodeURIComponent;

export const api = {
  layers: () => getJson('api/layers'),
  layer: (id) => getJson(`api/layers/${enc(id)}`),
  feature: (id) => getJson(`api/features/${enc(id)}`),
  toc: () => getJson('api/plan'),
  planNode: (id) => getJson(`api/plan/${enc(id)}`),
  indicators: () => getJson('api/indicators'),
  catalogue: (column) => getJson(column ? `api/catalogue?column=${enc(column)}` : 'api/catalogue'),
  search: (q) => getJson(`api/search?q=${enc(q)}`, { cached: false }),
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
