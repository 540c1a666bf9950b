/**
 * A log view on a log bucket, and `grantViewAccess`: read access to the entries the view shows
 * (`roles/logging.viewAccessor`) granted on the view itself, never on the bucket's project.
 *
 * Data Access audit logs hold request payloads (who read which secret, which row): private logs. Unless
 * `privateLogs` is set, the view's filter always ends in `NOT LOG_ID("cloudaudit.googleapis.com/data_access")`,
 * whatever filter is given. View filters are a logical AND of (negated) SOURCE, resource.type and LOG_ID
 * clauses (logging_log_view.html.markdown, `filter`).
 */
import { Construct } from 'constructs';
import { LoggingLogView } from '@cdktf/provider-google/lib/logging-log-view';
import { LoggingLogViewIamMember } from '@cdktf/provider-google/lib/logging-log-view-iam-member';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { LOG_VIEW_ACCESS_ROLE } from '../../policies/catalog/roles';
import { assertGrantableMember, grantId } from '../iam/principals';

export interface LogViewProps {
  /** The bucket the view reads. */
  readonly bucket: LoggingProjectBucketConfig;
  /** View id, unique in the bucket. */
  readonly viewId: string;
  /**
   * Which entries the view shows (SOURCE / resource.type / LOG_ID clauses, joined with AND).
   * @default '' (every entry in the bucket except Data Access logs)
   */
  readonly filter?: string;
  /**
   * Show Data Access audit logs too. Only for a view read by people allowed to see payloads.
   * @default false
   */
  readonly privateLogs?: boolean;
}

/** The view filter clause that hides Data Access audit logs. */
export const EXCLUDE_DATA_ACCESS = 'NOT LOG_ID("cloudaudit.googleapis.com/data_access")';

export class LogView extends Construct {
  /** The view (construct id `Resource`). */
  readonly view: LoggingLogView;

  constructor(scope: Construct, id: string, props: LogViewProps) {
    super(scope, id);
    const given = (props.filter ?? '').trim();
    if (/\bOR\b/.test(given)) throw new Error(`view ${props.viewId}: filter must be clauses joined with AND (views allow no OR), got "${given}"`);
    const filter = props.privateLogs ? given : [given, EXCLUDE_DATA_ACCESS].filter((c) => c !== '').join(' AND ');
    this.view = new LoggingLogView(this, 'Resource', {
      bucket: props.bucket.id,
      name: props.viewId,
      description: filter === '' ? 'Every entry in the bucket (baseline).' : `Entries matching: ${filter} (baseline).`,
      filter,
    });
  }

  /** Lets `member` read the entries this view shows; returns the binding. */
  grantViewAccess(member: string): LoggingLogViewIamMember {
    assertGrantableMember(member, `read access to view ${this.node.path}`);
    // The view's own parent/location/bucket, as the provider reads them back, address the view.
    return new LoggingLogViewIamMember(this, grantId('View', LOG_VIEW_ACCESS_ROLE, member), {
      parent: this.view.parent,
      location: this.view.location,
      bucket: this.view.bucket,
      name: this.view.name,
      role: LOG_VIEW_ACCESS_ROLE,
      member,
    });
  }
}
