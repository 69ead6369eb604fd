// Forms: labelled fields bound to one state object, and a submit that shows the API's problem on failure.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ProblemBox } from './ui.js';

/** A labelled input; textarea when rows is given. */
export function Field({ label, name, values, set, type = 'text', placeholder = '', rows }) {
  const props = {
    id: `f-${name}`, name, value: values[name] ?? '', placeholder,
    onInput: e => set({ ...values, [name]: e.target.value }),
  };
  return h('label', { class: 'field' }, h('span', null, label),
    rows ? h('textarea', { ...props, rows }) : h('input', { ...props, type }));
}

/**
 * A form that calls submit(values) and then onDone(result); the API's problem (with the field it names)
 * shows under the form, and the values stay for the user to fix.
 */
export function Form({ title, initial, fields, submit, onDone, label = 'Create', testid }) {
  const [values, set] = useState(initial);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const send = async e => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await submit(values);
      setError(null);
      set(initial);
      if (onDone) onDone(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return h('form', { class: 'panel', onSubmit: send, 'data-testid': testid },
    title ? h('h3', null, title) : null,
    fields(values, set),
    h('button', { type: 'submit', disabled: busy }, busy ? `${label}…` : label),
    h(ProblemBox, { error }));
}

/** "a=b, c=d" as a map; empty text gives null. */
export function parsePairs(text) {
  if (!text || !text.trim()) return null;
  const map = {};
  for (const part of text.split(',')) {
    const [k, ...v] = part.split('=');
    if (k.trim()) map[k.trim()] = v.join('=').trim();
  }
  return map;
}

/** Words separated by spaces as a list; empty text gives null. */
export function parseWords(text) {
  const words = (text || '').trim().split(/\s+/).filter(Boolean);
  return words.length ? words : null;
}
