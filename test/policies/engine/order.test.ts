/** Apply order as Terraform and `cdktf deploy` guarantee it: references, depends_on, and stack dependencies. */
import { loadModel } from '../../../policies/engine/load';
import { InputError } from '../../../policies/engine/errors';
import { appliedBefore } from '../../../policies/engine/order';
import { createModel } from '../../../policies/engine/create-model';
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

  it('orders nothing by stack when the model states no dependency for a stack', () => {
    // GIVEN resources of two stacks and a model built without the manifest's dependency table
    const one = (type: string) => synth({ [type]: { r: { name: 'x' } } });
    const out = loadModel(writeCdktfOut({ a: one('google_pubsub_topic'), c: one('google_org_policy_policy') }, { c: ['a'] }));
    const bare = createModel({ kind: out.kind, sources: out.sources, stacks: out.stacks, resources: out.resources });
    // THEN neither stack waits for the other, and the stack with a dependency entry still does in the full model
    expect(before(bare, 'a/google_pubsub_topic.r', 'c/google_org_policy_policy.r')).toBe(false);
    expect(before(bare, 'c/google_org_policy_policy.r', 'a/google_pubsub_topic.r')).toBe(false);
    expect(before(out, 'a/google_pubsub_topic.r', 'c/google_org_policy_policy.r')).toBe(true);
  });

  it('ends on cycles (stacks that wait for each other, resources that refer to each other) and orders a stack only after others', () => {
    // GIVEN two stacks that each declare the other as a dependency, and two resources of one stack referring to each other
    const one = (type: string) => synth({ [type]: { r: { name: 'x' } } });
    const cyclic = synth({
      google_pubsub_topic: { t: { name: '${google_storage_bucket.b.name}' } },
      google_storage_bucket: { b: { name: '${google_pubsub_topic.t.name}', location: 'EU' }, other: { name: 'o', location: 'EU' } },
    });
    const out = loadModel(writeCdktfOut({ a: cyclic, b: one('google_project') }, { a: ['b'], b: ['a'] }));
    // THEN each is applied after the other, and a stack is never "before itself": same-stack order comes from references only
    expect(before(out, 'a/google_pubsub_topic.t', 'a/google_storage_bucket.b')).toBe(true);
    expect(before(out, 'a/google_storage_bucket.b', 'a/google_pubsub_topic.t')).toBe(true);
    expect(before(out, 'a/google_storage_bucket.other', 'a/google_pubsub_topic.t')).toBe(false);
    expect(before(out, 'b/google_project.r', 'a/google_storage_bucket.other')).toBe(true);
  });

  it('follows every dependency when one of them names nothing in the model', () => {
    // GIVEN a policy that depends on a member (which refers to a topic) and on an id the model does not hold
    // (loaders drop such ids; a model built by other means may keep them)
    const loaded = loadModel({
      text: JSON.stringify(
        synth({
          google_pubsub_topic: { t: { name: 't' } },
          google_pubsub_topic_iam_member: { m: { topic: '${google_pubsub_topic.t.name}', role: 'roles/pubsub.publisher', member: 'group:a@example.com' } },
          google_org_policy_policy: { o: { name: 'organizations/1/policies/x', parent: 'organizations/1' } },
        }),
      ),
      name: 'cdk.tf.json',
    });
    const resources = loaded.resources.map((r) => (r.type === 'google_org_policy_policy' ? { ...r, dependsOn: ['google_pubsub_topic_iam_member.m', 'google_project.elsewhere'] } : r));
    const model = createModel({ kind: loaded.kind, sources: loaded.sources, stacks: loaded.stacks, resources });
    // THEN the topic, two steps away through the member, is still applied first
    expect(before(model, 'google_pubsub_topic.t', 'google_org_policy_policy.o')).toBe(true);
  });
});
