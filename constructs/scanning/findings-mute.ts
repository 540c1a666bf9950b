/**
 * One Security Command Center mute config at the organization, written only from config: its reason and expiry
 * go into the description as `reason: <reason>; expires: <YYYY-MM-DD>` (a static mute config has no expiry
 * field of its own), where scanning-mute-configs-reasoned reads them back.
 */
import { Construct } from 'constructs';
import { SccV2OrganizationMuteConfig } from '@cdktf/provider-google/lib/scc-v2-organization-mute-config';
import { MIN_REASON_LENGTH } from '../../policies/engine/suppressions';
import { muteDescription } from '../../policies/gcp/scc-findings';

export interface FindingsMuteProps {
  /** Numeric organization id. */
  readonly organizationId: string;
  /** The mute config's id in the organization. */
  readonly muteConfigId: string;
  /** SCC findings filter of the findings to mute. */
  readonly filter: string;
  /** Why these findings are muted (at least MIN_REASON_LENGTH characters). */
  readonly reason: string;
  /** Date (YYYY-MM-DD) from which the mute is reported until deleted or renewed. */
  readonly expires: string;
}

export class FindingsMute extends Construct {
  readonly resource: SccV2OrganizationMuteConfig;

  constructor(scope: Construct, id: string, props: FindingsMuteProps) {
    super(scope, id);
    if (props.reason.trim().length < MIN_REASON_LENGTH) throw new Error(`reason must have at least ${MIN_REASON_LENGTH} characters, got "${props.reason}"`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(props.expires) || Number.isNaN(Date.parse(`${props.expires}T00:00:00Z`))) {
      throw new Error(`expires must be a date YYYY-MM-DD, got "${props.expires}"`);
    }
    if (props.filter.trim() === '') throw new Error('filter must select the findings to mute, got an empty filter (that would mute everything)');
    this.resource = new SccV2OrganizationMuteConfig(this, 'Resource', {
      organization: props.organizationId,
      muteConfigId: props.muteConfigId,
      location: 'global',
      filter: props.filter,
      type: 'STATIC',
      description: muteDescription(props.reason, props.expires),
    });
  }
}
