import { AuditStack } from '../../stacks/audit-stack';
import { parseConfig } from '../../policies/config/load';
import { addressOf, exampleConfigInput, iamResources, only, ref } from '../constructs/logging/synth-lookup';
import { HIERARCHY_REMOTE_STATE, remoteFolderName, synthWithHierarchy } from './hierarchy-references';

const ALL_THREE = [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE' }];

function synthAudit(input: Record<string, any>) {
  const config = parseConfig(input);
  return synthWithHierarchy(config, (app, hierarchy) => new AuditStack(app, 'audit', { config, folderNames: hierarchy.folderNames }));
}

describe('AuditStack', () => {
  it('configures allServices x3 at the org with no exempted members, and grants nothing (CIS 2.1)', () => {
    // GIVEN the example org (no narrowing) without the IAM change feed WHEN synthesized
    const input = exampleConfigInput();
    delete input.audit.iamChangeFeed;
    const { doc, text } = synthAudit(input);
    // THEN the only resource is the org-level audit config
    expect(doc.resource).toEqual({
      google_organization_iam_audit_config: {
        [Object.keys(doc.resource?.google_organization_iam_audit_config ?? {})[0]]: {
          org_id: '123456789012',
          service: 'allServices',
          audit_log_config: ALL_THREE,
        },
      },
    });
    expect(text).not.toContain('exempted_members');
    expect(iamResources(doc)).toEqual([]);
    // No folder needs a config, so nothing is read from the hierarchy stack.
    expect(doc.data).toBeUndefined();
  });

  it('honours a folder narrowing from config: org lowered, other folders restored, tight projects kept whole', () => {
    // GIVEN the example org with production narrowed to ADMIN_READ + DATA_WRITE (app-prod there is tight)
    const input = exampleConfigInput();
    input.audit.narrowing = [{ folder: 'production', logTypes: ['ADMIN_READ', 'DATA_WRITE'], reason: 'Reads in production are too many to keep.' }];
    // WHEN
    const { doc, hierarchyDoc } = synthAudit(input);
    // THEN the folder configs name the hierarchy stack's folders through its remote state
    const folder = (name: string) => remoteFolderName(hierarchyDoc, name);
    const values = (type: string) => Object.values(doc.resource?.[type] ?? {});
    expect(values('google_organization_iam_audit_config')).toEqual([
      { org_id: '123456789012', service: 'allServices', audit_log_config: [{ log_type: 'ADMIN_READ' }, { log_type: 'DATA_WRITE' }] },
    ]);
    expect(values('google_folder_iam_audit_config')).toEqual([
      { folder: folder('Non-production'), service: 'allServices', audit_log_config: ALL_THREE },
      { folder: folder('Shared'), service: 'allServices', audit_log_config: ALL_THREE },
    ]);
    expect(values('google_project_iam_audit_config')).toEqual([{ project: 'example-app-prd', service: 'allServices', audit_log_config: ALL_THREE }]);
    expect(Object.keys(doc.data ?? {})).toEqual(['terraform_remote_state']);
    expect(Object.keys(doc.data?.terraform_remote_state ?? {})).toEqual([HIERARCHY_REMOTE_STATE]);
  });

  it('fails on a per-service narrowing that allServices would override, naming the config path', () => {
    const input = exampleConfigInput();
    input.audit.narrowing = [{ service: 'bigquery.googleapis.com', logTypes: ['ADMIN_READ'], reason: 'BigQuery reads are too many to keep.' }];
    expect(() => synthAudit(input)).toThrow(
      'audit.narrowing[0].service: cannot narrow "bigquery.googleapis.com" to ADMIN_READ: audit configs are unioned across allServices and per-service entries',
    );
  });

  it('with audit.iamChangeFeed, feeds the organization\'s IAM policy changes to a topic in the logging project', () => {
    // GIVEN the example org, which asks for the feed WHEN synthesized
    const { doc } = synthAudit(exampleConfigInput());
    // THEN the feed (constructs/audit/iam-change-feed.ts) is wired to the config: organization, logging project, topic
    const feed = only(doc, 'google_cloud_asset_organization_feed');
    expect([feed.org_id, feed.billing_project, feed.feed_id]).toEqual(['123456789012', 'example-logging-prd', 'baseline-iam-changes']);
    expect(only(doc, 'google_pubsub_topic').name).toBe('iam-changes-to-siem');
    // AND the stack's one grant is the feed's: publisher for the logging project's Cloud Asset service agent
    expect(iamResources(doc).map((r) => [r.type, r.values.role, r.values.member])).toEqual([
      ['google_pubsub_topic_iam_member', 'roles/pubsub.publisher', `serviceAccount:${ref(addressOf(doc, 'google_project_service_identity'), 'email')}`],
    ]);
  });
});
