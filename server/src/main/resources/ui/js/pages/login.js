// The login page: a token, kept in this tab's session storage only.
import { h } from 'preact';
import { useState } from 'preact/hooks';

export function Login({ onLogin, error }) {
  const [token, setToken] = useState('');
  const submit = e => {
    e.preventDefault();
    if (token.trim()) onLogin(token.trim());
  };
  return h('div', { class: 'login' },
    h('h1', null, 'Cluman'),
    h('form', { onSubmit: submit },
      h('label', { for: 'token' }, 'API token'),
      h('input', { id: 'token', type: 'password', autocomplete: 'off', value: token, placeholder: 'cl_…',
        onInput: e => setToken(e.target.value) }),
      h('button', { type: 'submit' }, 'Log in')),
    error ? h('div', { class: 'problem', role: 'alert', 'data-testid': 'login-error' }, error) : null,
    h('p', { class: 'muted' }, 'On the server\'s machine the admin token is in the data directory\'s ',
      h('code', null, 'admin.token'), ' file. The token stays in this tab until you log out or close it.'));
}
