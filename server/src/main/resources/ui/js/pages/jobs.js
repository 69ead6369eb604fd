// The jobs page: node operations, batches and deployments with their progress, live.
import { h } from 'preact';
import { useResource, useTick } from '../hooks.js';
import { Table, ProblemBox, Badge, Bar } from '../ui.js';
import { ago } from '../format.js';
import * as T from '../topics.js';

/** A job without a subject (a node operation) is about the nodes its steps name. */
function subjectOf(steps) {
  const names = (steps || []).map(s => s.name);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** What a job says: its error once it failed; while it runs, what its first waiting step says. */
function saysOf(j) {
  if (j.error) return j.error;
  if (j.state !== 'RUNNING') return '';
  const waiting = (j.steps || []).find(s => s.state === 'RUNNING' && s.message);
  return waiting ? `${waiting.name}: ${waiting.message}` : '';
}

export function Jobs() {
  useTick(5000);
  const jobs = useResource('/v1/jobs', [T.JOB, T.SERVICE]);
  const rows = [...(jobs.data || [])].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return h('section', null,
    h('h1', null, 'Jobs'),
    h(ProblemBox, { error: jobs.error }),
    h(Table, { testid: 'jobs', rows, empty: 'no jobs yet', columns: [
      ['Id', j => j.id],
      ['Kind', j => j.kind],
      ['Subject', j => j.subject || subjectOf(j.steps)],
      ['State', j => h(Badge, { text: j.state })],
      ['Progress', j => h(Bar, { done: j.progress ? j.progress.done : 0, total: j.progress ? j.progress.total : 0,
        state: j.state })],
      ['Created', j => ago(j.createdAt)],
      ['Says', saysOf],
    ] }));
}
