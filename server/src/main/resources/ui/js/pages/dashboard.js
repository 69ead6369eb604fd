// The dashboard: counts, clusters with their health, the busiest nodes, recent warnings and errors.
import { h } from 'preact';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Badge, link } from '../ui.js';
import { percent, memoryPercent, ago } from '../format.js';
import * as T from '../topics.js';

function Count({ title, value, detail, href }) {
  return h('a', { class: 'card', href, 'data-testid': `count-${title.toLowerCase()}` },
    h('div', { class: 'big' }, value ?? '…'), h('div', null, title), h('div', { class: 'muted' }, detail || ''));
}

function clusterHealth(cluster, byId) {
  const members = cluster.nodes.map(id => byId.get(id)).filter(Boolean);
  const good = members.filter(n => n.on && n.healthy).length;
  return { members: members.length, good };
}

export function Dashboard() {
  useTick(5000);
  const nodes = useResource('/v1/nodes', [T.NODE], 10000);
  const clusters = useResource('/v1/clusters', [T.CLUSTER, T.NODE]);
  const containers = useResource('/v1/containers', [T.CONTAINERS]);
  const services = useResource('/v1/services', [T.SERVICE]);
  const warnings = useResource('/v1/events?severity=WARNING&limit=200', [T.ERRORS]);
  const ns = nodes.data || [];
  const byId = new Map(ns.map(n => [n.id, n]));
  const running = (containers.data || []).filter(c => c.status === 'RUNNING').length;
  const svc = services.data || [];
  const busiest = [...ns].filter(n => n.metrics)
    .sort((a, b) => (b.metrics.cpuPercent + (memoryPercent(b) || 0)) - (a.metrics.cpuPercent + (memoryPercent(a) || 0)))
    .slice(0, 5);
  const recent = [...(warnings.data || [])].reverse().slice(0, 10);
  return h('section', null,
    h('h1', null, 'Dashboard'),
    h(ProblemBox, { error: nodes.error || containers.error || services.error }),
    h('div', { class: 'cards' },
      h(Count, { title: 'Nodes', value: nodes.data && ns.length, href: '#/nodes',
        detail: `${ns.filter(n => n.on).length} on, ${ns.filter(n => n.healthy).length} healthy` }),
      h(Count, { title: 'Containers', value: containers.data && containers.data.length, href: '#/containers',
        detail: `${running} running` }),
      h(Count, { title: 'Services', value: services.data && svc.length, href: '#/services',
        detail: `${svc.filter(s => s.running >= s.desired).length} at their replica count` }),
      h(Count, { title: 'Clusters', value: clusters.data && clusters.data.length, href: '#/clusters' })),
    h('h2', null, 'Clusters'),
    h(Table, { testid: 'dashboard-clusters', rows: clusters.data || [], columns: [
      ['Name', c => c.name],
      ['Nodes', c => clusterHealth(c, byId).members],
      ['Health', c => {
        const { members, good } = clusterHealth(c, byId);
        return h('span', { class: members === good ? 'ok' : 'bad' }, `${good}/${members} on and healthy`);
      }],
    ] }),
    h('h2', null, 'Busiest nodes'),
    h(Table, { testid: 'dashboard-busiest', rows: busiest, columns: [
      ['Node', n => link(`#/nodes/${n.id}`, n.name)],
      ['State', n => h(Badge, { text: n.state })],
      ['CPU', n => percent(n.metrics.cpuPercent)],
      ['Memory', n => percent(memoryPercent(n))],
    ] }),
    h('h2', null, 'Recent warnings and errors'),
    h(Table, { testid: 'dashboard-warnings', rows: recent, empty: 'no warnings', columns: [
      ['When', e => ago(e.time)], ['Severity', e => h(Badge, { text: e.severity })],
      ['Object', e => e.objectId || '-'], ['Message', e => e.message],
    ] }));
}
