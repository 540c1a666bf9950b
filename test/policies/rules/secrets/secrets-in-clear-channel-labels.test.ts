import { readFileSync } from 'node:fs';
import rule from '../../../../policies/rules/secrets/secrets-in-clear-channel-labels';
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import { render, REPORT_FORMATS } from '../../../../policies/report';
import { DEFAULT_GATE } from '../../../../policies/report/verdict';
import { modelOf, plan, RULE_TEST_NOW, runRule, runRuleTests, synth, type RuleInput } from '../../../../policies/testing/rule-tester';
import { fixture } from '../../../support/fixtures';
import { planFiles } from '../../engine/corpus';
import { corpusInput } from './corpus-input';

/** Fake credentials, distinctive so that a leak into any output cannot hide. */
const FAKE_TOKEN = 'FAKE-token-3b9e51d0-never-print-me';
const FAKE_PASSWORD = 'FAKE-password-c4a8-never-print-me';

const CHANNEL = 'google_monitoring_notification_channel.oncall';
const channel = (type: string, labels: unknown, extra: Record<string, unknown> = {}) => ({ project: 'example-logging-prd', display_name: 'oncall', type, labels, ...extra });

/** The baseline's alerting channels before the fix: the webhook URL, token included, in a plain label. */
const prefixAlerting = JSON.parse(readFileSync(fixture('baseline-prefix', 'secrets-in-clear-channel-labels', 'alerting.json'), 'utf8')) as Record<string, unknown>;

const leakyPlan = plan([
  { address: CHANNEL, values: channel('webhook_tokenauth', { url: `https://hooks.example.com/alerts?channel=sec&token=${FAKE_TOKEN}` }) },
  { address: 'google_monitoring_notification_channel.basic', values: channel('webhook_basicauth', { url: 'https://hooks.example.com/alerts', username: 'alerts', password: FAKE_PASSWORD }) },
]);

runRuleTests(rule, {
  valid: [
    {
      name: 'synth: slack token in sensitive_labels, email and channel name in labels',
      input: {
        synth: synth({
          google_monitoring_notification_channel: {
            slack: channel('slack', { channel_name: '#security' }, { sensitive_labels: { auth_token: '${var.slack_token}' } }),
            email: channel('email', { email_address: '${var.security_email}' }),
          },
        }),
      },
    },
    { name: 'plan: a webhook URL without credentials', input: { plan: plan([{ address: CHANNEL, values: channel('webhook_tokenauth', { url: 'https://hooks.example.com/alerts?channel=security' }) }]) } },
    {
      name: 'plan: pagerduty service key in sensitive_labels',
      input: { plan: plan([{ address: CHANNEL, values: channel('pagerduty', {}, { sensitive_labels: [{ service_key: FAKE_TOKEN }] }), sensitive: { sensitive_labels: [{ service_key: true }] } }]) },
    },
    { name: 'plan: a channel without labels (an email channel written with sensitive_labels only)', input: { plan: plan([{ address: CHANNEL, values: channel('email', null, { sensitive_labels: [] }) }]) } },
    { name: 'plan: a null auth_token label carries nothing', input: { plan: plan([{ address: CHANNEL, values: channel('slack', { channel_name: '#security', auth_token: null }) }]) } },
    { name: 'plan: an empty auth_token label carries nothing', input: { plan: plan([{ address: CHANNEL, values: channel('slack', { channel_name: '#security', auth_token: '' }) }]) } },
    {
      name: 'plan: a label that is not a URL and does not start with one, known only after apply, is not a URL to judge',
      input: { plan: plan([{ address: CHANNEL, values: channel('email', {}), unknown: { labels: { email_address: true } } }]) },
    },
    { name: 'plan: deleting a channel with a password label is not judged', input: { plan: plan([{ address: CHANNEL, values: channel('webhook_basicauth', { password: FAKE_PASSWORD }), action: 'delete' }]) } },
  ],
  invalid: [
    {
      name: 'fails synth (unknown, baseline before the fix): the webhook URL comes from a variable',
      input: { synth: prefixAlerting },
      errors: [{ messageId: 'url-unknown', address: 'google_monitoring_notification_channel.channels_oncall-webhook_84A1006E', outcome: 'unknown' }],
    },
    {
      name: 'fails synth: a slack token in labels, even from a variable',
      input: { synth: synth({ google_monitoring_notification_channel: { oncall: channel('slack', { channel_name: '#security', auth_token: '${var.slack_token}' }) } }) },
      errors: [
        {
          messageId: 'credential-label',
          address: CHANNEL,
          path: 'labels.auth_token',
          message: 'Notification channel has a credential in labels.auth_token; move it to sensitive_labels.auth_token.',
        },
      ],
    },
    {
      name: 'fails synth: a URL with userinfo',
      input: { synth: synth({ google_monitoring_notification_channel: { oncall: channel('webhook_tokenauth', { url: 'https://alerts:${var.webhook_password}@hooks.example.com/alerts' }) } }) },
      errors: [
        {
          messageId: 'credential-in-url',
          address: CHANNEL,
          path: 'labels.url',
          message: 'Notification channel labels.url carries a credential (userinfo); anyone who can view the channel can read it.',
        },
      ],
    },
    {
      name: 'fails plan: a plain http URL with a token in a label of any name',
      input: { plan: plan([{ address: CHANNEL, values: channel('webhook_tokenauth', { endpoint: 'http://hooks.example.com/alerts?token=' + FAKE_TOKEN }) }]) },
      errors: [
        {
          messageId: 'credential-in-url',
          address: CHANNEL,
          path: 'labels.endpoint',
          message: 'Notification channel labels.endpoint carries a credential (query parameter token); anyone who can view the channel can read it.',
        },
      ],
    },
    {
      name: 'fails plan: a URL with userinfo and a token parameter names both parts',
      input: { plan: plan([{ address: CHANNEL, values: channel('webhook_tokenauth', { url: 'https://alerts:' + FAKE_PASSWORD + '@hooks.example.com/alerts?token=' + FAKE_TOKEN }) }]) },
      errors: [
        {
          messageId: 'credential-in-url',
          address: CHANNEL,
          path: 'labels.url',
          message: 'Notification channel labels.url carries a credential (userinfo, query parameter token); anyone who can view the channel can read it.',
        },
      ],
    },
    {
      name: 'fails plan: a token query parameter and a password label',
      input: { plan: leakyPlan },
      errors: [
        { messageId: 'credential-in-url', address: CHANNEL },
        { messageId: 'credential-label', address: 'google_monitoring_notification_channel.basic' },
      ],
    },
    {
      name: 'fails plan: a URL Terraform marks sensitive (from a sensitive variable) in a plain label',
      input: { plan: plan([{ address: CHANNEL, values: channel('webhook_tokenauth', { url: 'https://hooks.example.com/T0/B0/x' }), sensitive: { labels: { url: true } } }]) },
      errors: [
        {
          messageId: 'sensitive-value-in-label',
          address: CHANNEL,
          path: 'labels.url',
          message: 'Notification channel labels.url holds a value Terraform marks sensitive; labels are returned in clear by the Monitoring API.',
        },
      ],
    },
    {
      name: 'fails plan (unknown): the URL is known only after apply',
      input: { plan: plan([{ address: CHANNEL, values: channel('webhook_tokenauth', {}), unknown: { labels: { url: true } } }]) },
      errors: [
        { messageId: 'url-unknown', address: CHANNEL, outcome: 'unknown', path: 'labels.url', message: 'Notification channel labels.url is known only after apply; it may carry a credential in clear.' },
      ],
    },
    {
      name: 'fails synth (unknown): all labels from a local',
      input: { synth: synth({ google_monitoring_notification_channel: { oncall: channel('webhook_tokenauth', '${local.oncall_labels}') } }) },
      errors: [{ messageId: 'labels-unknown', address: CHANNEL, outcome: 'unknown', path: 'labels' }],
    },
  ],
});

describe('secrets-in-clear-channel-labels reports', () => {
  const inputs: [string, RuleInput][] = [
    ['plan', { plan: leakyPlan }],
    ['synth', { synth: synth({ google_monitoring_notification_channel: { oncall: channel('webhook_basicauth', { url: `https://alerts:${FAKE_PASSWORD}@hooks.example.com/?key=${FAKE_TOKEN}`, password: FAKE_PASSWORD }) } }) }],
  ];
  describe.each(inputs)('of a %s input with credentials in labels', (_kind, input) => {
    const evaluation = evaluate(modelOf(input), {
      rules: [rule],
      pack: { name: 'all', description: 'secrets in channel labels', rules: [{ rule: rule.meta.id }] },
      params: paramsFromConfig(undefined, RULE_TEST_NOW),
    });

    it('report findings on the channels that hold the credentials', () => {
      expect(evaluation.results.filter((r) => r.outcome === 'finding').length).toBeGreaterThanOrEqual(2);
    });

    test.each(REPORT_FORMATS)('%s holds no credential value, only the label key', (format) => {
      const report = render(format, evaluation, { gate: DEFAULT_GATE, catalogue: [rule] });
      expect(report).not.toContain(FAKE_TOKEN);
      expect(report).not.toContain(FAKE_PASSWORD);
      expect(report).toContain('labels.');
    });
  });
});

describe('secrets-in-clear-channel-labels on the terraform-validator corpus', () => {
  it('is silent on all 104 plans, among them a real email channel (example_monitoring_notification_channel)', () => {
    const files = planFiles();
    expect(files).toHaveLength(104);
    expect(files.flatMap((file) => runRule(rule, corpusInput(file)).results.map((r) => `${file}: ${r.outcome} ${r.messageId} ${r.address}`))).toEqual([]);
  });
});
