/**
 * The CIS GCP log-metric filters (v5.0 2.5-2.12; v4.0 2.4-2.11), exactly as the benchmark gives them
 * (test/fixtures/reference/cis-gcp-logging-controls.md). Pure data, the one copy: the alerting constructs
 * build their metrics from it and the alerting rules judge metrics against it. Do not reformat the
 * strings: auditors diff them.
 */
export interface CisLogMetricControl {
  /** The CIS GCP v5.0 recommendation number. */
  readonly cis: string;
  /** The same recommendation's number in CIS GCP v4.0 / v3.0. */
  readonly cisV4: string;
  /** What the metric counts, for messages. */
  readonly event: string;
  /** Filters that satisfy the control: the current benchmark's first, then earlier versions still accepted. */
  readonly filters: readonly string[];
}

const CUSTOM_ROLE_METHODS_V4 =
  'protoPayload.methodName="google.iam.admin.v1.CreateRole" OR protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR protoPayload.methodName="google.iam.admin.v1.UpdateRole"';

export const CIS_LOG_METRICS: readonly CisLogMetricControl[] = [
  {
    cis: '2.5',
    cisV4: '2.4',
    event: 'project ownership assignments/changes',
    filters: [
      '(protoPayload.serviceName="cloudresourcemanager.googleapis.com") AND (ProjectOwnership OR projectOwnerInvitee) OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="REMOVE" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner") OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")',
    ],
  },
  {
    cis: '2.6',
    cisV4: '2.5',
    event: 'audit configuration changes',
    filters: ['protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*'],
  },
  {
    cis: '2.7',
    cisV4: '2.6',
    event: 'custom role changes',
    // v5.0 adds UndeleteRole; the v4.0 filter (without it) is still accepted so existing metrics keep passing.
    filters: [
      `resource.type="iam_role" AND (${CUSTOM_ROLE_METHODS_V4} OR protoPayload.methodName="google.iam.admin.v1.UndeleteRole")`,
      `resource.type="iam_role" AND (${CUSTOM_ROLE_METHODS_V4})`,
    ],
  },
  {
    cis: '2.8',
    cisV4: '2.7',
    event: 'VPC firewall rule changes',
    filters: [
      'resource.type="gce_firewall_rule" AND (protoPayload.methodName:"compute.firewalls.patch" OR protoPayload.methodName:"compute.firewalls.insert" OR protoPayload.methodName:"compute.firewalls.delete")',
    ],
  },
  {
    cis: '2.9',
    cisV4: '2.8',
    event: 'VPC route changes',
    filters: [
      'resource.type="gce_route" AND (protoPayload.methodName:"compute.routes.delete" OR protoPayload.methodName:"compute.routes.insert")',
    ],
  },
  {
    cis: '2.10',
    cisV4: '2.9',
    event: 'VPC network changes',
    filters: [
      'resource.type="gce_network" AND (protoPayload.methodName:"compute.networks.insert" OR protoPayload.methodName:"compute.networks.patch" OR protoPayload.methodName:"compute.networks.delete" OR protoPayload.methodName:"compute.networks.removePeering" OR protoPayload.methodName:"compute.networks.addPeering")',
    ],
  },
  {
    cis: '2.11',
    cisV4: '2.10',
    event: 'Cloud Storage IAM permission changes',
    filters: ['resource.type="gcs_bucket" AND protoPayload.methodName="storage.setIamPermissions"'],
  },
  {
    cis: '2.12',
    cisV4: '2.11',
    event: 'Cloud SQL instance configuration changes',
    filters: ['protoPayload.methodName="cloudsql.instances.update"'],
  },
];

/** The current benchmark's filter for a CIS number (v5.0), e.g. `cisFilter('2.5')`. */
export function cisFilter(cis: string): string {
  const control = CIS_LOG_METRICS.find((c) => c.cis === cis);
  if (!control) throw new Error(`no CIS log metric control ${cis}`);
  return control.filters[0];
}
