/**
 * fast-check arbitraries for plans and synthesized documents whose attributes all have the types
 * policies/engine/load/attribute-types.ts lists (tokens, nulls, empty lists and, in synthesized JSON,
 * numbers and booleans written as strings included), for the property that no rule errors on
 * well-typed input. Values come from a pool of the strings rules care about, so that sinks, buckets,
 * metrics, alerts and grants meet each other often.
 */
import fc from 'fast-check';
import { CIS_LOG_METRICS } from '../../../policies/catalog/cis-log-metrics';
import { ATTRIBUTE_TYPES, attributeTypesOf, type AttributeType } from '../../../policies/engine/load/attribute-types';

export type Format = 'plan' | 'synth';

const NAMES = ['a', 'b'] as const;

/** Types that exist only as data sources. */
const DATA_ONLY = new Set(['google_iam_policy', 'google_active_folder', 'google_organization']);

/** Resource-level IAM types, with the attribute naming their target (grants read it; the table leaves it to grants.ts). */
const RESOURCE_IAM: Readonly<Record<string, string>> = {
  google_storage_bucket_iam_member: 'bucket',
  google_storage_bucket_iam_binding: 'bucket',
  google_pubsub_topic_iam_member: 'topic',
  google_secret_manager_secret_iam_member: 'secret_id',
  google_kms_crypto_key_iam_binding: 'crypto_key_id',
  google_service_account_iam_member: 'service_account_id',
};

export const TYPED_TYPES: readonly string[] = [...Object.keys(ATTRIBUTE_TYPES), ...Object.keys(RESOURCE_IAM)];

/** `${...}` expressions: references to resources of the generated document, variables, templates. */
const TOKENS = [
  '${var.x}',
  '${google_project.a.project_id}',
  '${google_folder.a.name}',
  '${data.google_organization.a.org_id}',
  'organizations/${var.org}',
  '${google_logging_organization_sink.a.writer_identity}',
  '${google_logging_project_sink.b.writer_identity}',
  '${google_logging_project_bucket_config.a.id}',
  '${google_storage_bucket.a.name}',
  'storage.googleapis.com/${google_storage_bucket.a.name}',
  '${google_pubsub_topic.a.id}',
  '${google_bigquery_dataset.a.id}',
  '${google_logging_metric.a.name}',
  'metric.type="logging.googleapis.com/user/${google_logging_metric.a.name}"',
  '${google_monitoring_notification_channel.a.id}',
  '${data.google_iam_policy.a.policy_data}',
  '${google_project_iam_custom_role.a.name}',
  '${google_service_account.a.email}',
  'serviceAccount:${google_service_account.a.email}',
  '${google_kms_key_ring.a.id}',
  '${google_kms_crypto_key.a.id}',
  '${google_secret_manager_secret.a.id}',
  '${data.google_active_folder.a.name}',
];

const STRINGS = [
  '',
  'p',
  '1',
  'a',
  'organizations/1',
  'folders/2',
  'projects/p',
  'billingAccounts/0',
  'roles/owner',
  'roles/editor',
  'roles/logging.bucketWriter',
  'roles/storage.objectCreator',
  'roles/secretmanager.secretAccessor',
  'roles/iam.serviceAccountTokenCreator',
  'roles/cloudkms.admin',
  'projects/p/roles/custom',
  'allUsers',
  'user:a@example.com',
  'group:g@example.com',
  'serviceAccount:x@p.iam.gserviceaccount.com',
  'serviceAccount:1-compute@developer.gserviceaccount.com',
  'serviceAccount:service-1@gcp-sa-logging.iam.gserviceaccount.com',
  'domain:example.com',
  'TRUE',
  'FALSE',
  'ENCRYPT_DECRYPT',
  'ASYMMETRIC_SIGN',
  '7776000s',
  '31536000s',
  'x',
  '_Default',
  '_Required',
  'allServices',
  'ADMIN_READ',
  'DATA_READ',
  'DATA_WRITE',
  'COMPARISON_GT',
  'COMPARISON_LT',
  'ALL',
  'SECURITY',
  'tight',
  'loose',
  'metric.label.account',
  'organizations/1/policies/iam.allowedPolicyMemberDomains',
  'organizations/1/policies/iam.disableServiceAccountKeyCreation',
  'constraints/iam.disableServiceAccountKeyCreation',
  'logging.googleapis.com/projects/p/locations/global/buckets/a',
  'logging.googleapis.com/organizations/1/locations/eu/buckets/b',
  'storage.googleapis.com/a',
  'pubsub.googleapis.com/projects/p/topics/a',
  'bigquery.googleapis.com/projects/p/datasets/a',
  'projects/p/locations/global/keyRings/r',
  'logName:"cloudaudit.googleapis.com"',
  'NOT logName:"cloudaudit.googleapis.com"',
  'severity>=ERROR',
  'log_id("cloudaudit.googleapis.com/data_access")',
  'metric.type="logging.googleapis.com/user/a"',
  'protoPayload.methodName="google.login.LoginService.loginFailure"',
  'request.time < timestamp("2027-01-01T00:00:00Z")',
  '{"bindings":[{"role":"roles/owner","members":["allUsers"]}]}',
  '{"bindings":[{"role":"roles/logging.bucketWriter","members":["serviceAccount:x@p.iam.gserviceaccount.com"],"condition":{"expression":"a"}}]}',
  ...CIS_LOG_METRICS.flatMap((c) => c.filters),
];

const token = fc.constantFrom(...TOKENS);
const text = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

/** The attributes of a type as a tree of path segments (`retention_policy` > `is_locked`). */
interface Node {
  type?: AttributeType;
  readonly children: Map<string, Node>;
}

function treeOf(types: Readonly<Record<string, AttributeType>>): Node {
  const root: Node = { children: new Map() };
  for (const [path, type] of Object.entries(types)) {
    let node = root;
    for (const segment of path.split('.')) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.type = type;
  }
  return root;
}

/**
 * `policy_data` is a string holding an IAM policy, typed in its turn (the provider decodes it as Go does): well-typed
 * policies in any key case, an empty or null one, text that is no JSON at all (unknown), or a template.
 */
const policyData = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '{"bindings":[{"role":"roles/owner","members":["allUsers"]}]}',
      '{"Bindings":[{"ROLE":"roles/viewer","Members":["user:a@gmail.com"],"Condition":{"Expression":"request.time < timestamp(\\"2027-01-01T00:00:00Z\\")"}}]}',
      '{"bindings":[{"role":"roles/logging.bucketWriter","members":["serviceAccount:x@p.iam.gserviceaccount.com"],"condition":{"expression":"a"}}]}',
      '{"bindings":null}',
      '{}',
      'null',
      'not json',
    ),
  },
  { weight: 1, arbitrary: token },
  { weight: 1, arbitrary: fc.constant(null) },
);

function childrenOf(node: Node, format: Format): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of node.children) fields[name] = name === 'policy_data' ? policyData : valueOf(child, format);
  return fc.record(fields, { requiredKeys: [] });
}

function typedValue(node: Node, format: Format): fc.Arbitrary<unknown> {
  const synth = format === 'synth';
  switch (node.type) {
    case 'string':
      return text;
    case 'number': {
      const number = fc.oneof(fc.constantFrom(0, 1, 30, 365, 400, 31536000, -1), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
      return synth ? fc.oneof(number, fc.constantFrom('0', '365', '31536000', '1.5e3')) : number;
    }
    case 'boolean':
      return synth ? fc.constantFrom(true, false, 'true', 'false') : fc.boolean();
    case 'string-array':
      return fc.array(fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: token }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 3 });
    case 'object':
      return fc.tuple(childrenOf(node, format), fc.dictionary(fc.constantFrom('account', 'x'), text, { maxKeys: 2 })).map(([own, extra]) => ({ ...extra, ...own }));
    case 'block': {
      const block = childrenOf(node, format);
      const list = fc.array(block, { maxLength: 2 });
      return synth ? fc.oneof(block, list) : list;
    }
    default:
      return text;
  }
}

function valueOf(node: Node, format: Format): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: typedValue(node, format) }, { weight: 1, arbitrary: token }, { weight: 1, arbitrary: fc.constant(null) });
}

const valuesByType = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

/** Well-typed values of one resource type: any subset of the listed attributes. */
export function typedValues(type: string, format: Format): fc.Arbitrary<Record<string, unknown>> {
  const key = `${format}|${type}`;
  let arbitrary = valuesByType.get(key);
  if (!arbitrary) {
    const types: Record<string, AttributeType> = { ...attributeTypesOf(type) };
    if (RESOURCE_IAM[type]) types[RESOURCE_IAM[type]] = 'string';
    arbitrary = childrenOf(treeOf(types), format);
    valuesByType.set(key, arbitrary);
  }
  return arbitrary;
}

export interface TypedResource {
  readonly type: string;
  readonly name: string;
  readonly data: boolean;
  readonly values: Record<string, unknown>;
  readonly action: 'create' | 'update' | 'delete' | 'replace' | 'no-op';
  /** Top-level attributes marked known only after apply (plans only). */
  readonly unknown: readonly string[];
}

export function typedResource(format: Format): fc.Arbitrary<TypedResource> {
  return fc.constantFrom(...TYPED_TYPES).chain((type) => {
    const attributes = Object.keys(attributeTypesOf(type) ?? {}).filter((path) => !path.includes('.'));
    return fc.record({
      type: fc.constant(type),
      name: fc.constantFrom(...NAMES),
      data: DATA_ONLY.has(type) ? fc.constant(true) : fc.boolean().map((b) => b && type === 'google_service_account'),
      values: typedValues(type, format),
      action: fc.constantFrom('create', 'update', 'delete', 'replace', 'no-op'),
      unknown: format === 'plan' ? fc.subarray(attributes, { maxLength: Math.min(2, attributes.length) }) : fc.constant([]),
    });
  });
}

const ACTIONS: Readonly<Record<TypedResource['action'], readonly string[]>> = { create: ['create'], update: ['update'], delete: ['delete'], replace: ['delete', 'create'], 'no-op': ['no-op'] };

/** A `terraform show -json` plan of the resources; unknown attributes are null in `after`, as Terraform writes them. */
export function typedPlanText(resources: readonly TypedResource[]): string {
  const changes = new Map<string, object>();
  for (const r of resources) {
    const address = `${r.data ? 'data.' : ''}${r.type}.${r.name}`;
    const after: Record<string, unknown> = { ...r.values };
    for (const attribute of r.unknown) after[attribute] = null;
    const actions: readonly string[] = r.data ? ['read'] : ACTIONS[r.action];
    const deleting = actions.includes('delete');
    changes.set(address, {
      address,
      mode: r.data ? 'data' : 'managed',
      type: r.type,
      name: r.name,
      change: {
        actions,
        before: deleting ? r.values : null,
        after: actions.length === 1 && deleting ? null : after,
        after_unknown: Object.fromEntries(r.unknown.map((a) => [a, true])),
      },
    });
  }
  return JSON.stringify({ format_version: '1.2', resource_changes: [...changes.values()] });
}

/** A cdk.tf.json of the resources (tokens in it become references the loader resolves). */
export function typedSynthText(resources: readonly TypedResource[]): string {
  const doc: Record<string, Record<string, Record<string, unknown>>> = { resource: {}, data: {} };
  for (const r of resources) {
    const block = doc[r.data ? 'data' : 'resource'];
    (block[r.type] ??= {})[r.name] = r.values;
  }
  return JSON.stringify(doc);
}
