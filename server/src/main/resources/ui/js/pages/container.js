// One container: its status, resource use, actions, history plots and output.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, del } from '../api.js';
import { useResource } from '../hooks.js';
import { ProblemBox, Badge, ConfirmButton, may, link } from '../ui.js';
import { bytes, percent, time } from '../format.js';
import { History } from '../plot.js';
import { Logs } from './logs.js';
import * as T from '../topics.js';

function Actions({ c, me, onError, onDone }) {
  if (!may(me.role, 'operator')) return null;
  const path = op => `/v1/containers/${encodeURIComponent(c.id)}/${op}`;
  const button = (op, label, danger) => h(ConfirmButton, { key: op, label, danger, onError, onDone,
    question: `${label} container ${c.name}?`, action: () => post(path(op)) });
  return h('span', { class: 'actions' },
    c.desired === 'STOPPED' ? button('start', 'Start') : button('stop', 'Stop'),
    button('restart', 'Restart'),
    h(ConfirmButton, { label: 'Remove', danger: true, question: `Stop and remove container ${c.name}?`, onError,
      action: () => del(`/v1/containers/${encodeURIComponent(c.id)}`), onDone: () => { location.hash = '#/containers'; } }));
}

export function ContainerPage({ params, me }) {
  const id = encodeURIComponent(params.id);
  const container = useResource(`/v1/containers/${id}`, [T.CONTAINERS], 10000);
  const [error, setError] = useState(null);
  const c = container.data;
  if (!c) return h('section', null, h('h1', null, params.id), h(ProblemBox, { error: container.error }));
  const s = c.stats;
  return h('section', null,
    h('h1', null, `${c.name} `, h(Badge, { text: c.status })),
    h(Actions, { c, me, onError: setError, onDone: () => { setError(null); container.reload(); } }),
    h(ProblemBox, { error }),
    h('dl', { class: 'facts' },
      h('dt', null, 'Id'), h('dd', null, c.id),
      h('dt', null, 'Image'), h('dd', null, (c.spec && c.spec.image) || '(a process: no image)'),
      h('dt', null, 'Node'), h('dd', null, c.node ? link(`#/nodes/${c.node}`, c.node) : '-'),
      h('dt', null, 'Service'), h('dd', null, c.service ? link(`#/services/${c.service}`, c.service) : '-'),
      h('dt', null, 'Desired'), h('dd', null, c.desired),
      h('dt', null, 'Health'), h('dd', null, c.health || '-', c.healthReason ? ` — ${c.healthReason}` : ''),
      h('dt', null, 'Restarts'), h('dd', null, String(c.restarts)),
      h('dt', null, 'Started'), h('dd', null, time(c.startedAt)),
      c.lastError ? [h('dt', null, 'Last error'), h('dd', { class: 'bad' }, c.lastError)] : null,
      h('dt', null, 'CPU'), h('dd', { 'data-testid': 'stats-cpu' }, s ? percent(s.cpuPercent) : (c.statsError || '-')),
      h('dt', null, 'Memory'), h('dd', null, s ? `${bytes(s.memoryBytes)}${s.memoryLimitBytes ? ` of ${bytes(s.memoryLimitBytes)}` : ''}` : '-'),
      h('dt', null, 'Network'), h('dd', null, s && s.netRxBytes >= 0 ? `in ${bytes(s.netRxBytes)}, out ${bytes(s.netTxBytes)}` : '-')),
    h('h2', null, 'Output'),
    h(Logs, { id: c.id }),
    h('h2', null, 'History'),
    h(History, { path: `/v1/metrics/containers/${id}` }));
}
