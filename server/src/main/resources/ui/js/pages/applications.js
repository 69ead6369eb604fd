// The applications page: compose applications with their services; deploy one by pasting a compose file.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, del } from '../api.js';
import { useResource } from '../hooks.js';
import { Table, ProblemBox, Badge, ConfirmButton, may, link } from '../ui.js';
import { Form, Field, parsePairs } from '../form.js';
import * as T from '../topics.js';

function Warnings({ warnings }) {
  if (!warnings || warnings.length === 0) return null;
  return h('ul', { class: 'warnings', 'data-testid': 'app-warnings' },
    warnings.map(w => h('li', { key: w.path + w.message }, h('code', null, w.path), ` ${w.message}`)));
}

function Deployed({ app }) {
  return h('div', { class: 'panel', 'data-testid': 'deployed' },
    h('p', null, `Application ${app.name} is ${String(app.state).toLowerCase()}.`),
    h(Warnings, { warnings: app.warnings }));
}

export function Applications({ me }) {
  const apps = useResource('/v1/applications', [T.APPLICATION, T.SERVICE]);
  const [error, setError] = useState(null);
  const [deployed, setDeployed] = useState(null);
  const operator = may(me.role, 'operator');
  const path = a => `/v1/applications/${encodeURIComponent(a.name)}`;
  const act = (a, op, label) => h(ConfirmButton, { key: op, label, question: `${label} application ${a.name}?`,
    onError: setError, onDone: apps.reload, action: () => post(`${path(a)}/${op}`) });
  return h('section', null,
    h('h1', null, 'Applications'),
    h(ProblemBox, { error: error || apps.error }),
    h(Table, { testid: 'applications', rows: apps.data || [], empty: 'no applications', columns: [
      ['Name', a => a.name],
      ['State', a => h(Badge, { text: a.state })],
      ['Cluster', a => a.cluster || 'all'],
      ['Services', a => a.services.map(s => h('span', { key: s.name, class: 'chip' },
        link(`#/services/${s.service ? s.service.name : s.name}`, s.name),
        s.service ? ` ${s.service.running}/${s.service.desired}` : ''))],
      ['Warnings', a => h(Warnings, { warnings: a.warnings })],
      ['Failure', a => a.failure || ''],
      ['', a => (operator ? h('span', { class: 'actions' },
        String(a.state).toLowerCase() === 'stopped' ? act(a, 'start', 'Start') : act(a, 'stop', 'Stop'),
        h(ConfirmButton, { label: 'Remove', danger: true, question: `Remove application ${a.name} and its services?`,
          onError: setError, onDone: apps.reload, action: () => del(path(a)) })) : null)],
    ] }),
    deployed ? h(Deployed, { app: deployed }) : null,
    operator ? h(Form, { title: 'Deploy an application', testid: 'app-form', label: 'Deploy',
      initial: { name: '', cluster: '', compose: '', variables: '' },
      fields: (v, set) => [
        h(Field, { key: 'n', label: 'Name', name: 'name', values: v, set, placeholder: 'shop' }),
        h(Field, { key: 'c', label: 'Cluster', name: 'cluster', values: v, set, placeholder: 'all' }),
        h(Field, { key: 'v', label: 'Variables', name: 'variables', values: v, set, placeholder: 'TAG=1.2, …' }),
        h(Field, { key: 'f', label: 'Compose file', name: 'compose', values: v, set, rows: 14,
          placeholder: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 2' }),
      ],
      submit: v => post('/v1/applications', { name: v.name, cluster: v.cluster || null, compose: v.compose,
        variables: parsePairs(v.variables) }),
      onDone: a => { setDeployed(a); apps.reload(); } }) : null);
}
