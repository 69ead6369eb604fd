// The containers page: every container with its status, node and service; filter and paginate.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Badge, link } from '../ui.js';
import { ago } from '../format.js';
import * as T from '../topics.js';

function matches(c, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  return [c.id, c.name, c.node, c.service, c.application, c.status, c.spec && c.spec.image]
    .some(s => s && String(s).toLowerCase().includes(t));
}

export function Containers() {
  useTick(10000);
  const containers = useResource('/v1/containers', [T.CONTAINERS]);
  const [filter, setFilter] = useState('');
  const rows = (containers.data || []).filter(c => matches(c, filter));
  return h('section', null,
    h('h1', null, 'Containers'),
    h('div', { class: 'toolbar' },
      h('input', { type: 'search', placeholder: 'filter: name, node, service, status…', value: filter,
        'aria-label': 'filter containers', onInput: e => setFilter(e.target.value) })),
    h(ProblemBox, { error: containers.error }),
    h(Table, { testid: 'containers', rows, empty: containers.data ? 'no containers' : 'loading…', columns: [
      ['Name', c => link(`#/containers/${c.id}`, c.name)],
      ['Status', c => h(Badge, { text: c.status })],
      ['Health', c => c.health || '-'],
      ['Node', c => (c.node ? link(`#/nodes/${c.node}`, c.node) : '-')],
      ['Service', c => (c.service ? link(`#/services/${c.service}`, c.service) : c.application || '-')],
      ['Image', c => (c.spec && c.spec.image) || '-'],
      ['Restarts', c => c.restarts],
      ['Started', c => ago(c.startedAt)],
    ] }));
}
