// The services page: each service with its replicas; run a new one, scale, remove.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, del } from '../api.js';
import { useResource } from '../hooks.js';
import { Table, ProblemBox, ConfirmButton, Bar, may, link } from '../ui.js';
import { Form, Field, parseWords, parsePairs } from '../form.js';
import { Scale } from './scale.js';
import * as T from '../topics.js';

function request(v) {
  return {
    name: v.name, image: v.image, driver: v.driver || null, replicas: v.replicas === '' ? null : Number(v.replicas),
    command: parseWords(v.command), cluster: v.cluster || null, env: parsePairs(v.env), ports: parseWords(v.ports),
  };
}

export function Services({ me }) {
  const services = useResource('/v1/services', [T.SERVICE, T.CONTAINERS]);
  const [error, setError] = useState(null);
  const operator = may(me.role, 'operator');
  return h('section', null,
    h('h1', null, 'Services'),
    h(ProblemBox, { error: error || services.error }),
    h(Table, { testid: 'services', rows: services.data || [], empty: 'no services', columns: [
      ['Name', s => link(`#/services/${s.name}`, s.name)],
      ['Image', s => s.spec.image || '-'],
      ['Replicas', s => h(Bar, { done: s.running, total: s.desired, state: s.running >= s.desired ? 'SUCCEEDED' : 'RUNNING' })],
      ['Waiting', s => s.waiting || s.held || ''],
      ['', s => (operator ? h('span', { class: 'actions' },
        h(Scale, { service: s, onError: setError, onDone: services.reload }),
        h(ConfirmButton, { label: 'Remove', danger: true, question: `Remove service ${s.name} and its replicas?`,
          onError: setError, onDone: services.reload,
          action: () => del(`/v1/services/${encodeURIComponent(s.name)}`) })) : null)],
    ] }),
    operator ? h(Form, { title: 'Run a service', testid: 'service-form', label: 'Run',
      initial: { name: '', image: '', replicas: '1', command: '', driver: '', cluster: '', env: '', ports: '' },
      fields: (v, set) => [
        h(Field, { key: 'n', label: 'Name', name: 'name', values: v, set, placeholder: 'web' }),
        h(Field, { key: 'i', label: 'Image', name: 'image', values: v, set, placeholder: 'nginx:1.27' }),
        h(Field, { key: 'r', label: 'Replicas', name: 'replicas', values: v, set, type: 'number' }),
        h(Field, { key: 'c', label: 'Command', name: 'command', values: v, set, placeholder: 'sleep 3600' }),
        h(Field, { key: 'd', label: 'Driver', name: 'driver', values: v, set, placeholder: 'docker (or process)' }),
        h(Field, { key: 'k', label: 'Cluster', name: 'cluster', values: v, set, placeholder: 'all' }),
        h(Field, { key: 'e', label: 'Environment', name: 'env', values: v, set, placeholder: 'KEY=value, …' }),
        h(Field, { key: 'p', label: 'Ports', name: 'ports', values: v, set, placeholder: '8080:80' }),
      ],
      submit: v => post('/v1/services', request(v)),
      onDone: s => { location.hash = `#/services/${encodeURIComponent(s.name)}`; } }) : null);
}
