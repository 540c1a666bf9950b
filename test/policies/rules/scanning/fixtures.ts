/** One finding route in both input formats, for the scanning rule tests: topic, notification config, subscription. */
import { activeFindingsFilter } from '../../../../policies/gcp/scc-findings';
import { plan, synth, type PlanResourceSpec } from '../../../../policies/testing/rule-tester';

export const ORG = '123456789012';
export const CONFIG = 'google_scc_v2_organization_notification_config.findings';
export const FILTER = activeFindingsFilter(['CRITICAL', 'HIGH']);

const topic = { project: 'example-logging-prd', name: 'scc-findings' };
const notification = (filter: string) => ({ config_id: 'baseline-active-findings', organization: ORG, location: 'global', streaming_config: { filter } });
const subscription = { project: 'example-logging-prd', name: 'scc-findings-triage' };

/** The route as cdktf synthesizes it; `parts` leave out the subscription or change the filter. */
export function synthRoute(parts: { filter?: string; subscription?: boolean; topic?: boolean } = {}) {
  return synth({
    ...(parts.topic === false ? {} : { google_pubsub_topic: { findings: topic } }),
    google_scc_v2_organization_notification_config: { findings: { ...notification(parts.filter ?? FILTER), pubsub_topic: '${google_pubsub_topic.findings.id}' } },
    ...(parts.subscription === false ? {} : { google_pubsub_subscription: { triage: { ...subscription, topic: '${google_pubsub_topic.findings.id}' } } }),
  });
}

/** The same route as a plan of its first apply (ids known after apply, so references carry the wiring). */
export function planRoute(parts: { filter?: string; subscription?: boolean; topicAction?: PlanResourceSpec['action'] } = {}) {
  return plan([
    { address: 'google_pubsub_topic.findings', values: topic, action: parts.topicAction },
    {
      address: CONFIG,
      values: notification(parts.filter ?? FILTER),
      unknown: { pubsub_topic: true, service_account: true },
      references: { pubsub_topic: ['google_pubsub_topic.findings.id', 'google_pubsub_topic.findings'] },
    },
    ...(parts.subscription === false
      ? []
      : [{ address: 'google_pubsub_subscription.triage', values: subscription, unknown: { topic: true }, references: { topic: ['google_pubsub_topic.findings.id', 'google_pubsub_topic.findings'] } }]),
  ]);
}
