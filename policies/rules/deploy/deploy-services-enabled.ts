/**
 * A resource in a project this same input creates fails on apply unless its API is enabled there:
 * a new project has only Google's default services (catalog/service-apis.ts), so the first call to
 * any other API answers 403 SERVICE_DISABLED.
 */
import { get, type Model, type Resource } from '../../engine/model';
import { modelRule } from '../../engine/rule';
import { knownString, lastSegment, surviving } from '../../engine/values';
import { serviceApiOf } from '../../catalog/service-apis';

type MessageId = 'service-not-enabled' | 'service-unknown';

/** Projects created by this input (planned create, or present in synthesized JSON), by project id and by model id. */
interface CreatedProjects {
  readonly byProjectId: ReadonlyMap<string, Resource>;
  readonly byResourceId: ReadonlyMap<string, Resource>;
}

function createdProjects(model: Model): CreatedProjects {
  const byProjectId = new Map<string, Resource>();
  const byResourceId = new Map<string, Resource>();
  for (const project of model.byType('google_project')) {
    if (project.mode !== 'managed' || (project.action !== 'create' && project.action !== 'replace')) continue;
    byResourceId.set(project.id, project);
    const id = knownString(model, project, 'project_id');
    if (id !== undefined) byProjectId.set(id, project);
  }
  return { byProjectId, byResourceId };
}

/**
 * The created project an attribute names: its known id, or a reference to the project (any attribute)
 * or to another resource whose own `project` names it (`${google_pubsub_topic.t.project}`). `outside`:
 * the value is known and names no created project (or a folder / the organization); `untraced`: only
 * apply can tell, and the input does not lead to a created project.
 */
function projectOf(model: Model, created: CreatedProjects, resource: Resource, attribute: string, depth = 0): Resource | 'outside' | 'untraced' {
  const value = get<string>(resource, attribute);
  if (value.state === 'absent') return 'outside';
  const text = knownString(model, resource, attribute);
  if (text !== undefined) {
    if (/^(folders|organizations)\//.test(text)) return 'outside';
    return created.byProjectId.get(lastSegment(text)) ?? 'outside';
  }
  for (const reference of value.state === 'unknown' ? value.references : []) {
    const target = reference.target === undefined ? undefined : model.byId(reference.target);
    if (!target) continue;
    const project = created.byResourceId.get(target.id);
    if (project) return project;
    if (depth < 4 && target.type !== 'google_project' && (reference.attribute === 'project' || reference.attribute === undefined)) {
      const up = projectOf(model, created, target, 'project', depth + 1);
      if (typeof up !== 'string') return up;
    }
  }
  return 'untraced';
}

export default modelRule<MessageId>({
  meta: {
    id: 'deploy-services-enabled',
    description: 'Enable the API of every resource created in a new project with a google_project_service in the same configuration.',
    severity: 'high',
    category: 'deploy',
    controls: [],
    messages: {
      'service-not-enabled': '{{type}} sits in project {{project}}, which this configuration creates, but no google_project_service enables {{service}} there: apply fails with SERVICE_DISABLED.',
      'service-unknown': '{{type}} sits in project {{project}}, which this configuration creates; whether {{service}} is enabled there is known only after apply (a google_project_service whose project or service is not known yet).',
    },
    help:
      'A new project starts with only the services Google enables by default (Cloud Logging, Cloud Monitoring, BigQuery, Cloud Storage and a few more: https://cloud.google.com/service-usage/docs/enabled-service#default). Any other API answers 403 SERVICE_DISABLED until it is enabled. Add `google_project_service { project = <the project> service = "<api>.googleapis.com" }` for every API the project\'s resources use, and make the resources depend on it (a reference or `depends_on`) so Terraform enables it first.',
  },
  check(context) {
    const { model } = context;
    const created = createdProjects(model);
    if (created.byResourceId.size === 0) {
      context.notApplicable('this input creates no project');
      return;
    }
    const enabled = new Set<string>();
    const enabledSomewhereUnknown = new Set<string>();
    // A service known only after apply (`for_each = toset(var.apis)`, `service = each.value`: the project
    // factories' pattern) may be any API, in its project, or anywhere when its project is untraced too.
    const anyServiceIn = new Set<string>();
    let anyServiceSomewhere = false;
    for (const service of surviving(model.byType('google_project_service'))) {
      if (service.mode !== 'managed') continue;
      const name = knownString(model, service, 'service');
      const project = projectOf(model, created, service, 'project');
      if (name === undefined) {
        if (project === 'untraced') anyServiceSomewhere = true;
        else if (project !== 'outside') anyServiceIn.add(project.id);
      } else if (project === 'untraced') enabledSomewhereUnknown.add(name);
      else if (project !== 'outside') enabled.add(`${project.id}|${name}`);
    }
    let judged = false;
    for (const resource of surviving(model.resources)) {
      if (resource.mode !== 'managed') continue;
      const api = serviceApiOf(resource.type);
      if (!api || api.enabledByDefault) continue;
      const project = projectOf(model, created, resource, api.projectAttribute);
      if (typeof project === 'string') continue; // an existing project's services are not in the input
      judged = true;
      if (enabled.has(`${project.id}|${api.service}`)) continue;
      const data = { type: resource.type, project: knownString(model, project, 'project_id') ?? project.address, service: api.service };
      if (anyServiceSomewhere || anyServiceIn.has(project.id) || enabledSomewhereUnknown.has(api.service)) {
        context.unknown(resource, 'service-unknown', data, { path: api.projectAttribute });
      } else context.report(resource, 'service-not-enabled', data, { path: api.projectAttribute });
    }
    if (!judged) context.notApplicable('no resource that needs an API sits in a project this input creates');
  },
});
