// The registries page: the registries images come from; admins add and remove them.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { post, del } from '../api.js';
import { useResource } from '../hooks.js';
import { Table, ProblemBox, ConfirmButton, may } from '../ui.js';
import { Form, Field } from '../form.js';
import { time } from '../format.js';
import * as T from '../topics.js';

export function Registries({ me }) {
  const registries = useResource('/v1/registries', [T.REGISTRY]);
  const [error, setError] = useState(null);
  const admin = may(me.role, 'admin');
  return h('section', null,
    h('h1', null, 'Registries'),
    h(ProblemBox, { error: error || registries.error }),
    h(Table, { testid: 'registries', rows: registries.data || [], columns: [
      ['Name', r => r.name], ['URL', r => r.url], ['User', r => r.username || '-'],
      ['Password', r => (r.hasPassword ? 'set' : '-')], ['Built in', r => (r.builtIn ? 'yes' : 'no')],
      ['Added', r => time(r.createdAt)],
      ['', r => (admin && !r.builtIn ? h(ConfirmButton, { label: 'Remove', danger: true, onError: setError,
        question: `Remove registry ${r.name}? Images from it can no longer be pulled with its credentials.`,
        action: () => del(`/v1/registries/${encodeURIComponent(r.name)}`), onDone: registries.reload }) : null)],
    ] }),
    admin ? h(Form, { title: 'Add a registry', testid: 'registry-form', label: 'Add',
      initial: { name: '', url: '', username: '', password: '' },
      fields: (v, set) => [
        h(Field, { key: 'n', label: 'Name', name: 'name', values: v, set, placeholder: 'private' }),
        h(Field, { key: 'u', label: 'URL', name: 'url', values: v, set, placeholder: 'https://registry.example:5000' }),
        h(Field, { key: 'user', label: 'User', name: 'username', values: v, set }),
        h(Field, { key: 'p', label: 'Password', name: 'password', values: v, set, type: 'password' }),
      ],
      submit: v => post('/v1/registries', { name: v.name, url: v.url, username: v.username || null,
        password: v.password || null }),
      onDone: registries.reload }) : null);
}
