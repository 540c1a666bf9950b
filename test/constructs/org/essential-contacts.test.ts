import { EssentialContacts } from '../../../constructs/org/essential-contacts';
import { resourcesOf, synthScope } from '../iam/synth-json';

const ORG = '111222333444';

describe('EssentialContacts', () => {
  it('creates one org-level contact per entry with its categories and language', () => {
    const contacts = [
      { email: 'security@example.com', categories: ['SECURITY', 'TECHNICAL'] },
      { email: 'legal@example.com', categories: ['LEGAL', 'SUSPENSION', 'BILLING'], language: 'de' },
    ];
    const { doc } = synthScope((scope) => new EssentialContacts(scope, 'contacts', { organizationId: ORG, contacts }));
    expect(resourcesOf(doc, 'google_essential_contacts_contact')).toEqual([
      {
        parent: 'organizations/111222333444',
        email: 'legal@example.com',
        language_tag: 'de',
        notification_category_subscriptions: ['LEGAL', 'SUSPENSION', 'BILLING'],
      },
      {
        parent: 'organizations/111222333444',
        email: 'security@example.com',
        language_tag: 'en',
        notification_category_subscriptions: ['SECURITY', 'TECHNICAL'],
      },
    ]);
  });

  it('accepts ALL in place of the four required categories', () => {
    const { doc } = synthScope(
      (scope) => new EssentialContacts(scope, 'contacts', { organizationId: ORG, contacts: [{ email: 'ops@example.com', categories: ['ALL'] }] }),
    );
    expect(resourcesOf(doc, 'google_essential_contacts_contact').map((c) => c.notification_category_subscriptions)).toEqual([['ALL']]);
  });

  it('fails when a required category is missing, naming it', () => {
    const contacts = [{ email: 'security@example.com', categories: ['SECURITY', 'TECHNICAL', 'LEGAL'] }];
    expect(() => synthScope((scope) => new EssentialContacts(scope, 'contacts', { organizationId: ORG, contacts }))).toThrow(
      'essential contacts must cover SUSPENSION (or ALL), got SECURITY, TECHNICAL, LEGAL',
    );
  });

  it('fails when the same address is listed twice', () => {
    const contacts = [
      { email: 'ops@example.com', categories: ['ALL'] },
      { email: 'ops@example.com', categories: ['BILLING'] },
    ];
    expect(() => synthScope((scope) => new EssentialContacts(scope, 'contacts', { organizationId: ORG, contacts }))).toThrow(
      'essential contact ops@example.com is listed twice; merge its categories',
    );
  });
});
