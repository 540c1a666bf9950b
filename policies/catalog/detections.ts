/**
 * The threats a security baseline is expected to detect, and how a log metric's filter shows that it
 * counts one. Pure data: the reviewer's detection table has one row per threat, covered or not.
 * The CIS rows match the benchmark's filters exactly; the others match on the calls or fields that
 * define the event (any filter naming them counts the event).
 */
import { CIS_LOG_METRICS } from './cis-log-metrics';

/** How an alert condition counts: per account (grouped by a label) or summed over the organization. */
export type Grouping = 'per-account' | 'overall';

export interface DetectionThreat {
  readonly id: string;
  readonly title: string;
  /** The CIS GCP v5.0 number, when a benchmark control asks for it. */
  readonly cis?: string;
  /** Filters that count the event exactly (after normalisation). */
  readonly filters?: readonly string[];
  /** `failed-sign-ins`: the filter is the policy's failed sign-in filter (`failedLoginFilter`). */
  readonly filterParam?: 'failedLoginFilter';
  /** Text every one of which a filter must contain (any alternative list that matches wholly counts). */
  readonly containsAny?: readonly (readonly string[])[];
  /** For failed sign-ins: whether the alert groups by account or sums over the organization. */
  readonly grouping?: Grouping;
}

export const DETECTION_THREATS: readonly DetectionThreat[] = [
  ...CIS_LOG_METRICS.map((c) => ({ id: `cis-${c.cis}`, title: `CIS ${c.cis}: ${c.event}`, cis: c.cis, filters: c.filters })),
  { id: 'failed-sign-ins-per-account', title: 'Failed sign-ins on one account', filterParam: 'failedLoginFilter', grouping: 'per-account' },
  { id: 'failed-sign-ins-overall', title: 'Failed sign-ins across the organization', filterParam: 'failedLoginFilter', grouping: 'overall' },
  { id: 'canary-access', title: 'Canary secret accessed', containsAny: [['secretmanager.googleapis.com', 'protoPayload.resourceName']] },
  {
    id: 'key-creation',
    title: 'Service account key created',
    containsAny: [['google.iam.admin.v1.CreateServiceAccountKey'], ['google.iam.admin.v1.UploadServiceAccountKey']],
  },
  {
    id: 'break-glass-use',
    title: 'Break-glass access granted or used',
    containsAny: [['protoPayload.serviceData.policyDelta.bindingDeltas.member', 'protoPayload.authenticationInfo.principalEmail']],
  },
  {
    id: 'logging-tampering',
    title: 'Log sinks, buckets or exclusions changed',
    containsAny: [['google.logging.v2.ConfigServiceV2.DeleteSink'], ['google.logging.v2.ConfigServiceV2.UpdateSink']],
  },
  {
    id: 'org-policy-changes',
    title: 'Organization policy changed',
    containsAny: [['google.cloud.orgpolicy.v2.OrgPolicy.UpdatePolicy'], ['SetOrgPolicy']],
  },
];
