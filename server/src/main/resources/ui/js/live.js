// The live event stream shared by every page: one fetch of /v1/events/stream for the tab, resumed after
// the last event id when it breaks. Pages subscribe to topics and reload what they show.
import { stream, readLines } from './api.js';

const subscribers = new Set();
let controller = null;
let lastId = null;
let state = 'closed';
const stateListeners = new Set();

function setState(s) { state = s; stateListeners.forEach(fn => fn(s)); }

/** 'open', 'connecting' or 'closed'; fn is called on every change. */
export function onStreamState(fn) { stateListeners.add(fn); fn(state); return () => stateListeners.delete(fn); }

/** Calls fn(event) for each live event whose topic is one of topics (all when topics is empty). */
export function subscribe(topics, fn) {
  const s = { topics: new Set(topics), fn };
  subscribers.add(s);
  return () => subscribers.delete(s);
}

function dispatch(event) {
  for (const s of subscribers) {
    if (s.topics.size === 0 || s.topics.has(event.topic)) {
      try { s.fn(event); } catch (e) { console.warn('event subscriber failed', e); }
    }
  }
}

/** Starts the stream (once per tab). */
export function start() {
  if (controller) return;
  controller = new AbortController();
  run(controller.signal);
}

/** Stops the stream, e.g. at logout. */
export function stop() {
  if (controller) controller.abort();
  controller = null;
  setState('closed');
}

async function run(signal) {
  let delay = 500;
  while (!signal.aborted) {
    setState('connecting');
    try {
      const headers = lastId ? { 'Last-Event-ID': String(lastId) } : {};
      const res = await stream('/v1/events/stream', signal, headers);
      setState('open');
      delay = 500;
      let data = '';
      let id = null;
      await readLines(res, line => {
        if (line.startsWith('data: ')) data += line.slice(6);
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line === '' && data) {
          if (id) lastId = id;
          try { dispatch(JSON.parse(data)); } catch (e) { console.warn('bad event', e); }
          data = '';
          id = null;
        }
      });
    } catch (e) {
      if (signal.aborted) return;
      if (e.status === 401) { stop(); return; }
    }
    if (signal.aborted) return;
    setState('connecting');
    await new Promise(r => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10000);
  }
}
