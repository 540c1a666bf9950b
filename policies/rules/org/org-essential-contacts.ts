/** CIS GCP 1.17 (1.16 in v4.0): the organization's contacts together cover the required notification categories. */
import { modelRule } from '../../engine/rule';
import { get, type Resource } from '../../engine/model';
import { isOrganizationParent } from '../../gcp/ancestry';
import { surviving } from '../../engine/values';

type MessageId = 'missing-category' | 'contact-unknown';

/** The category that subscribes a contact to every notification. */
const ALL = 'ALL';

/** Categories one contact covers: a known list, or undefined when known only after apply. */
function categoriesOf(contact: Resource): readonly string[] | undefined {
  const list = get<unknown[]>(contact, 'notification_category_subscriptions');
  if (list.state === 'unknown') return undefined;
  if (list.state === 'absent') return [];
  // The loader checks this attribute is an array of strings (attribute-types.ts): a known value is an array.
  const items = list.value;
  // One unknown item could be any category.
  if (items.some((c) => typeof c !== 'string' || c.includes('${'))) return undefined;
  return items as string[];
}

export default modelRule<MessageId>({
  meta: {
    id: 'org-essential-contacts',
    description: 'Name essential contacts at the organization for every required notification category (SECURITY, TECHNICAL, LEGAL, SUSPENSION, or ALL).',
    severity: 'medium',
    category: 'org',
    controls: ['CIS GCP 1.17'],
    messages: {
      'missing-category': 'No essential contact at the organization receives {{category}} notifications.',
      'contact-unknown': 'Essential contact has its parent or categories known only after apply; it may cover {{category}}.',
    },
    help:
      'Google sends security incidents, abuse and suspension notices, and legal notices to essential contacts; without them they go to whoever happens to hold a role. Create `google_essential_contacts_contact` resources with `parent = "organizations/<id>"` whose `notification_category_subscriptions` together cover SECURITY, TECHNICAL, LEGAL and SUSPENSION (or ALL), addressed to monitored group mailboxes.',
  },
  check(context) {
    const { params } = context;
    const covered = new Set<string>();
    const undecided: Resource[] = [];
    for (const contact of surviving(context.model.byType('google_essential_contacts_contact'))) {
      const atOrg = isOrganizationParent(get(contact, 'parent'), params.organizationId);
      const categories = categoriesOf(contact);
      if (atOrg === 'no') continue;
      if (atOrg === 'unknown' || categories === undefined) undecided.push(contact);
      else categories.forEach((c) => covered.add(c));
    }
    if (covered.has(ALL)) return;
    const reported = new Set<string>();
    for (const category of params.requiredContactCategories) {
      if (covered.has(category)) continue;
      if (undecided.length === 0) {
        context.reportMissing('missing-category', { category });
        continue;
      }
      for (const contact of undecided) {
        if (reported.has(contact.id)) continue;
        reported.add(contact.id);
        context.unknown(contact, 'contact-unknown', { category });
      }
    }
  },
});
