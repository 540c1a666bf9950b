import { TerraformOutput, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { ChannelConfig } from '../../../policies/config/org-config';
import { NotificationChannels } from '../../../constructs/monitoring/notification-channels';

type Json = Record<string, any>;

function synth(channels: ChannelConfig[]): Json {
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

  it('makes a Pub/Sub channel with the topic in labels.topic', () => {
    const out = synth([{ key: 'siem', type: 'pubsub', topic: 'projects/logs-prj/topics/alerts' }]);
    const channel = byDisplayName(out)['baseline siem'];
    expect([channel.type, channel.labels]).toEqual(['pubsub', { topic: 'projects/logs-prj/topics/alerts' }]);
  });

  it('makes a token-auth webhook whose URL is a sensitive variable named as configured, never a literal', () => {
    const out = synth([{ key: 'pager', type: 'webhook', urlVariable: 'pager_url' }]);
    const channel = byDisplayName(out)['baseline pager'];
    expect([channel.type, channel.labels, channel.sensitive_labels]).toEqual([
      'webhook_tokenauth',
      { url: '${var.pager_url}' },
      undefined,
    ]);
    expect(out.variable).toEqual({
      pager_url: {
        type: 'string',
        sensitive: true,
        nullable: false,
        description: 'URL of the "pager" alert webhook, token included. Set TF_VAR_pager_url at apply time; never commit it.',
      },
    });
  });

  it('declares a URL variable once when two webhooks share it', () => {
    const out = synth([
      { key: 'pager-a', type: 'webhook', urlVariable: 'pager_url' },
      { key: 'pager-b', type: 'webhook', urlVariable: 'pager_url' },
    ]);
    expect(Object.keys(out.variable)).toEqual(['pager_url']);
    const channels = byDisplayName(out);
    expect([channels['baseline pager-a'].labels.url, channels['baseline pager-b'].labels.url]).toEqual([
      '${var.pager_url}',
      '${var.pager_url}',
    ]);
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
