// History plots with Chart.js (window.Chart, from its WebJar): one small chart per series, min/avg/max.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from './hooks.js';
import { ProblemBox } from './ui.js';
import { bytes } from './format.js';

const RANGES = [['1h', '1m'], ['24h', '10m'], ['30d', '6h']];
const BYTE_SERIES = new Set(['memory', 'disk-free', 'net-rx', 'net-tx', 'memory-limit']);

function label(iso, range) {
  const d = new Date(iso);
  return range === '1h' ? d.toLocaleTimeString() : d.toLocaleString();
}

function Chart({ name, points, range }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart) return undefined;
    const format = BYTE_SERIES.has(name) ? v => bytes(v) : v => Number(v).toFixed(1);
    const dots = points.length < 3 ? 3 : 0;
    const chart = new window.Chart(canvas.current, {
      type: 'line',
      data: {
        labels: points.map(p => label(p.time, range)),
        datasets: [
          { label: 'max', data: points.map(p => p.max), borderWidth: 1, pointRadius: dots, borderColor: '#e0a030' },
          { label: 'avg', data: points.map(p => p.avg), borderWidth: 2, pointRadius: dots, borderColor: '#3070d0' },
          { label: 'min', data: points.map(p => p.min), borderWidth: 1, pointRadius: dots, borderColor: '#60a060' },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, title: { display: true, text: name } },
        scales: { x: { ticks: { maxTicksLimit: 6 } }, y: { ticks: { callback: format } } },
      },
    });
    return () => chart.destroy();
  }, [name, points, range]);
  return h('div', { class: 'chart' }, h('canvas', { ref: canvas, 'aria-label': `${name} history` }));
}

/** The plots of a metrics endpoint, e.g. /v1/metrics/nodes/ID, with a range switch. */
export function History({ path }) {
  const [range, setRange] = useState('1h');
  const step = RANGES.find(([r]) => r === range)[1];
  const history = useResource(`${path}?from=${range}&step=${step}`, [], 30000);
  const series = history.data ? Object.entries(history.data.series) : [];
  return h('div', { class: 'history', 'data-testid': 'history' },
    h('div', { class: 'toolbar' }, 'Last ', RANGES.map(([r]) => h('button', {
      key: r, class: r === range ? 'active' : '', onClick: () => setRange(r) }, r))),
    h(ProblemBox, { error: history.error }),
    series.length === 0 && history.data ? h('p', { class: 'muted' }, 'no points in this range yet') : null,
    h('div', { class: 'charts' }, series.map(([name, points]) => h(Chart, { key: name, name, points, range }))));
}
