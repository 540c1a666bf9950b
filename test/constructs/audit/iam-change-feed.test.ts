import { IAM_FEED_ASSET_TYPES, IamChangeFeed } from '../../../constructs/audit/iam-change-feed';
import { addressOf, iamResources, only, ref, synthScope } from '../logging/synth-lookup';

const PROPS = { organizationId: '123456789012', project: 'example-logging-prd', topicName: 'iam-changes-to-siem' };

describe('IamChangeFeed', () => {
  it('feeds the IAM policies of the hierarchy and granted resources to its own topic', () => {
    // GIVEN an organization and a project WHEN synthesized
    const { doc } = synthScope((scope) => new IamChangeFeed(scope, 'Feed', PROPS));
    // THEN the feed watches IAM policies (not resources) of the listed asset types, published to the new topic
    const topic = addressOf(doc, 'google_pubsub_topic');
    expect(only(doc, 'google_pubsub_topic')).toMatchObject({ project: 'example-logging-prd', name: 'iam-changes-to-siem' });
    expect(only(doc, 'google_cloud_asset_organization_feed')).toMatchObject({
      billing_project: 'example-logging-prd',
      org_id: '123456789012',
      feed_id: 'baseline-iam-changes',
      content_type: 'IAM_POLICY',
      asset_types: [...IAM_FEED_ASSET_TYPES],
      feed_output_config: { pubsub_destination: { topic: ref(topic, 'id') } },
    });
  });

  it('grants exactly one role: publisher on its topic, to the Cloud Asset service agent of the billing project, before the feed exists', () => {
    // GIVEN the feed WHEN synthesized
    const { doc } = synthScope((scope) => new IamChangeFeed(scope, 'Feed', PROPS));
    const agent = addressOf(doc, 'google_project_service_identity');
    // THEN the agent is minted in the billing project for cloudasset.googleapis.com
    expect(only(doc, 'google_project_service_identity')).toMatchObject({ project: 'example-logging-prd', service: 'cloudasset.googleapis.com' });
    // AND it alone gets roles/pubsub.publisher, on the feed's topic only
    expect(iamResources(doc)).toEqual([
      {
        type: 'google_pubsub_topic_iam_member',
        values: expect.objectContaining({
          project: 'example-logging-prd',
          topic: ref(addressOf(doc, 'google_pubsub_topic'), 'name'),
          role: 'roles/pubsub.publisher',
          member: `serviceAccount:${ref(agent, 'email')}`,
        }),
      },
    ]);
    // AND the feed waits for that grant (the API checks at creation that the agent may publish)
    expect(only(doc, 'google_cloud_asset_organization_feed').depends_on).toEqual([addressOf(doc, 'google_pubsub_topic_iam_member')]);
  });

  it('fails on an empty list of asset types', () => {
    expect(() => synthScope((scope) => new IamChangeFeed(scope, 'Feed', { ...PROPS, assetTypes: [] }))).toThrow('assetTypes must name at least one asset type, got none');
  });
});
