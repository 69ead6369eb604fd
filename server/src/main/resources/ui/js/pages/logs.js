// A container's output: the last lines, and with "follow" every new line as it is written.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { stream, readLines } from '../api.js';
import { ProblemBox } from '../ui.js';

const MAX_LINES = 2000;

export function Logs({ id }) {
  const [lines, setLines] = useState([]);
  const [follow, setFollow] = useState(false);
  const [error, setError] = useState(null);
  const [state, setState] = useState('loading');
  const box = useRef(null);
  useEffect(() => {
    const controller = new AbortController();
    const got = [];
    let flush = null;
    setLines([]);
    setError(null);
    setState('loading');
    const show = () => { flush = null; setLines(got.slice(-MAX_LINES)); };
    (async () => {
      try {
        const res = await stream(`/v1/containers/${encodeURIComponent(id)}/logs?tail=200&follow=${follow}`,
          controller.signal);
        setState(follow ? 'following' : 'loaded');
        await readLines(res, line => {
          got.push(line);
          if (!flush) flush = setTimeout(show, 100);
        });
        show();
        setState('ended');
      } catch (e) {
        if (!controller.signal.aborted) { setError(e); setState('failed'); }
      }
    })();
    return () => { controller.abort(); if (flush) clearTimeout(flush); };
  }, [id, follow]);
  useEffect(() => { if (box.current) box.current.scrollTop = box.current.scrollHeight; }, [lines]);
  return h('div', { class: 'logs' },
    h('div', { class: 'toolbar' },
      h('label', null, h('input', { type: 'checkbox', checked: follow, onChange: e => setFollow(e.target.checked) }),
        ' follow'),
      h('span', { class: 'muted', 'data-testid': 'logs-state' }, ` ${state}, ${lines.length} lines`)),
    h(ProblemBox, { error }),
    h('pre', { ref: box, 'data-testid': 'logs' }, lines.join('\n')));
}
