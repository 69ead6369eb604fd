// What an unknown address shows.
import { h } from 'preact';

export function NotFound({ params }) {
  return h('section', null, h('h1', null, 'No such page'),
    h('p', null, `Nothing lives at ${params.hash}. `, h('a', { href: '#/' }, 'Back to the dashboard')));
}
