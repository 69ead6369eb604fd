// Small building blocks shared by the pages: tables with pages, confirmations, problems, bars, sparklines.
import { h } from 'preact';
import { useState } from 'preact/hooks';

export const PAGE_SIZE = 50;

/** The page of rows to show, and the pager under a table; large lists never render whole. */
export function usePages(rows, size = PAGE_SIZE) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * size, (current + 1) * size);
  const pager = pages <= 1 ? null : h('div', { class: 'pager' },
    h('button', { disabled: current === 0, onClick: () => setPage(current - 1) }, '‹ previous'),
    h('span', null, ` page ${current + 1} of ${pages} (${rows.length} rows) `),
    h('button', { disabled: current >= pages - 1, onClick: () => setPage(current + 1) }, 'next ›'));
  return { visible, pager, reset: () => setPage(0) };
}

/**
 * A table: columns are [header, row => cell]; rows beyond a page are behind a pager.
 * testid names the table for tests and for people reading the DOM.
 */
export function Table({ columns, rows, empty = 'nothing here yet', testid, rowKey = r => r.id || r.name }) {
  const { visible, pager } = usePages(rows);
  if (rows.length === 0) return h('p', { class: 'muted', 'data-testid': testid }, empty);
  return h('div', null,
    h('table', { 'data-testid': testid },
      h('thead', null, h('tr', null, columns.map(([title]) => h('th', { key: title }, title)))),
      h('tbody', null, visible.map(r => h('tr', { key: rowKey(r) },
        columns.map(([title, cell]) => h('td', { key: title }, cell(r))))))),
    pager);
}

/** A problem from the API, in words. */
export function ProblemBox({ error }) {
  if (!error) return null;
  return h('div', { class: 'problem', role: 'alert' }, String(error.message || error));
}

/** A button that asks before doing something that changes the fleet. */
export function ConfirmButton({ label, question, action, onDone, onError, danger }) {
  const [busy, setBusy] = useState(false);
  const click = async () => {
    if (!window.confirm(question)) return;
    setBusy(true);
    try {
      const result = await action();
      if (onDone) onDone(result);
    } catch (e) {
      if (onError) onError(e); else alert(e.message);
    } finally {
      setBusy(false);
    }
  };
  return h('button', { class: danger ? 'danger' : '', disabled: busy, onClick: click }, busy ? `${label}…` : label);
}

/** A progress bar of done out of total. */
export function Bar({ done, total, state }) {
  const pct = total > 0 ? Math.round(100 * done / total) : (state === 'SUCCEEDED' ? 100 : 0);
  return h('div', { class: `bar ${String(state || '').toLowerCase()}`, title: `${done}/${total}` },
    h('div', { class: 'fill', style: `width:${pct}%` }),
    h('span', null, `${done}/${total}`));
}

/** A tiny line of values as SVG, for table cells. */
export function Sparkline({ values, max = 100, width = 90, height = 20 }) {
  if (!values || values.length < 2) return h('span', { class: 'muted' }, '·');
  const top = Math.max(max, ...values);
  const step = width / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - (v / top) * height).toFixed(1)}`)
    .join(' ');
  return h('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}` },
    h('polyline', { points, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 }));
}

/** A yes/no flag with a colour. */
export function Flag({ value, yes = 'yes', no = 'no' }) {
  return h('span', { class: value ? 'ok' : 'bad' }, value ? yes : no);
}

/** A lifecycle or task state as a coloured badge. */
export function Badge({ text }) {
  return h('span', { class: `badge ${String(text || '').toLowerCase()}` }, text || '-');
}

export function link(href, text) {
  return h('a', { href }, text);
}

/** Whether the caller's role may do what needs at least role `needed`. */
export function may(role, needed) {
  const rank = { viewer: 1, operator: 2, admin: 3 };
  return (rank[String(role || '').toLowerCase()] || 0) >= rank[needed];
}
