/** Apply order as Terraform and `cdktf deploy` guarantee it: references, depends_on, and stack dependencies. */
import { loadModel } from '../../../policies/engine/load';
import { InputError } from '../../../policies/engine/errors';
import { appliedBefore } from '../../../policies/engine/order';
import type { Model } from '../../../policies/engine/model';
import { synth } from '../../../policies/testing/rule-tester';
import { writeCdktfOut } from './cdktf-out-fixture';

const before = (model: Model, earlier: string, later: string) => appliedBefore(model, model.byId(earlier)!, model.byId(later)!);

describe('appliedBefore', () => {
  const doc = synth({
    google_project: { p: { project_id: 'p', name: 'p' } },
    google_pubsub_topic: { t: { name: 't', project: '${google_project.p.project_id}' } },
    google_pubsub_topic_iam_member: { m: { topic: '${google_pubsub_topic.t.name}', role: 'roles/pubsub.publisher', member: 'group:a@example.com' } },
    google_org_policy_policy: { o: { name: 'organizations/1/policies/x', parent: 'organizations/1', depends_on: ['google_pubsub_topic_iam_member.m'] } },
    google_storage_bucket: { b: { name: 'b', location: 'EU' } },
  });
  const model = loadModel({ text: JSON.stringify(doc), name: 'cdk.tf.json' });

  it('follows references and depends_on transitively, in one direction only', () => {
    expect(before(model, 'google_pubsub_topic.t', 'google_pubsub_topic_iam_member.m')).toBe(true);
    expect(before(model, 'google_project.p', 'google_pubsub_topic_iam_member.m')).toBe(true);
    expect(before(model, 'google_project.p', 'google_org_policy_policy.o')).toBe(true);
    expect(before(model, 'google_org_policy_policy.o', 'google_project.p')).toBe(false);
  });

  it('leaves unrelated resources unordered: Terraform may apply them in parallel', () => {
    expect(before(model, 'google_storage_bucket.b', 'google_org_policy_policy.o')).toBe(false);
    expect(before(model, 'google_org_policy_policy.o', 'google_storage_bucket.b')).toBe(false);
  });

  it('orders resources of different stacks by the manifest\'s stack dependencies, transitively', () => {
    const one = (type: string) => synth({ [type]: { r: { name: 'x' } } });
    const dir = writeCdktfOut(
      { a: one('google_pubsub_topic'), b: one('google_storage_bucket'), c: one('google_org_policy_policy'), d: one('google_project') },
      { b: ['a'], c: ['b'] },
    );
    const out = loadModel(dir);
    expect(out.stackDependencies.get('c')).toEqual(['b']);
    expect(before(out, 'a/google_pubsub_topic.r', 'c/google_org_policy_policy.r')).toBe(true);
    expect(before(out, 'c/google_org_policy_policy.r', 'a/google_pubsub_topic.r')).toBe(false);
    expect(before(out, 'd/google_project.r', 'c/google_org_policy_policy.r')).toBe(false);
  });

  it('refuses a manifest whose dependencies are not a list of stack names, naming the stack', () => {
    const dir = writeCdktfOut({ a: synth({}) }, { a: 'b' });
    expect(() => loadModel(dir)).toThrow(InputError);
    expect(() => loadModel(dir)).toThrow(/stack "a": expected "dependencies" to be a list of stack names/);
  });
});
