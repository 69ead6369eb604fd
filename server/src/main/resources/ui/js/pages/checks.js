// The checks page: every cluster check with where it runs and its last result; operators add and remove them.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, del } from '../api.js';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, ConfirmButton, Badge, may, link } from '../ui.js';
import { Form, Field } from '../form.js';
import { ago } from '../format.js';
import * as T from '../topics.js';

export function Checks({ me }) {
  useTick(5000);
  const checks = useResource('/v1/checks', [T.CHECK, T.NODE], 5000);
  const [error, setError] = useState(null);
  const operator = may(me.role, 'operator');
  return h('section', null,
    h('h1', null, 'Checks'),
    h('p', { class: 'muted' }, 'Each check runs on one node of its cluster, and on another when that node goes off.'),
    h(ProblemBox, { error: error || checks.error }),
    h(Table, { testid: 'checks', rows: checks.data || [], rowKey: c => c.name, empty: 'no checks', columns: [
      ['Name', c => c.name],
      ['Probe', c => `${c.type} ${c.target}`],
      ['Every', c => c.interval],
      ['Node', c => (c.node ? link(`#/nodes/${c.node}`, c.nodeName || c.node) : '-')],
      ['Status', c => h(Badge, { text: c.status.toUpperCase() })],
      ['Last run', c => (c.last ? `${ago(c.last.at)}${c.last.output ? ` — ${c.last.output}` : ''}` : '-')],
      ['', c => (operator ? h(ConfirmButton, { label: 'Remove', danger: true, onError: setError,
        question: `Remove check ${c.name}?`, action: () => del(`/v1/checks/${encodeURIComponent(c.name)}`),
        onDone: checks.reload }) : null)],
    ] }),
    operator ? h(Form, { title: 'Add a check', testid: 'check-form', label: 'Add',
      initial: { name: '', type: 'tcp', target: '', interval: '', cluster: '' },
      fields: (v, set) => [
        h(Field, { key: 'n', label: 'Name', name: 'name', values: v, set, placeholder: 'db' }),
        h('label', { key: 't', class: 'field' }, h('span', null, 'Type'),
          h('select', { id: 'f-type', name: 'type', value: v.type, onChange: e => set({ ...v, type: e.target.value }) },
            h('option', { value: 'tcp' }, 'tcp (a connection opens)'),
            h('option', { value: 'http' }, 'http (GET answers 2xx or 3xx)'))),
        h(Field, { key: 'g', label: 'Target', name: 'target', values: v, set,
          placeholder: v.type === 'http' ? 'http://api.internal:8080/health' : 'db.internal:5432' }),
        h(Field, { key: 'i', label: 'Interval', name: 'interval', values: v, set, placeholder: '30s' }),
        h(Field, { key: 'c', label: 'Cluster', name: 'cluster', values: v, set, placeholder: 'all' }),
      ],
      submit: v => post('/v1/checks', { name: v.name, type: v.type, target: v.target, interval: v.interval || null,
        cluster: v.cluster || null }),
      onDone: checks.reload }) : null);
}
