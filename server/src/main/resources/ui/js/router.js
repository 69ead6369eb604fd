// Which page a location hash shows: #/nodes, #/nodes/ID, #/containers/ID, ...
import { Dashboard } from './pages/dashboard.js';
import { Nodes } from './pages/nodes.js';
import { NodePage } from './pages/node.js';
import { Clusters } from './pages/clusters.js';
import { Containers } from './pages/containers.js';
import { ContainerPage } from './pages/container.js';
import { Services } from './pages/services.js';
import { ServicePage } from './pages/service.js';
import { Applications } from './pages/applications.js';
import { Registries } from './pages/registries.js';
import { Checks } from './pages/checks.js';
import { Jobs } from './pages/jobs.js';
import { Events } from './pages/events.js';
import { NotFound } from './pages/notfound.js';

const LISTS = {
  '': Dashboard, nodes: Nodes, clusters: Clusters, containers: Containers, services: Services,
  applications: Applications, registries: Registries, checks: Checks, jobs: Jobs, events: Events,
};
const DETAILS = { nodes: NodePage, containers: ContainerPage, services: ServicePage };

export function route(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [section, id] = parts;
  if (id && DETAILS[section]) return { page: DETAILS[section], params: { id } };
  if (!id && section in LISTS) return { page: LISTS[section], params: {} };
  return { page: NotFound, params: { hash } };
}
