// The API client of the web UI: every call sends the token kept in this tab's session storage.
const KEY = 'cluman.token';

/** An API answer that is not 2xx, with the problem+json body the server sent. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, p) {
  if (!p) return `HTTP ${status}`;
  const fields = (p.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
  return [p.title, p.detail, fields].filter(Boolean).join(' — ');
}

export const session = {
  token: () => sessionStorage.getItem(KEY),
  remember: token => sessionStorage.setItem(KEY, token),
  forget: () => sessionStorage.removeItem(KEY),
};

const listeners = new Set();
/** Calls fn when the server refuses the token (it was revoked or has expired). */
export function onUnauthorized(fn) { listeners.add(fn); return () => listeners.delete(fn); }

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  const t = session.token();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

/** Sends a request; resolves with the JSON body (or null for 204), rejects with an ApiProblem. */
export async function call(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(path, init);
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    if (res.status === 401) listeners.forEach(fn => fn());
    throw new ApiProblem(res.status, typeof data === 'object' ? data : { title: String(data) });
  }
  return data;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = path => call('DELETE', path);

/** Opens a streaming GET (logs, events); returns the fetch Response, or throws an ApiProblem. */
export async function stream(path, signal, extraHeaders = {}) {
  const res = await fetch(path, { headers: headers({ Accept: '*/*', ...extraHeaders }), signal });
  if (!res.ok) {
    let problem;
    try { problem = await res.json(); } catch { problem = null; }
    if (res.status === 401) listeners.forEach(fn => fn());
    throw new ApiProblem(res.status, problem);
  }
  return res;
}

/** Reads a text stream line by line, calling onLine for each, until it ends or signal aborts. */
export async function readLines(res, onLine) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = rest.indexOf('\n')) >= 0) {
      onLine(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
  }
  if (rest) onLine(rest);
}
