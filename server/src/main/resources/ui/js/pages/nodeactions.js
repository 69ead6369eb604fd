// The lifecycle buttons of a node: commission, drain, decommission, each after a confirmation.
import { h } from 'preact';
import { post } from '../api.js';
import { ConfirmButton, may } from '../ui.js';

const ACTIONS = [
  ['commission', 'Commission', n => n.state !== 'ACTIVE' && n.state !== 'DECOMMISSIONED',
    n => `Commission ${n.name}? The scheduler will place work on it.`],
  ['drain', 'Drain', n => n.state === 'ACTIVE',
    n => `Drain ${n.name}? Its containers move to other nodes and nothing new is placed on it.`],
  ['decommission', 'Decommission', n => n.state !== 'DECOMMISSIONED',
    n => `Decommission ${n.name}? Its work moves away and its certificate stops working.`],
];

export function NodeActions({ node, me, onError, onDone }) {
  if (!may(me.role, 'operator')) return null;
  return h('span', { class: 'actions' }, ACTIONS.filter(([, , shown]) => shown(node)).map(([op, label, , question]) =>
    h(ConfirmButton, { key: op, label, question: question(node), danger: op === 'decommission', onError, onDone,
      action: () => post(`/v1/nodes/${encodeURIComponent(node.id)}/${op}`) })));
}
