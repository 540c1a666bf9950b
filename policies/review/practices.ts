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
  if (d.locked === 'yes') parts.push('under a retention lock that nobody, including administrators, can shorten');
  if (d.cmek === 'yes') parts.push('encrypted with keys we manage');
  return [parts.join(', ')];
}

/** A list when there is something to say, else nothing: the page never states what the input does not show. */
function listOf(items: readonly (Spans | undefined)[]): Block[] {
  const said = items.filter((i): i is Spans => i !== undefined);
  return said.length > 0 ? [list(said)] : [];
}

const covered = (review: Review, threat: string) => review.detection.some((d) => d.threat === threat && d.status === 'covered');

function logging(review: Review): Block[] {
  const r = review.routing;
  if (r.sinks.length === 0) {
    return [heading(2, 'What we log and how long we keep it'), paragraph('This configuration routes no logs; Google Cloud\'s default log storage applies.')];
  }
  const routed = r.projects.length - r.unrouted.length;
  const keepsAll = r.sinks.some((s) => s.audit === 'keeps every audit log' && s.includeChildren === 'yes');
  const orgLevel = r.sinks.some((s) => s.level === 'organization' && s.includeChildren === 'yes');
  const lockable = r.destinations.filter((d) => d.locked !== undefined);
  const locked = lockable.filter((d) => d.locked === 'yes').length;
  const cmek = r.destinations.filter((d) => d.cmek === 'yes').length;
  const rotation = review.posture.keyRotationDays;
  return [
    heading(2, 'What we log and how long we keep it'),
    paragraph(
      keepsAll
        ? 'Every administrative action, data access, system event and policy decision recorded by Google Cloud audit logging is collected'
        : 'Audit logs are collected',
      r.projects.length > 0 ? ` from ${routed} of ${plural(r.projects.length, 'project')}` : '',
      orgLevel ? ', by organization-wide log routing that also covers every project created later.' : '.',
    ),
    ...listOf(r.destinations.map(destinationLine)),
    heading(2, 'How logs are protected'),
    ...listOf([
      lockable.length === 0
        ? undefined
        : locked === lockable.length
          ? ['Retention locks are applied to every log store: records cannot be deleted or shortened before their retention ends.']
          : [`Retention locks: ${locked} of ${plural(lockable.length, 'log store')} locked so far.`],
      cmek > 0 ? [`${cmek} of ${plural(r.destinations.length, 'log destination')} are encrypted with customer-managed encryption keys${rotation !== undefined ? `, rotated at least every ${rotation} days` : ''}.`] : undefined,
      r.dedicatedProject ? ['Logs are stored in a dedicated logging environment, separate from the systems that produce them and from our secrets.'] : undefined,
      covered(review, 'logging-tampering') ? ['Any change to log routing, storage or audit configuration raises an alert to the security team.'] : undefined,
    ]),
  ];
}

function access(review: Review): Block[] {
  if (review.access.length === 0) return [heading(2, 'How access is granted'), paragraph('This configuration grants no access.')];
  const humans = review.access.filter((p) => p.kind === 'user').length;
  const publicPrincipals = review.access.filter((p) => p.highlights.includes('public')).length;
  const groups = review.access.filter((p) => p.kind === 'group').length;
  const privileged = review.access.flatMap((p) => p.grants.filter((g) => g.privileged && (g.scope.level === 'organization' || g.scope.level === 'folder')));
  const expiring = privileged.filter((g) => g.condition?.expires !== undefined).length;
  const rules = review.posture.rules;
  const passed = (rule: string) => rules[rule] === 'pass';
  return [
    heading(2, 'How access is granted'),
    ...listOf([
      humans === 0
        ? groups > 0 ? [`People receive access only through ${plural(groups, 'managed group')}, never as individual accounts.`] : undefined
        : [`People receive access through ${plural(groups, 'group')}; ${plural(humans, 'individual account')} also ${humans === 1 ? 'holds' : 'hold'} access.`],
      publicPrincipals === 0 ? ['Nothing is shared publicly or with all authenticated users.'] : [`${plural(publicPrincipals, 'principal')} ${publicPrincipals === 1 ? 'gives' : 'give'} public access.`],
      review.posture.keyCreationForbidden
        ? ['Service accounts use no downloadable keys: organization policy forbids creating or uploading them.']
        : passed('iam-no-sa-keys')
          ? ['This configuration creates no downloadable service account keys.']
          : undefined,
      privileged.length === 0
        ? ['No standing administrator access is granted at the organization or folder level.']
        : [`${expiring} of ${plural(privileged.length, 'privileged organization or folder grant')} ${expiring === 1 ? 'expires' : 'expire'} automatically (emergency "break-glass" access).`],
      passed('iam-no-basic-roles') ? ['Broad basic roles (owner, editor, viewer) are not used; roles are granted for one purpose each.'] : undefined,
    ]),
  ];
}

function secrets(review: Review): Block[] {
  const s = review.secrets;
  if (s.length === 0) return [];
  const cmek = s.filter((x) => x.cmek === 'yes').length;
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
      [inherited === 0 ? 'Each secret can be read only by the workloads granted access to that one secret.' : `${plural(inherited, 'secret')} can also be read through project, folder or organization grants.`],
      ...(covered(review, 'canary-access') ? [['A decoy secret that nothing uses raises an alert if anyone touches it.'] as Spans] : []),
    ]),
  ];
}

function monitoring(review: Review): Block[] {
  const alerting = review.detection.filter((d) => d.status === 'covered');
  if (alerting.length === 0) return [heading(2, 'What we monitor'), paragraph('This configuration defines no security alerts.')];
  // `webhook_basicauth` -> `webhook`: the kind of channel, never its address.
  const channelKinds = [...new Set(alerting.flatMap((d) => d.channelTypes.map((t) => t.replace(/_.*$/, ''))))].sort();
  return [
    heading(2, 'What we monitor'),
    paragraph(
      `${alerting.length} of ${plural(review.detection.length, 'monitored threat')} raise an alert to the security team`,
      channelKinds.length > 0 ? ` (by ${channelKinds.join(' and ')})` : '',
      ':',
    ),
    list(alerting.map((d) => [d.title.replace(/^CIS [\d.]+: /, '')])),
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
