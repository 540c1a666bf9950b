import { TerraformOutput, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { NotificationChannels, type ChannelSpec } from '../../../constructs/monitoring/notification-channels';

type Json = Record<string, any>;

function synth(channels: ChannelSpec[]): Json {
  return JSON.parse(
    Testing.synthScope((scope: Construct) => new NotificationChannels(scope, 'channels', { project: 'logs-prj', channels })),
  );
}

function byDisplayName(out: Json): Record<string, Json> {
  return Object.fromEntries(
    Object.values(out.resource.google_monitoring_notification_channel as Record<string, Json>).map((c) => [c.display_name, c]),
  );
}

describe('NotificationChannels', () => {
  it('makes an email channel with the address in labels.email_address', () => {
    // GIVEN / WHEN
    const out = synth([{ key: 'sec-mail', type: 'email', address: 'sec@example.com' }]);
    // THEN
    expect(byDisplayName(out)).toEqual({
      'baseline sec-mail': {
        project: 'logs-prj',
        display_name: 'baseline sec-mail',
        description: 'Security alerts of the gcp-security-baseline (email).',
        enabled: true,
        type: 'email',
        labels: { email_address: 'sec@example.com' },
      },
    });
  });

  it('makes a Pub/Sub channel with the topic in labels.topic, after letting the notification agent publish to it', () => {
    // GIVEN a Pub/Sub channel WHEN synthesized
    const out = synth([{ key: 'siem', type: 'pubsub', topic: 'projects/logs-prj/topics/alerts' }]);
    const channel = byDisplayName(out)['baseline siem'];
    expect([channel.type, channel.labels]).toEqual(['pubsub', { topic: 'projects/logs-prj/topics/alerts' }]);
    // THEN the Monitoring notification agent of the channels' project may publish to exactly that topic
    const project = Object.keys(out.data.google_project)[0];
    const grants = Object.entries(out.resource.google_pubsub_topic_iam_member as Record<string, Json>);
    expect(grants.map(([, g]) => g)).toEqual([
      {
        project: 'logs-prj',
        topic: 'alerts',
        role: 'roles/pubsub.publisher',
        member: `serviceAccount:service-\${data.google_project.${project}.number}@gcp-sa-monitoring-notification.iam.gserviceaccount.com`,
      },
    ]);
    expect(out.data.google_project[project].project_id).toBe('logs-prj');
    expect(channel.depends_on).toEqual([`google_pubsub_topic_iam_member.${grants[0][0]}`]);
  });

  it('makes a basic-auth webhook: URL and user in labels, the password a sensitive label from a sensitive variable', () => {
    const out = synth([{ key: 'pager', type: 'webhook', url: 'https://pager.example.com/hook', username: 'gcp', passwordVariable: 'pager_password' }]);
    const channel = byDisplayName(out)['baseline pager'];
    expect([channel.type, channel.labels, channel.sensitive_labels]).toEqual([
      'webhook_basicauth',
      { url: 'https://pager.example.com/hook', username: 'gcp' },
      { password: '${var.pager_password}' },
    ]);
    expect(out.variable).toEqual({
      pager_password: {
        type: 'string',
        sensitive: true,
        nullable: false,
        description: 'Basic-auth password of the "pager" alert webhook. Set TF_VAR_pager_password at apply time; never commit it.',
      },
    });
  });

  it('declares a password variable once when two webhooks share it', () => {
    const out = synth([
      { key: 'pager-a', type: 'webhook', url: 'https://a.example.com/', username: 'gcp', passwordVariable: 'pager_password' },
      { key: 'pager-b', type: 'webhook', url: 'https://b.example.com/', username: 'gcp', passwordVariable: 'pager_password' },
    ]);
    expect(Object.keys(out.variable)).toEqual(['pager_password']);
  });

  it('refers to an existing channel by name and makes nothing for it', () => {
    const out = JSON.parse(
      Testing.synthScope((scope: Construct) => {
        const channels = new NotificationChannels(scope, 'channels', {
          project: 'logs-prj',
          channels: [{ key: 'oncall', type: 'existing', name: 'projects/logs-prj/notificationChannels/123' }],
        });
        new TerraformOutput(scope, 'names', { value: channels.names });
      }),
    );
    expect(out.resource).toBeUndefined();
    expect(out.output.names.value).toEqual(['projects/logs-prj/notificationChannels/123']);
  });

  it('fails on a webhook URL that carries a credential', () => {
    expect(() => synth([{ key: 'pager', type: 'webhook', url: 'https://h.example.com/x?token=abc', username: 'u', passwordVariable: 'p' }])).toThrow(
      'NotificationChannels: webhook "pager" url must carry no credential (no user info, query or fragment), got one',
    );
  });

  it('lists every channel name in config order for alert policies', () => {
    const out = JSON.parse(
      Testing.synthScope((scope: Construct) => {
        const channels = new NotificationChannels(scope, 'channels', {
          project: 'logs-prj',
          channels: [
            { key: 'zz-mail', type: 'email', address: 'z@example.com' },
            { key: 'aa-mail', type: 'email', address: 'a@example.com' },
          ],
        });
        // An output resolves the names the way an alert policy's notification_channels would.
        new TerraformOutput(scope, 'names', { value: channels.names });
      }),
    );
    const keyOf = (display: string) =>
      Object.entries(out.resource.google_monitoring_notification_channel as Record<string, Json>).find(
        ([, c]) => c.display_name === display,
      )![0];
    expect(out.output.names.value).toEqual([
      `\${google_monitoring_notification_channel.${keyOf('baseline zz-mail')}.name}`,
      `\${google_monitoring_notification_channel.${keyOf('baseline aa-mail')}.name}`,
    ]);
  });

  it('fails without any channel', () => {
    expect(() => synth([])).toThrow('NotificationChannels: channels must name at least one channel, got none');
  });

  it('fails on a duplicate channel key', () => {
    expect(() =>
      synth([
        { key: 'mail', type: 'email', address: 'a@example.com' },
        { key: 'mail', type: 'email', address: 'b@example.com' },
      ]),
    ).toThrow('NotificationChannels: channel keys must be unique, got duplicate "mail"');
  });
});
