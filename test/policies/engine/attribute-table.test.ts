/**
 * The attribute-type table, exhaustively: every attribute it lists is checked in every resource type it names,
 * and refused with its path when its value has another type. Kept apart from attribute-types.test.ts (which
 * synthesizes the example baseline) so that it is quick to run.
 */
import { ATTRIBUTE_TYPES, attributeTypesOf } from '../../../policies/engine/load/attribute-types';
import { inputErrorOf } from '../../support/input-error';
import { loadModel } from '../../../policies/engine/load';
import { synth } from '../../../policies/testing/rule-tester';

describe('every listed attribute is checked', () => {
  // Written out here, not read from the table: a type the checker does not know fails this list
  const PHRASES: Record<string, [unknown, string]> = {
    string: [7, 'a number, expected a string'],
    number: [true, 'a boolean, expected a number'],
    boolean: [7, 'a number, expected a boolean'],
    'string-array': ['x', 'a string, expected an array of strings'],
    object: ['x', 'a string, expected an object'],
    block: ['x', 'a string, expected an object or an array of objects'],
  };
  const IAM = ['google_pubsub_topic_iam_member', 'google_pubsub_topic_iam_binding', 'google_pubsub_topic_iam_policy'];
  const cases = [...Object.keys(ATTRIBUTE_TYPES), ...IAM].flatMap((type) =>
    Object.entries(attributeTypesOf(type)!).map(([path, attributeType]) => [type, path, attributeType] as const),
  );

  it('covers the IAM kinds and their conditions, for any target type', () => {
    expect(IAM.every((type) => !(type in ATTRIBUTE_TYPES))).toBe(true);
    expect(cases.filter(([type]) => IAM.includes(type)).map(([type, path, t]) => `${type} ${path} ${t}`)).toEqual([
      'google_pubsub_topic_iam_member role string',
      'google_pubsub_topic_iam_member member string',
      'google_pubsub_topic_iam_member condition block',
      'google_pubsub_topic_iam_member condition.title string',
      'google_pubsub_topic_iam_member condition.expression string',
      'google_pubsub_topic_iam_binding role string',
      'google_pubsub_topic_iam_binding members string-array',
      'google_pubsub_topic_iam_binding condition block',
      'google_pubsub_topic_iam_binding condition.title string',
      'google_pubsub_topic_iam_binding condition.expression string',
      'google_pubsub_topic_iam_policy policy_data string',
    ]);
  });

  it.each(cases)('%s: a wrong value at %s (%s) is refused, naming the path', (type, path, attributeType) => {
    expect(Object.keys(PHRASES)).toContain(attributeType);
    const [wrong, phrase] = PHRASES[attributeType];
    const values: Record<string, unknown> = {};
    let at = values;
    const segments = path.split('.');
    for (const segment of segments.slice(0, -1)) at = (at[segment] = {}) as Record<string, unknown>;
    at[segments[segments.length - 1]] = wrong;
    expect(inputErrorOf(() => loadModel({ text: JSON.stringify(synth({ [type]: { r: values } })), name: 'cdk.tf.json' }))).toBe(`cdk.tf.json: ${type}.r: ${path} is ${phrase}`);
  });
});

describe('what the engine and rules read is checked', () => {
  // Written out from what grants.ts, hierarchy.ts and the logging rules read of each type, so that an entry
  // dropped from the table is noticed
  it.each([
    ['google_organization', 'org_id'], ['google_organization', 'organization'],
    ['google_folder', 'folder_id'], ['google_folder', 'name'], ['google_folder', 'parent'],
    ['google_project', 'project_id'], ['google_project', 'folder_id'], ['google_project', 'org_id'],
    ['google_organization_iam_member', 'org_id'], ['google_organization_iam_binding', 'org_id'], ['google_organization_iam_policy', 'org_id'],
    ['google_folder_iam_member', 'folder'], ['google_folder_iam_binding', 'folder'], ['google_folder_iam_policy', 'folder'],
    ['google_project_iam_member', 'project'], ['google_project_iam_binding', 'project'], ['google_project_iam_policy', 'project'],
    ['google_iam_policy', 'binding.role'], ['google_iam_policy', 'binding.members'], ['google_iam_policy', 'binding.condition.expression'],
    ['google_project_iam_custom_role', 'role_id'], ['google_organization_iam_custom_role', 'org_id'],
    ['google_service_account', 'email'], ['google_service_account_key', 'service_account_id'],
    ['google_logging_organization_sink', 'include_children'], ['google_logging_folder_sink', 'folder'], ['google_logging_folder_sink', 'include_children'],
    ['google_logging_project_sink', 'project'], ['google_logging_billing_account_sink', 'billing_account'],
    ['google_logging_project_sink', 'filter'], ['google_logging_project_sink', 'exclusions.filter'],
    ['google_logging_organization_settings', 'disable_default_sink'], ['google_logging_folder_settings', 'disable_default_sink'],
    ['google_logging_project_bucket_config', 'locked'], ['google_logging_folder_bucket_config', 'folder'],
    ['google_logging_organization_bucket_config', 'organization'], ['google_logging_billing_account_bucket_config', 'billing_account'],
  ])('%s.%s', (type, path) => {
    expect(Object.keys(attributeTypesOf(type) ?? {})).toContain(path);
  });
});
