/**
 * Essential contacts at the organization: who Google tells about security incidents, technical
 * problems, legal matters and suspensions. CIS GCP 1.17 wants all four covered (or ALL).
 */
import { Construct } from 'constructs';
import { EssentialContactsContact } from '@cdktf/provider-google/lib/essential-contacts-contact';
import { idFragment } from '../iam/principals';

/** Categories that must be covered unless some contact subscribes to ALL. */
export const REQUIRED_CONTACT_CATEGORIES: readonly string[] = ['SECURITY', 'TECHNICAL', 'LEGAL', 'SUSPENSION'];

export interface ContactSpec {
  /** Address notifications go to (a group mailbox, not a person). */
  readonly email: string;
  /** Notification categories, e.g. SECURITY, or ALL. */
  readonly categories: readonly string[];
  /**
   * Language of the notifications.
   * @default 'en'
   */
  readonly language?: string;
}

export interface EssentialContactsProps {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** The contacts; together they must cover every required category. */
  readonly contacts: readonly ContactSpec[];
  /**
   * Categories that must be covered.
   * @default REQUIRED_CONTACT_CATEGORIES (SECURITY, TECHNICAL, LEGAL, SUSPENSION)
   */
  readonly requiredCategories?: readonly string[];
}

export class EssentialContacts extends Construct {
  /** One resource per contact, in input order. */
  readonly contacts: readonly EssentialContactsContact[];

  constructor(scope: Construct, id: string, props: EssentialContactsProps) {
    super(scope, id);
    const covered = new Set(props.contacts.flatMap((c) => c.categories));
    const missing = (props.requiredCategories ?? REQUIRED_CONTACT_CATEGORIES).filter((c) => !covered.has(c));
    if (!covered.has('ALL') && missing.length > 0) {
      throw new Error(
        `essential contacts must cover ${missing.join(', ')} (or ALL), got ${[...covered].join(', ') || 'no categories'}`,
      );
    }
    const emails = new Set<string>();
    this.contacts = props.contacts.map((contact) => {
      if (emails.has(contact.email)) throw new Error(`essential contact ${contact.email} is listed twice; merge its categories`);
      emails.add(contact.email);
      return new EssentialContactsContact(this, `Contact-${idFragment(contact.email)}`, {
        parent: `organizations/${props.organizationId}`,
        email: contact.email,
        languageTag: contact.language ?? 'en',
        notificationCategorySubscriptions: [...contact.categories],
      });
    });
  }
}
