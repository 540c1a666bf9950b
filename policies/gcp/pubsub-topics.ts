/**
 * Pub/Sub topics as destinations: which topic of the input an attribute names (a reference, or a known
 * `projects/<p>/topics/<t>`), and whether anything subscribes to it. A topic nobody subscribes to keeps
 * nothing: Pub/Sub drops messages published while a topic has no subscription.
 */
import { get, type Model, type Resource } from '../engine/model';
import { anyYes, knownString, lastSegment, surviving, type Tri } from '../engine/values';

export const TOPIC_TYPE = 'google_pubsub_topic';
export const SUBSCRIPTION_TYPE = 'google_pubsub_subscription';

export type TopicOf =
  | { readonly state: 'resource'; readonly resource: Resource }
  /** Known only after apply, and referring to no topic of the input. */
  | { readonly state: 'unknown' }
  /** Names a topic the input does not hold (or holds only to delete it), or nothing at all. */
  | { readonly state: 'missing'; readonly display: string };

/** Whether a known topic name (`projects/p/topics/t`, or a bare `t` where the project is implied) names this topic. */
function namesTopic(model: Model, name: string, topic: Resource): Tri {
  const m = /^projects\/([^/]+)\/topics\/([^/]+)$/.exec(name);
  const topicName = knownString(model, topic, 'name');
  if (topicName === undefined) return get(topic, 'name').state === 'unknown' ? 'unknown' : 'no';
  if (lastSegment(topicName) !== (m ? m[2] : name)) return 'no';
  if (!m) return 'yes';
  const project = knownString(model, topic, 'project');
  if (project !== undefined) return project === m[1] ? 'yes' : 'no';
  return get(topic, 'project').state === 'unknown' ? 'unknown' : 'yes';
}

/** The topic an attribute (`pubsub_topic`, `topic`) of a resource names. */
export function topicOf(model: Model, resource: Resource, path: string): TopicOf {
  for (const reference of resource.references) {
    if (reference.path !== path || reference.target === undefined) continue;
    const target = model.byId(reference.target);
    if (target?.type === TOPIC_TYPE && target.mode === 'managed') {
      return target.action === 'delete' ? { state: 'missing', display: target.address } : { state: 'resource', resource: target };
    }
  }
  const name = knownString(model, resource, path);
  if (name === undefined) return get(resource, path).state === 'unknown' ? { state: 'unknown' } : { state: 'missing', display: '(absent)' };
  const topics = surviving(model.byType(TOPIC_TYPE)).filter((t) => t.mode === 'managed');
  const found = topics.find((t) => namesTopic(model, name, t) === 'yes');
  if (found) return { state: 'resource', resource: found };
  return topics.some((t) => namesTopic(model, name, t) === 'unknown') ? { state: 'unknown' } : { state: 'missing', display: name };
}

/** Whether a subscription that survives the change reads from the topic (pull or push alike). */
export function hasSubscriber(model: Model, topic: Resource): Tri {
  return anyYes(
    surviving(model.byType(SUBSCRIPTION_TYPE)).map((subscription): Tri => {
      const of = topicOf(model, subscription, 'topic');
      if (of.state === 'resource') return of.resource.id === topic.id ? 'yes' : 'no';
      return of.state === 'unknown' ? 'unknown' : 'no';
    }),
  );
}
