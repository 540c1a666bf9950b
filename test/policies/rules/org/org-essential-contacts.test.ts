import rule from '../../../../policies/rules/org/org-essential-contacts';
import { plan, runRule, runRuleTests, synth } from '../../../../policies/testing/rule-tester';

const RULE = 'org-essential-contacts';
const ORG_ID = '123456789012';
const ORG = `organizations/${ORG_ID}`;
const contact = (categories: unknown, parent: unknown = ORG, email = 'gcp-security@example.com') => ({ parent, email, language_tag: 'en', notification_category_subscriptions: categories });
const FOUR = ['SECURITY', 'TECHNICAL', 'LEGAL', 'SUSPENSION'];
const missing = (...categories: string[]) => categories.map(() => ({ messageId: 'missing-category', address: RULE }));

runRuleTests(rule, {
  valid: [
    { name: 'synth: one contact with the four categories', input: { synth: synth({ google_essential_contacts_contact: { security: contact(FOUR) } }) }, params: { organizationId: ORG_ID } },
    {
      name: 'plan: two contacts that together cover the four',
      input: {
        plan: plan([
          { address: 'google_essential_contacts_contact.security', values: contact(['SECURITY', 'TECHNICAL']) },
          { address: 'google_essential_contacts_contact.legal', values: contact(['LEGAL', 'SUSPENSION', 'BILLING'], ORG, 'legal@example.com') },
        ]),
      },
    },
    { name: 'plan: ALL covers every category', input: { plan: plan([{ address: 'google_essential_contacts_contact.all', values: contact(['ALL']) }]) } },
  ],
  invalid: [
    { name: 'fails plan: no contacts', input: { plan: plan([]) }, errors: missing('LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL') },
    {
      name: 'fails synth: only SECURITY at the org; TECHNICAL on a project does not count',
      input: {
        synth: synth({
          google_essential_contacts_contact: { security: contact(['SECURITY']), project_tech: contact(['TECHNICAL'], 'projects/example-app-prd') },
        }),
      },
      errors: missing('LEGAL', 'SUSPENSION', 'TECHNICAL'),
    },
    {
      name: 'fails plan: a contact at another organization than the configured one',
      input: { plan: plan([{ address: 'google_essential_contacts_contact.other', values: contact(['ALL'], 'organizations/999999999') }]) },
      params: { organizationId: ORG_ID },
      errors: missing('LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL'),
    },
    {
      name: 'fails plan: the only ALL contact is being deleted',
      input: { plan: plan([{ address: 'google_essential_contacts_contact.all', values: contact(['ALL']), action: 'delete' }]) },
      errors: missing('LEGAL', 'SECURITY', 'SUSPENSION', 'TECHNICAL'),
    },
    {
      name: 'fails synth (unknown): categories from a variable',
      input: { synth: synth({ google_essential_contacts_contact: { security: contact('${var.categories}') } }) },
      errors: [{ messageId: 'contact-unknown', address: 'google_essential_contacts_contact.security', outcome: 'unknown' }],
    },
    {
      name: 'fails synth (unknown): one category of the list from a variable may be any of the missing ones',
      input: { synth: synth({ google_essential_contacts_contact: { security: contact(['SECURITY', 'TECHNICAL', 'LEGAL', '${var.fourth}']) } }) },
      errors: [{ messageId: 'contact-unknown', address: 'google_essential_contacts_contact.security', outcome: 'unknown' }],
    },
    {
      name: 'fails plan (unknown): parent known only after apply with a configured organization',
      input: {
        plan: plan([{ address: 'google_essential_contacts_contact.security', values: contact(FOUR, null), unknown: { parent: true } }]),
      },
      params: { organizationId: ORG_ID },
      errors: [{ messageId: 'contact-unknown', address: 'google_essential_contacts_contact.security', outcome: 'unknown' }],
    },
  ],
});

describe('org-essential-contacts report data', () => {
  it('fails naming each missing category', () => {
    const { results } = runRule(rule, { plan: plan([{ address: 'google_essential_contacts_contact.security', values: contact(['SECURITY', 'TECHNICAL', 'LEGAL']) }]) });
    expect(results.map((r) => r.message)).toEqual(['No essential contact at the organization receives SUSPENSION notifications.']);
  });

  it('fails on the configured categories, not the defaults', () => {
    const { results } = runRule(rule, { plan: plan([{ address: 'google_essential_contacts_contact.security', values: contact(['SECURITY']) }]) }, { requiredContactCategories: ['SECURITY', 'BILLING'] });
    expect(results.map((r) => r.message)).toEqual(['No essential contact at the organization receives BILLING notifications.']);
  });
});
