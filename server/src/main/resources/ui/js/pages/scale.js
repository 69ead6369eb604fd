// Set a service's replica count.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post } from '../api.js';

export function Scale({ service, onError, onDone }) {
  const [replicas, setReplicas] = useState(String(service.desired));
  const send = async e => {
    e.preventDefault();
    try {
      await post(`/v1/services/${encodeURIComponent(service.name)}/scale`, { replicas: Number(replicas) });
      if (onDone) onDone();
    } catch (err) {
      onError(err);
    }
  };
  return h('form', { class: 'inline', onSubmit: send },
    h('input', { type: 'number', min: 0, value: replicas, class: 'narrow',
      'aria-label': `replicas of ${service.name}`, onInput: e => setReplicas(e.target.value) }),
    h('button', { type: 'submit' }, 'Scale'));
}
