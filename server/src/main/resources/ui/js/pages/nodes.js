// The nodes page: every node with its state, flags and recent CPU and memory; lifecycle actions.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Flag, Badge, Sparkline, link } from '../ui.js';
import { percent, memoryPercent, ago } from '../format.js';
import { NodeActions } from './nodeactions.js';
import * as T from '../topics.js';

/** The last hour of a node's CPU or memory, loaded when its row shows. */
function HistorySpark({ id, series }) {
  const history = useResource(`/v1/metrics/nodes/${encodeURIComponent(id)}?from=1h&step=2m`, [], 60000);
  const points = history.data && history.data.series[series];
  if (!points) return h(Sparkline, { values: [] });
  const values = points.map(p => p.avg);
  return h(Sparkline, { values, max: series === 'cpu' ? 100 : Math.max(...values, 1) });
}

function matches(node, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  return [node.id, node.name, node.address, node.state, node.cluster || '',
    ...Object.entries(node.labels || {}).map(([k, v]) => `${k}=${v}`)].some(s => String(s).toLowerCase().includes(t));
}

export function Nodes({ me }) {
  useTick(5000);
  const nodes = useResource('/v1/nodes', [T.NODE], 10000);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState(null);
  const rows = (nodes.data || []).filter(n => matches(n, filter));
  return h('section', null,
    h('h1', null, 'Nodes'),
    h('div', { class: 'toolbar' },
      h('input', { type: 'search', placeholder: 'filter: name, state, label…', value: filter,
        'aria-label': 'filter nodes', onInput: e => setFilter(e.target.value) }),
      h('span', { class: 'muted' }, nodes.data ? `${rows.length} of ${nodes.data.length}` : 'loading…')),
    h(ProblemBox, { error: error || nodes.error }),
    h(Table, { testid: 'nodes', rows, empty: nodes.data ? 'no nodes match' : 'loading…', columns: [
      ['Name', n => link(`#/nodes/${n.id}`, n.name)],
      ['State', n => h(Badge, { text: n.state })],
      ['On', n => h(Flag, { value: n.on })],
      ['Healthy', n => h(Flag, { value: n.healthy })],
      ['Cluster', n => n.cluster || '-'],
      ['Address', n => n.address],
      ['CPU', n => h('span', { class: 'metric' }, h(HistorySpark, { id: n.id, series: 'cpu' }), ' ',
        percent(n.metrics && n.metrics.cpuPercent))],
      ['Memory', n => h('span', { class: 'metric' }, h(HistorySpark, { id: n.id, series: 'memory' }), ' ',
        percent(memoryPercent(n)))],
      ['Heartbeat', n => ago(n.lastHeartbeat)],
      ['', n => h(NodeActions, { node: n, me, onError: setError, onDone: () => { setError(null); nodes.reload(); } })],
    ] }));
}
