import { RotationTopic } from '../../../constructs/secrets/rotation-topic';
import { ServiceIdentity } from '../../../constructs/secrets/service-identity';
import { grantLines, resourcesOf, synthScope } from '../iam/synth-json';

describe('RotationTopic', () => {
  it('lets only the Secret Manager agent publish, on the topic only', () => {
    // GIVEN the secrets project's Secret Manager agent WHEN a rotation topic is made for it
    const { doc } = synthScope((scope) => {
      const agent = new ServiceIdentity(scope, 'agent', { project: 'secrets-project-01', service: 'secretmanager.googleapis.com' });
      new RotationTopic(scope, 'rotation', { project: 'secrets-project-01', publisher: agent.member });
    });
    // THEN one topic and exactly one grant: publisher on that topic to the agent
    expect(resourcesOf(doc, 'google_pubsub_topic')).toEqual([{ project: 'secrets-project-01', name: 'secret-rotation' }]);
    expect(grantLines(doc)).toEqual([
      '[topic secrets-project-01/secret-rotation] | roles/pubsub.publisher | serviceAccount:[service agent of secretmanager.googleapis.com in secrets-project-01]',
    ]);
  });
});

describe('ServiceIdentity', () => {
  it('synthesizes google_project_service_identity on a google-beta provider declared once per stack', () => {
    const { doc } = synthScope((scope) => {
      new ServiceIdentity(scope, 'a', { project: 'p-one-01', service: 'secretmanager.googleapis.com' });
      new ServiceIdentity(scope, 'b', { project: 'p-two-02', service: 'secretmanager.googleapis.com' });
    });
    expect(doc.resource?.google_project_service_identity).toEqual({
      a: { project: 'p-one-01', service: 'secretmanager.googleapis.com', provider: 'google-beta' },
      b: { project: 'p-two-02', service: 'secretmanager.googleapis.com', provider: 'google-beta' },
    });
    expect(doc.provider?.['google-beta']).toEqual([{}]);
    expect((doc.terraform?.required_providers as Record<string, unknown>)['google-beta']).toEqual({
      source: 'hashicorp/google-beta',
      version: '6.50.0',
    });
  });
});
