// The clusters page: every cluster with its members; create one, add and remove nodes.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, put, del } from '../api.js';
import { useResource } from '../hooks.js';
import { Table, ProblemBox, ConfirmButton, may, link } from '../ui.js';
import { Form, Field, parsePairs } from '../form.js';
import * as T from '../topics.js';

function Members({ cluster, nodes, me, onError }) {
  const [pick, setPick] = useState('');
  const byId = new Map(nodes.map(n => [n.id, n]));
  const canEdit = may(me.role, 'operator') && !cluster.system;
  const outside = nodes.filter(n => !cluster.nodes.includes(n.id));
  const path = id => `/v1/clusters/${encodeURIComponent(cluster.name)}/nodes/${encodeURIComponent(id)}`;
  return h('div', { class: 'members' },
    cluster.nodes.slice(0, 20).map(id => h('span', { class: 'chip', key: id },
      link(`#/nodes/${id}`, byId.has(id) ? byId.get(id).name : id),
      canEdit ? h('button', { class: 'link', title: 'remove from the cluster',
        onClick: () => del(path(id)).catch(onError) }, '×') : null)),
    cluster.nodes.length > 20 ? h('span', { class: 'muted' }, ` and ${cluster.nodes.length - 20} more`) : null,
    canEdit && outside.length ? h('span', { class: 'add' },
      h('select', { value: pick, onChange: e => setPick(e.target.value), 'aria-label': `add a node to ${cluster.name}` },
        h('option', { value: '' }, 'add a node…'),
        outside.slice(0, 500).map(n => h('option', { key: n.id, value: n.id }, n.name))),
      h('button', { disabled: !pick, onClick: () => put(path(pick)).then(() => setPick('')).catch(onError) }, 'Add'))
      : null);
}

export function Clusters({ me }) {
  const clusters = useResource('/v1/clusters', [T.CLUSTER, T.NODE]);
  const nodes = useResource('/v1/nodes', [T.NODE]);
  const [error, setError] = useState(null);
  return h('section', null,
    h('h1', null, 'Clusters'),
    h(ProblemBox, { error: error || clusters.error }),
    h(Table, { testid: 'clusters', rows: clusters.data || [], columns: [
      ['Name', c => c.name],
      ['System', c => (c.system ? 'yes' : 'no')],
      ['Selector', c => Object.entries(c.selector || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '-'],
      ['Description', c => c.description || ''],
      ['Nodes', c => h(Members, { cluster: c, nodes: nodes.data || [], me, onError: setError })],
      ['', c => (may(me.role, 'operator') && !c.system ? h(ConfirmButton, { label: 'Delete', danger: true,
        question: `Delete cluster ${c.name}? Its nodes stay; they leave the cluster.`, onError: setError,
        action: () => del(`/v1/clusters/${encodeURIComponent(c.name)}`), onDone: clusters.reload }) : null)],
    ] }),
    may(me.role, 'operator') ? h(Form, { title: 'New cluster', testid: 'cluster-form',
      initial: { name: '', description: '', selector: '' },
      fields: (v, set) => [
        h(Field, { key: 'n', label: 'Name', name: 'name', values: v, set, placeholder: 'web' }),
        h(Field, { key: 'd', label: 'Description', name: 'description', values: v, set }),
        h(Field, { key: 's', label: 'Selector (labels)', name: 'selector', values: v, set, placeholder: 'zone=eu' }),
      ],
      submit: v => post('/v1/clusters', { name: v.name, description: v.description || null,
        selector: parsePairs(v.selector) }),
      onDone: clusters.reload }) : null);
}
