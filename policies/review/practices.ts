/**
 * The public security-practices page (SOC 3 style): what the baseline logs and keeps, how it protects
 * logs, grants access, keeps secrets and watches for threats, in words a customer reads. Written from the
 * review's facts, and only from their numbers and kinds: no principal, project, key, domain or address
 * appears (test/policies/review/practices.test.ts holds it to that on the example org).
 */
import { heading, list, paragraph, type Block, type Document, type Spans } from './document';
import type { DestinationFact, Review } from './facts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function years(daysKept: number): string {
  return daysKept >= 365 ? `${daysKept} days (about ${Math.round((daysKept / 365) * 10) / 10} years)` : `${daysKept} days`;
}

const KIND_TEXT: Readonly<Record<DestinationFact['kind'], string>> = {
  'logging-bucket': 'a central log store',
  'storage-bucket': 'an archive',
  'pubsub-topic': 'a stream to our security monitoring',
  'bigquery-dataset': 'an analytics dataset',
  unknown: 'a destination',
};

function destinationLine(d: DestinationFact): Spans {
  const parts = [KIND_TEXT[d.kind]];
  if (d.retentionDays !== undefined && d.kind !== 'pubsub-topic') parts.push(`kept for ${years(d.retentionDays)}`);
  if (d.storageClass === 'ARCHIVE' || d.storageClass === 'COLDLINE') parts.push('in cold storage');
  if (d.locked === true) parts.push('under a retention lock that nobody, including administrators, can shorten');
  if (d.cmek === true) parts.push('encrypted with keys we manage');
  return [parts.join(', ')];
}

function logging(review: Review): Block[] {
  const r = review.routing;
  const routed = r.projects.length - r.unrouted.length;
  const keepsAll = r.sinks.length > 0 && r.sinks.some((s) => s.audit === 'keeps every audit log' && s.includeChildren === true);
  const orgLevel = r.sinks.filter((s) => s.level === 'organization').length;
  const locked = r.destinations.filter((d) => d.locked === true).length;
  const lockable = r.destinations.filter((d) => d.locked !== undefined).length;
  const cmek = r.destinations.filter((d) => d.cmek === true).length;
  return [
    heading(2, 'What we log and how long we keep it'),
    paragraph(
      keepsAll
        ? 'Every administrative action, data access, system event and policy decision recorded by Google Cloud audit logging is collected'
        : 'Audit logs are collected',
      ` from ${routed} of ${plural(r.projects.length, 'project')}`,
      orgLevel > 0 ? ', by organization-wide log routing that also covers every project created later.' : '.',
    ),
    list(r.destinations.map(destinationLine)),
    heading(2, 'How logs are protected'),
    list([
      [locked === lockable && lockable > 0 ? 'Retention locks are applied to every log store: records cannot be deleted or shortened before their retention ends.' : `Retention locks: ${locked} of ${lockable} log stores are locked; the others are locked once their first deployment is verified.`],
      [`${cmek} of ${plural(r.destinations.length, 'log destination')} are encrypted with customer-managed encryption keys${review.posture.keyRotationDays !== undefined ? `, rotated at least every ${review.posture.keyRotationDays} days` : ''}.`],
      [r.dedicatedProject ? 'Logs are stored in a dedicated logging environment, separate from the systems that produce them and from our secrets.' : 'Logs are stored apart from the systems that produce them.'],
      [review.detection.some((d) => d.threat === 'logging-tampering' && d.status === 'covered') ? 'Any change to log routing, storage or audit configuration raises an alert to the security team.' : 'Changes to logging configuration are reviewed before they are applied.'],
    ]),
  ];
}

function access(review: Review): Block[] {
  const humans = review.access.filter((p) => p.kind === 'user').length;
  const publicPrincipals = review.access.filter((p) => p.highlights.includes('public')).length;
  const groups = review.access.filter((p) => p.kind === 'group').length;
  const privileged = review.access.flatMap((p) => p.grants.filter((g) => g.privileged && (g.scope.level === 'organization' || g.scope.level === 'folder')));
  const expiring = privileged.filter((g) => g.condition?.expires !== undefined).length;
  const rules = review.posture.rules;
  const noKeys = rules['iam-no-sa-keys'] === 'pass' || rules['iam-no-sa-keys'] === 'not-applicable';
  return [
    heading(2, 'How access is granted'),
    list([
      [humans === 0 ? `People receive access only through ${plural(groups, 'managed group')}, never as individual accounts.` : `People receive access through groups; ${plural(humans, 'individual account')} hold access as documented exceptions.`],
      [publicPrincipals === 0 ? 'Nothing is shared publicly or with all authenticated users.' : `${plural(publicPrincipals, 'grant')} make resources public.`],
      [noKeys ? 'Service accounts use no downloadable keys' : 'Service account keys are restricted', rules['orgpolicy-required-constraints'] === 'pass' ? '; organization policy forbids creating or uploading them.' : '.'],
      [
        privileged.length === 0
          ? 'No standing administrator access is granted at the organization or folder level.'
          : `${expiring} of ${plural(privileged.length, 'privileged organization or folder grant')} ${expiring === 1 ? 'expires' : 'expire'} automatically (emergency "break-glass" access)${expiring === privileged.length ? '' : '; the others are reviewed'}.`,
      ],
      [rules['iam-no-basic-roles'] === 'pass' ? 'Broad basic roles (owner, editor, viewer) are not used; roles are granted for one purpose each.' : 'Roles are granted for one purpose each where possible.'],
    ]),
  ];
}

function secrets(review: Review): Block[] {
  const s = review.secrets;
  if (s.length === 0) return [];
  const cmek = s.filter((x) => x.cmek === true).length;
  const rotations = s.map((x) => x.rotationDays);
  const rotated = rotations.filter((d): d is number => d !== undefined);
  const inherited = s.filter((x) => x.readers.some((r) => r.via !== 'direct')).length;
  const regions = new Set(s.flatMap((x) => (x.replication.startsWith('user-managed: ') ? x.replication.slice('user-managed: '.length).split(', ') : [])));
  return [
    heading(2, 'How secrets are stored and rotated'),
    list([
      [`Credentials are kept in a managed secret store${regions.size > 0 ? `, replicated across ${plural(regions.size, 'region')}` : ''}, never in code or configuration.`],
      [`${cmek} of ${plural(s.length, 'secret')} are encrypted with customer-managed keys.`],
      [rotated.length === s.length ? `Every secret is rotated at least every ${Math.max(...rotated)} days.` : `${rotated.length} of ${plural(s.length, 'secret')} have a rotation schedule.`],
      [inherited === 0 ? 'Each secret can be read only by the workloads granted access to that one secret.' : `${plural(inherited, 'secret')} can also be read through broader grants, which are reviewed.`],
      ...(review.detection.some((d) => d.threat === 'canary-access' && d.status === 'covered') ? [['A decoy secret that nothing uses raises an alert if anyone touches it.'] as Spans] : []),
    ]),
  ];
}

function monitoring(review: Review): Block[] {
  const covered = review.detection.filter((d) => d.status === 'covered');
  // `webhook_basicauth` -> `webhook`: the kind of channel, never its address.
  const channelKinds = [...new Set(covered.flatMap((d) => d.channelTypes.map((t) => t.replace(/_.*$/, ''))))].sort();
  return [
    heading(2, 'What we monitor'),
    paragraph(
      `${covered.length} of ${plural(review.detection.length, 'monitored threat')} raise an alert to the security team`,
      channelKinds.length > 0 ? ` (by ${channelKinds.join(' and ')})` : '',
      ':',
    ),
    list(covered.map((d) => [d.title.replace(/^CIS [\d.]+: /, '')])),
  ];
}

export function practicesDocument(review: Review): Document {
  return {
    title: 'Security practices',
    blocks: [
      heading(1, 'Security practices'),
      paragraph('This page describes how our Google Cloud organization is secured. It is generated from the same configuration that deploys it, and checked against the CIS Google Cloud Foundations Benchmark before every change.'),
      ...logging(review),
      ...access(review),
      ...secrets(review),
      ...monitoring(review),
    ],
  };
}
