// One service: its replicas, scale, autoscaling, and its deployment history with each deployment's job.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Badge, Bar, may, link } from '../ui.js';
import { ago, time } from '../format.js';
import { Scale } from './scale.js';
import { AutoscalePanel } from './autoscale.js';
import * as T from '../topics.js';

export function ServicePage({ params, me }) {
  useTick(10000);
  const service = useResource(`/v1/services/${encodeURIComponent(params.id)}`, [T.SERVICE, T.CONTAINERS]);
  const [error, setError] = useState(null);
  const s = service.data;
  if (!s) return h('section', null, h('h1', null, params.id), h(ProblemBox, { error: service.error }));
  return h('section', null,
    h('h1', null, s.name),
    h('p', null, h(Bar, { done: s.running, total: s.desired, state: s.running >= s.desired ? 'SUCCEEDED' : 'RUNNING' }),
      h('span', { 'data-testid': 'service-running' }, ` ${s.running} of ${s.desired} replicas running`),
      s.waiting ? h('span', { class: 'muted' }, ` — ${s.waiting}`) : null),
    may(me.role, 'operator') ? h(Scale, { service: s, onError: setError, onDone: () => { setError(null); service.reload(); } }) : null,
    h(ProblemBox, { error }),
    h('dl', { class: 'facts' },
      h('dt', null, 'Image'), h('dd', null, s.spec.image || '(a process: no image)'),
      h('dt', null, 'Command'), h('dd', null, (s.spec.command || []).join(' ') || '-'),
      h('dt', null, 'Cluster'), h('dd', null, s.spec.cluster || 'all'),
      h('dt', null, 'Generation'), h('dd', null, String(s.generation)),
      h('dt', null, 'Created'), h('dd', null, time(s.createdAt))),
    h(AutoscalePanel, { service: s.name, me, onChange: () => service.reload() }),
    h('h2', null, 'Replicas'),
    h(Table, { testid: 'replicas', rows: s.replicas, rowKey: r => r.container, empty: 'no replicas', columns: [
      ['Container', r => link(`#/containers/${r.container}`, r.container)],
      ['Node', r => (r.node ? link(`#/nodes/${r.node}`, r.node) : '-')],
      ['Status', r => h(Badge, { text: r.status })],
      ['Health', r => r.health || '-'],
      ['Restarts', r => r.restarts],
      ['Created', r => ago(r.createdAt)],
    ] }),
    h('h2', null, 'Deployments'),
    h(Table, { testid: 'deployments', rows: [...s.deployments].reverse(), empty: 'no deployments', columns: [
      ['Id', d => d.id],
      ['Generation', d => d.generation],
      ['State', d => h(Badge, { text: d.state })],
      ['Progress', d => h(Bar, { done: d.done, total: d.total, state: d.state })],
      ['Started', d => ago(d.startedAt)],
      ['Reason', d => d.reason || ''],
      ['Job', d => (d.job ? link('#/jobs', d.job) : '-')],
    ] }));
}
