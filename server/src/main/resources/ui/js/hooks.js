// Data for pages: fetch a resource, fetch it again when a live event of its topics arrives (at most once a
// second), and optionally every pollMs for values that change without events (metrics).
import { useEffect, useRef, useState, useCallback } from 'preact/hooks';
import { get } from './api.js';
import { subscribe } from './live.js';

export function useResource(path, topics = [], pollMs = 0) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const pending = useRef(null);
  const alive = useRef(true);
  const asked = useRef(0); // only the newest request's answer is shown: an older one may come back later

  const load = useCallback(async () => {
    if (!path) return;
    const mine = ++asked.current;
    try {
      const d = await get(path);
      if (alive.current && mine === asked.current) { setData(d); setError(null); }
    } catch (e) {
      if (alive.current && mine === asked.current) setError(e);
    }
  }, [path]);

  useEffect(() => {
    alive.current = true;
    setData(null);
    load();
    const unsubscribe = subscribe(topics, () => {
      if (pending.current) return;
      pending.current = setTimeout(() => { pending.current = null; load(); }, 1000);
    });
    const timer = pollMs > 0 ? setInterval(load, pollMs) : null;
    return () => {
      alive.current = false;
      unsubscribe();
      if (timer) clearInterval(timer);
      if (pending.current) { clearTimeout(pending.current); pending.current = null; }
    };
  }, [path, topics.join(',')]);

  return { data, error, reload: load };
}

/** Re-renders every ms milliseconds (for "12s ago" cells). */
export function useTick(ms) {
  const [, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN(n => n + 1), ms);
    return () => clearInterval(t);
  }, [ms]);
}
