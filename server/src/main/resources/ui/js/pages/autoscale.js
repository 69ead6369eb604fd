// A service's autoscale policy: what it is and last decided, and (for operators) a form to set or stop it.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { put, del } from '../api.js';
import { useResource } from '../hooks.js';
import { Field, Form } from '../form.js';
import { ProblemBox, may } from '../ui.js';
import { ago } from '../format.js';
import * as T from '../topics.js';

const EMPTY = { min: '', max: '', metric: 'cpu', target: '', window: '', scaleDownDelay: '' };

function figure(policy, value) {
  const text = value >= 10 ? value.toFixed(0) : value.toFixed(1);
  return policy.metric === 'requests' ? `${text} connections` : `${text}%`;
}

export function AutoscalePanel({ service, me, onChange }) {
  const path = `/v1/services/${encodeURIComponent(service)}/autoscale`;
  // the list answers 200 whether or not this service autoscales (its own path would be a 404 in the console)
  const policy = useResource('/v1/autoscalers', [T.SERVICE], 5000);
  const [error, setError] = useState(null);
  const p = (policy.data || []).find(a => a.service === service) || null;
  const none = Boolean(policy.data) && !p;
  const done = () => { policy.reload(); if (onChange) onChange(); };
  const stop = async () => {
    try {
      await del(path);
      setError(null);
      done();
    } catch (err) {
      setError(err);
    }
  };
  return h('div', { 'data-testid': 'autoscale' },
    h('h2', null, 'Autoscaling'),
    p ? h('dl', { class: 'facts' },
      h('dt', null, 'Bounds'), h('dd', null, `${p.min} to ${p.max} replicas`),
      h('dt', null, 'Target'), h('dd', null, `${p.metric} ${figure(p, p.target)}`
        + (p.metric === 'requests' ? ' per replica' : ' of the limit')),
      h('dt', null, 'Window'), h('dd', null, `${p.window}, scale-down delay ${p.scaleDownDelay}`),
      h('dt', null, 'Load now'), h('dd', null, p.current == null ? '-' : figure(p, p.current)),
      h('dt', null, 'Decided'), h('dd', { 'data-testid': 'autoscale-reason' },
        p.reason ? `${p.reason} (${ago(p.evaluatedAt)})` : 'not evaluated yet'),
      h('dt', null, 'Last scaled'), h('dd', null, p.scaledAt ? ago(p.scaledAt) : 'never'))
      : h('p', { class: 'muted' }, none ? 'This service does not autoscale.' : ''),
    h(ProblemBox, { error: policy.error }),
    may(me.role, 'operator') ? h(Form, {
      title: p ? 'Change the policy' : 'Autoscale this service', label: 'Set', testid: 'autoscale-form',
      initial: EMPTY, onDone: done,
      submit: v => put(path, {
        min: v.min === '' ? null : Number(v.min), max: v.max === '' ? null : Number(v.max), metric: v.metric,
        target: v.target === '' ? null : Number(v.target), window: v.window || null,
        scaleDownDelay: v.scaleDownDelay || null,
      }),
      fields: (values, set) => [
        h(Field, { label: 'Min', name: 'min', type: 'number', values, set }),
        h(Field, { label: 'Max', name: 'max', type: 'number', values, set }),
        h('label', { class: 'field' }, h('span', null, 'Metric'),
          h('select', { id: 'f-metric', name: 'metric', value: values.metric,
            onChange: e => set({ ...values, metric: e.target.value }) },
          h('option', { value: 'cpu' }, 'cpu (% of the CPU limit)'),
          h('option', { value: 'memory' }, 'memory (% of the memory limit)'),
          h('option', { value: 'requests' }, 'requests (connections per replica)'))),
        h(Field, { label: 'Target', name: 'target', type: 'number', values, set }),
        h(Field, { label: 'Window', name: 'window', values, set, placeholder: '1m' }),
        h(Field, { label: 'Scale-down delay', name: 'scaleDownDelay', values, set, placeholder: '5m' }),
      ],
    }) : null,
    p && may(me.role, 'operator') ? h('button', { type: 'button', onClick: stop, 'data-testid': 'autoscale-stop' },
      'Stop autoscaling') : null,
    h(ProblemBox, { error }));
}
