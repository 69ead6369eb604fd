// The events page: recent events, then every new one as it happens; filter by topic and severity.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { subscribe } from '../live.js';
import { Table, ProblemBox, Badge } from '../ui.js';
import { time } from '../format.js';
import * as T from '../topics.js';

const KEEP = 1000;
const RANK = { INFO: 0, WARNING: 1, ERROR: 2 };

export function Events() {
  const [events, setEvents] = useState([]);
  const [topic, setTopic] = useState('');
  const [severity, setSeverity] = useState('INFO');
  const [error, setError] = useState(null);
  useEffect(() => {
    let seen = 0;
    let current = true; // an answer for filters changed since is dropped, not shown over the newer one
    const query = new URLSearchParams({ limit: '500', severity });
    if (topic) query.set('topic', topic);
    get(`/v1/events?${query}`).then(list => {
      if (!current) return;
      seen = list.length ? list[list.length - 1].id : 0;
      setEvents(list.reverse());
      setError(null);
    }).catch(e => { if (current) setError(e); });
    const unsubscribe = subscribe(topic ? [topic] : [], e => {
      if (e.id <= seen || RANK[e.severity] < RANK[severity]) return;
      seen = e.id;
      setEvents(list => [e, ...list].slice(0, KEEP));
    });
    return () => { current = false; unsubscribe(); };
  }, [topic, severity]);
  return h('section', null,
    h('h1', null, 'Events'),
    h('div', { class: 'toolbar' },
      h('select', { value: topic, 'aria-label': 'topic', onChange: e => setTopic(e.target.value) },
        h('option', { value: '' }, 'every topic'), T.ALL.map(t => h('option', { key: t, value: t }, t))),
      h('select', { value: severity, 'aria-label': 'severity', onChange: e => setSeverity(e.target.value) },
        Object.keys(RANK).map(s => h('option', { key: s, value: s }, `${s} and worse`))),
      h('span', { class: 'muted' }, `${events.length} events, newest first`)),
    h(ProblemBox, { error }),
    h(Table, { testid: 'events', rows: events, empty: 'no events', columns: [
      ['Time', e => time(e.time)],
      ['Topic', e => e.topic],
      ['Severity', e => h(Badge, { text: e.severity })],
      ['Action', e => e.action],
      ['Object', e => e.objectId || '-'],
      ['Message', e => e.message],
    ] }));
}
