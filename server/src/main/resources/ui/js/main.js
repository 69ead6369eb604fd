// The web UI's shell: login with a token, the navigation, and the page the location hash names.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, session, onUnauthorized } from './api.js';
import * as live from './live.js';
import { Login } from './pages/login.js';
import { route } from './router.js';

const NAV = [
  ['#/', 'Dashboard'], ['#/nodes', 'Nodes'], ['#/clusters', 'Clusters'], ['#/containers', 'Containers'],
  ['#/services', 'Services'], ['#/applications', 'Applications'], ['#/registries', 'Registries'],
  ['#/checks', 'Checks'], ['#/jobs', 'Jobs'], ['#/events', 'Events'],
];

function useHash() {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    window.addEventListener('hashchange', on);
    on(); // the address may have changed between the first render and this effect
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function StreamDot() {
  const [state, setState] = useState('closed');
  useEffect(() => live.onStreamState(setState), []);
  const words = { open: 'live', connecting: 'reconnecting…', closed: 'offline' };
  return h('span', { class: `stream ${state}`, 'data-testid': 'stream-state' }, words[state]);
}

function Shell({ me, onLogout }) {
  const hash = useHash();
  const { page, params } = route(hash);
  const current = '#/' + (hash.slice(2).split('/')[0] || '');
  return h('div', { class: 'shell' },
    h('nav', null,
      h('div', { class: 'brand' }, 'Cluman'),
      NAV.map(([href, title]) => h('a', { key: href, href, class: current === href ? 'active' : '' }, title)),
      h('div', { class: 'who' },
        h('span', { 'data-testid': 'whoami' }, `${me.name} (${me.role})`), ' ', h(StreamDot),
        h('button', { class: 'link', onClick: onLogout }, 'log out'))),
    h('main', null, h(page, { me, params, key: hash })));
}

function App() {
  const [me, setMe] = useState(null);
  const [checking, setChecking] = useState(Boolean(session.token()));
  const [error, setError] = useState(null);

  const logout = (why) => {
    session.forget();
    live.stop();
    setMe(null);
    setError(why || null);
  };

  const login = async (token) => {
    session.remember(token);
    try {
      const who = await get('/v1/tokens/current');
      setMe(who);
      setError(null);
      live.start();
    } catch (e) {
      session.forget();
      setError(e.status === 401 ? 'That token is not valid: it is unknown, revoked or expired.'
        + ' Make one with "cluman token create NAME --role viewer", or use the admin token.' : e.message);
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    const t = session.token();
    if (t) login(t);
    return onUnauthorized(() => logout('The server no longer accepts this token; log in again.'));
  }, []);

  if (checking) return h('p', { class: 'muted pad' }, 'Checking the token…');
  if (!me) return h(Login, { onLogin: login, error });
  return h(Shell, { me, onLogout: () => logout() });
}

const root = document.getElementById('app');
root.textContent = '';
render(h(App), root);
