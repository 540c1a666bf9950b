import rule from '../../../../policies/rules/scanning/scanning-findings-notified';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusReports, planFiles } from '../deploy/corpus';
import { CONFIG, ORG, planRoute, synthRoute } from './fixtures';

const WITH_ORG = { organizationId: ORG };

runRuleTests(rule, {
  valid: [
    { name: 'synth: HIGH and CRITICAL active findings to a topic with a pull subscription', input: { synth: synthRoute() } },
    { name: 'synth: a wider filter (MEDIUM too) still keeps HIGH and CRITICAL', input: { synth: synthRoute({ filter: 'state = "ACTIVE" AND (severity = "CRITICAL" OR severity = "HIGH" OR severity = "MEDIUM")' }) } },
    { name: 'synth: an empty filter keeps every finding', input: { synth: synthRoute({ filter: '' }) } },
    { name: 'plan: the route wired by references, known after apply', input: { plan: planRoute() } },
    {
      name: 'plan: an existing topic named by its id, subscribed to by name',
      input: {
        plan: plan([
          { address: 'google_pubsub_topic.findings', values: { project: 'p-sec', name: 'findings', id: 'projects/p-sec/topics/findings' }, action: 'no-op' },
          { address: CONFIG, values: { config_id: 'c', organization: ORG, pubsub_topic: 'projects/p-sec/topics/findings', streaming_config: [{ filter: 'state="ACTIVE"' }] } },
          { address: 'google_pubsub_subscription.s', values: { project: 'p-sec', name: 's', topic: 'findings' } },
        ]),
      },
    },
    { name: 'plan: no SCC resource and no organization in config is not this input\'s business', notApplicable: 'no Security Command Center resource in the input and no organization in config', input: { plan: plan([{ address: 'google_pubsub_topic.t', values: { name: 't' } }]) } },
    {
      name: 'synth: one of two notification configs routes; the other\'s unsubscribed topic does not matter',
      input: {
        synth: synth({
          google_pubsub_topic: { findings: { project: 'example-logging-prd', name: 'scc-findings' }, legacy: { project: 'example-logging-prd', name: 'scc-legacy' } },
          google_pubsub_subscription: { triage: { project: 'example-logging-prd', name: 'scc-findings-triage', topic: '${google_pubsub_topic.findings.id}' } },
          google_scc_v2_organization_notification_config: {
            findings: { config_id: 'baseline-active-findings', organization: ORG, location: 'global', pubsub_topic: '${google_pubsub_topic.findings.id}', streaming_config: { filter: '' } },
            legacy: { config_id: 'legacy', organization: ORG, location: 'global', pubsub_topic: '${google_pubsub_topic.legacy.id}', streaming_config: { filter: 'state="ACTIVE"' } },
          },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'fails synth (unknown): of two configs, one has a filter from a variable: only that open question is reported, not the other\'s unsubscribed topic',
      input: {
        synth: synth({
          google_pubsub_topic: { findings: { project: 'example-logging-prd', name: 'scc-findings' } },
          google_scc_v2_organization_notification_config: {
            findings: { config_id: 'baseline-active-findings', organization: ORG, location: 'global', pubsub_topic: '${google_pubsub_topic.findings.id}', streaming_config: { filter: '' } },
            templated: { config_id: 'templated', organization: ORG, location: 'global', pubsub_topic: '${google_pubsub_topic.findings.id}', streaming_config: { filter: '${var.findings_filter}' } },
          },
        }),
      },
      errors: [{ messageId: 'filter-unknown', address: 'google_scc_v2_organization_notification_config.templated', outcome: 'unknown' }],
    },
    {
      name: 'fails plan: a mute config shows the input manages Security Command Center, yet no notification config routes findings',
      input: { plan: plan([{ address: 'google_scc_v2_organization_mute_config.sandbox', values: { mute_config_id: 'm', organization: ORG, location: 'global', filter: 'category="X"', type: 'STATIC', description: 'reason: The sandbox is rebuilt nightly.; expires: 2027-03-31' } }]) },
      errors: [{ messageId: 'missing', address: 'scanning-findings-notified' }],
    },
    {
      name: 'fails synth: the organization is configured, but no notification config exists',
      input: { synth: synth({ google_pubsub_topic: { t: { name: 't' } } }) },
      params: WITH_ORG,
      errors: [{ messageId: 'missing', address: 'scanning-findings-notified' }],
    },
    {
      name: 'fails synth: a filter for one category drops other HIGH findings',
      input: { synth: synthRoute({ filter: 'state="ACTIVE" AND category="OPEN_FIREWALL"' }) },
      errors: [{ messageId: 'filter-drops', address: CONFIG, path: 'streaming_config.filter' }],
    },
    {
      name: 'fails synth: CRITICAL only drops HIGH',
      input: { synth: synthRoute({ filter: 'state="ACTIVE" AND severity="CRITICAL"' }) },
      errors: [{ messageId: 'filter-drops', address: CONFIG, path: 'streaming_config.filter' }],
    },
    { name: 'fails synth: nobody subscribes to the topic', input: { synth: synthRoute({ subscription: false }) }, errors: [{ messageId: 'no-subscriber', address: CONFIG, path: 'pubsub_topic' }] },
    {
      name: 'fails synth (unknown): the filter comes from a variable',
      input: { synth: synthRoute({ filter: '${var.findings_filter}' }) },
      errors: [{ messageId: 'filter-unknown', address: CONFIG, outcome: 'unknown', path: 'streaming_config.filter' }],
    },
    {
      name: 'fails synth (unknown): a filter beyond this reading (an AND inside an OR group)',
      input: { synth: synthRoute({ filter: 'severity="HIGH" OR (category="X" AND state="ACTIVE")' }) },
      errors: [{ messageId: 'filter-unknown', address: CONFIG, outcome: 'unknown', path: 'streaming_config.filter' }],
    },
    {
      name: 'fails synth (unknown): the topic comes from a variable',
      input: { synth: synth({ google_scc_v2_organization_notification_config: { findings: { config_id: 'c', organization: ORG, pubsub_topic: '${var.topic}', streaming_config: { filter: '' } } } }) },
      errors: [{ messageId: 'topic-unknown', address: CONFIG, outcome: 'unknown', path: 'pubsub_topic' }],
    },
    { name: 'fails plan: the topic is deleted by the same change', input: { plan: planRoute({ topicAction: 'delete' }) }, errors: [{ messageId: 'topic-missing', address: CONFIG, path: 'pubsub_topic' }] },
    {
      name: 'fails plan: a literal topic the input does not hold',
      input: { plan: plan([{ address: CONFIG, values: { config_id: 'c', organization: ORG, pubsub_topic: 'projects/elsewhere/topics/t', streaming_config: [{ filter: '' }] } }]) },
      errors: [{ messageId: 'topic-missing', address: CONFIG, path: 'pubsub_topic' }],
    },
    { name: 'fails plan: inactive findings only', input: { plan: planRoute({ filter: 'state="INACTIVE"' }) }, errors: [{ messageId: 'filter-drops', address: CONFIG, path: 'streaming_config.filter' }] },
    { name: 'fails plan: nobody subscribes', input: { plan: planRoute({ subscription: false }) }, errors: [{ messageId: 'no-subscriber', address: CONFIG, path: 'pubsub_topic' }] },
    {
      name: 'fails plan (unknown): a subscription whose topic is known only after apply and refers to nothing here',
      input: {
        plan: plan([
          { address: 'google_pubsub_topic.findings', values: { project: 'p', name: 'findings' } },
          { address: CONFIG, values: { config_id: 'c', organization: ORG, streaming_config: [{ filter: '' }] }, unknown: { pubsub_topic: true }, references: { pubsub_topic: ['google_pubsub_topic.findings.id', 'google_pubsub_topic.findings'] } },
          { address: 'google_pubsub_subscription.s', values: { name: 's' }, unknown: { topic: true }, references: { topic: ['var.topic'] } },
        ]),
      },
      errors: [{ messageId: 'subscriber-unknown', address: CONFIG, outcome: 'unknown', path: 'pubsub_topic' }],
    },
  ],
});

describe('scanning-findings-notified report data', () => {
  it('says what an undecided filter is: the template as written, or that only apply will tell', () => {
    const planned = plan([
      { address: 'google_pubsub_topic.findings', values: { project: 'example-scanning-prd', name: 'scc-findings' } },
      { address: CONFIG, values: { config_id: 'c', organization: ORG, streaming_config: [{ filter: null }] }, unknown: { pubsub_topic: true, streaming_config: [{ filter: true }] }, references: { pubsub_topic: ['google_pubsub_topic.findings.id', 'google_pubsub_topic.findings'] } },
    ]);
    const messages = [{ plan: planned }, { synth: synthRoute({ filter: '${var.findings_filter}' }) }].map((input) => runRule(rule, input, WITH_ORG).results.map((r) => [r.messageId, r.path, r.message]));
    expect(messages).toEqual([
      [['filter-unknown', 'streaming_config.filter', 'Whether the notification config filter keeps every active HIGH and CRITICAL finding cannot be read before apply (known after apply).']],
      [['filter-unknown', 'streaming_config.filter', 'Whether the notification config filter keeps every active HIGH and CRITICAL finding cannot be read before apply (${var.findings_filter}).']],
    ]);
  });
});

describe('scanning-findings-notified on the terraform-validator corpus', () => {
  it(`is silent on all ${planFiles().length} plans (none manages Security Command Center)`, () => {
    expect(planFiles().length).toBe(104);
    expect(corpusReports(rule)).toEqual({});
  });
});
