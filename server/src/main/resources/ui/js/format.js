// Formatting of sizes, times and percentages for tables and plots.

export function bytes(n) {
  if (n === null || n === undefined || n < 0) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v >= 10 || i === 0 ? 0 : 1)} ${units[i]}`;
}

export function percent(p) {
  return p === null || p === undefined ? '-' : `${p.toFixed(p >= 10 ? 0 : 1)} %`;
}

/** "12s ago", "5m ago", "3h ago", "2d ago"; '-' for nothing. */
export function ago(iso) {
  if (!iso) return '-';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '-';
}

export function yesNo(b) { return b ? 'yes' : 'no'; }

/** Memory used in percent of the node's total, from a NodeView; null when unknown. */
export function memoryPercent(node) {
  const m = node.metrics;
  if (!m || !m.memoryTotalBytes) return null;
  return 100 * m.memoryUsedBytes / m.memoryTotalBytes;
}
