// One node: its facts, flags, labels, history plots and the containers it runs.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Flag, Badge, link } from '../ui.js';
import { bytes, percent, memoryPercent, ago } from '../format.js';
import { History } from '../plot.js';
import { NodeActions } from './nodeactions.js';
import * as T from '../topics.js';

export function NodePage({ params, me }) {
  useTick(5000);
  const id = encodeURIComponent(params.id);
  const node = useResource(`/v1/nodes/${id}`, [T.NODE], 10000);
  const containers = useResource(`/v1/containers?node=${id}`, [T.CONTAINERS]);
  const [error, setError] = useState(null);
  const n = node.data;
  if (!n) return h('section', null, h('h1', null, params.id), h(ProblemBox, { error: node.error }),
    node.error ? null : h('p', { class: 'muted' }, 'loading…'));
  const m = n.metrics || {};
  return h('section', null,
    h('h1', null, `${n.name} `, h(Badge, { text: n.state })),
    h(NodeActions, { node: n, me, onError: setError, onDone: () => { setError(null); node.reload(); } }),
    h(ProblemBox, { error }),
    h('dl', { class: 'facts' },
      h('dt', null, 'Id'), h('dd', null, n.id),
      h('dt', null, 'On'), h('dd', null, h(Flag, { value: n.on }), ` (heartbeat ${ago(n.lastHeartbeat)})`),
      h('dt', null, 'Healthy'), h('dd', null, h(Flag, { value: n.healthy }), n.healthReason ? ` — ${n.healthReason}` : ''),
      h('dt', null, 'Address'), h('dd', null, n.address),
      h('dt', null, 'Cluster'), h('dd', null, n.cluster || '-'),
      h('dt', null, 'Labels'), h('dd', null, Object.entries(n.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ') || '-'),
      h('dt', null, 'Drivers'), h('dd', null, (n.drivers || []).join(', ') || '-'),
      h('dt', null, 'CPU'), h('dd', null, percent(m.cpuPercent)),
      h('dt', null, 'Memory'), h('dd', null, `${bytes(m.memoryUsedBytes)} of ${bytes(m.memoryTotalBytes)} (${percent(memoryPercent(n))})`),
      h('dt', null, 'Disk free'), h('dd', null, `${bytes(m.diskFreeBytes)} of ${bytes(m.diskTotalBytes)}`),
      h('dt', null, 'Agent'), h('dd', null, n.agentVersion || '-')),
    h('h2', null, 'History'),
    h(History, { path: `/v1/metrics/nodes/${id}` }),
    h('h2', null, 'Containers'),
    h(ProblemBox, { error: containers.error }),
    h(Table, { testid: 'node-containers', rows: containers.data || [], empty: 'no containers on this node', columns: [
      ['Name', c => link(`#/containers/${c.id}`, c.name)],
      ['Status', c => h(Badge, { text: c.status })],
      ['Service', c => c.service || '-'],
      ['Image', c => (c.spec && c.spec.image) || '-'],
    ] }));
}
