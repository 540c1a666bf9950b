/** The practices page states what the baseline does, in numbers and kinds, and names nothing internal. */
import { runReview } from '../../../policies/review/write';
import { plan } from '../../../policies/testing';
import { smallOrgPlan, smallOrgPolicy, writeTemp } from './small-org';

test('states retention, lock, CMEK, access and monitoring of a small org without naming any of its identities', async () => {
  const run = await runReview(writeTemp('plan.json', smallOrgPlan()), { configFile: smallOrgPolicy(), now: new Date('2026-11-27T12:00:00Z') });
  const md = run.files['practices.md'];
  expect(md).toContain('- a central log store, kept for 400 days (about 1.1 years), under a retention lock that nobody, including administrators, can shorten, encrypted with keys we manage');
  expect(md).toContain('Retention locks are applied to every log store');
  expect(md).toContain('Logs are stored in a dedicated logging environment, separate from the systems that produce them and from our secrets.');
  expect(md).toContain('People receive access through 4 groups; 2 individual accounts also hold access.');
  expect(md).toContain('1 principal gives public access.');
  expect(md).toContain('1 of 2 privileged organization or folder grants expires automatically');
  expect(md).toContain('1 of 15 monitored threats raise an alert to the security team');
  for (const internal of ['corp.example', 'partner.example', 'shop-prd', 'lab-dev', 'sec-logging', '111111111111', 'shop-assets', 'shop-db-password', 'alice', 'notificationChannels']) {
    expect(md).not.toContain(internal);
    expect(run.files['practices.html']).not.toContain(internal);
  }
});

test('claims nothing the input does not show: no routing, no grants, no alerts are said as such', async () => {
  const run = await runReview(writeTemp('plan.json', plan([{ address: 'google_pubsub_topic.t', values: { name: 't', project: 'p' } }])), { now: new Date('2026-11-27T12:00:00Z') });
  const md = run.files['practices.md'];
  expect(md).toContain("This configuration routes no logs; Google Cloud's default log storage applies.");
  expect(md).toContain('This configuration grants no access.');
  expect(md).toContain('This configuration defines no security alerts.');
  for (const claim of ['Retention lock', 'encrypted', 'dedicated', 'managed group', 'downloadable keys', 'secret store']) expect(md).not.toContain(claim);
});
