/**
 * The review's log sources: the example org config's declared sources and tight-coupled projects, judged against
 * an input that watches only some of them: covered, an alert that is off, a metric nobody alerts on, nothing.
 */
import { readFileSync } from 'node:fs';
import { EXAMPLE_CONFIG } from '../../../config/example';
import { sourceFilter, projectDeliveryFilter, projectsDeliveryFilter, LOG_PROJECT_EXTRACTOR } from '../../../policies/catalog/log-sources';
import { synth } from '../../../policies/testing';
import { runReview } from '../../../policies/review/write';
import { writeTemp } from './small-org';

const NOW = new Date('2026-11-27T12:00:00Z');

const absenceAlert = (name: string, metric: string, enabled: boolean) => ({
  display_name: name,
  project: 'example-logging-prd',
  combiner: 'OR',
  enabled,
  notification_channels: ['projects/example-logging-prd/notificationChannels/1'],
  conditions: [
    {
      display_name: 'none',
      condition_absent: { filter: `metric.type="logging.googleapis.com/user/${metric}" AND resource.type="logging_bucket"`, duration: '43200s' },
    },
  ],
});

/** Watches workspace (on), GitHub (an alert that is off) and app-prod (a metric without alert); nothing else. */
function partlyWatched(): string {
  return writeTemp(
    'cdk.tf.json',
    synth({
      google_logging_metric: {
        workspace: { name: 'ws', project: 'example-logging-prd', filter: sourceFilter({ name: 'workspace', kind: 'workspace', coupling: 'tight', silenceHours: 12 }) },
        github: {
          name: 'gh',
          project: 'example-logging-prd',
          filter: sourceFilter({ name: 'github-audit', kind: 'github-audit-stream', coupling: 'tight', silenceHours: 6, bucketName: 'example-com-github-audit' }),
        },
        app: { name: 'app', project: 'example-logging-prd', filter: projectDeliveryFilter('example-app-prd') },
      },
      google_monitoring_alert_policy: { workspace: absenceAlert('Workspace silent', 'ws', true), github: absenceAlert('GitHub silent', 'gh', false) },
    }),
  );
}

describe('review: log sources', () => {
  test('lists every declared source and tight-coupled project with its coupling, gaps first', async () => {
    const run = await runReview(partlyWatched(), { configFile: EXAMPLE_CONFIG, now: NOW });
    expect(run.review.logSources.map((s) => [s.name, s.coupling, s.landing, s.silenceHours, s.alert, s.status])).toEqual([
      ['checkout-api', 'tight', 'project example-app-prd', 4, undefined, 'no-metric'],
      ['example-kms-prd', 'tight', 'project example-kms-prd', 12, undefined, 'no-metric'],
      ['example-secrets-prd', 'tight', 'project example-secrets-prd', 12, undefined, 'no-metric'],
      ['example-app-prd', 'tight', 'project example-app-prd', 12, undefined, 'no-alert'],
      ['github-audit', 'tight', 'gs://example-com-github-audit', 6, 'GitHub silent', 'alert-disabled'],
      ['workspace', 'tight', undefined, 12, 'Workspace silent', 'covered'],
    ]);
    const md = run.files['review.md'];
    expect(md).toContain('### Log sources');
    expect(md).toContain('1 of 6 log sources (6 tight-coupled) raise an alert when they fall silent; 5 gaps.');
    expect(md).toContain(
      '| `github-audit` | GitHub audit log stream into a Cloud Storage landing bucket | **⚠ tight** | gs://example-com-github-audit | 6 h | GitHub silent | projects/example-logging-prd/notificationChannels/1 | **⚠ GAP: alert disabled** |',
    );
  });

  test('without an org config there are no declared sources, and no section', async () => {
    const run = await runReview(partlyWatched(), { now: NOW });
    expect(run.review.logSources).toEqual([]);
    expect(run.files['review.md']).not.toContain('### Log sources');
  });
});

describe('review: tight-coupled projects watched in a group', () => {
  /** A metric counting several projects apart by log_project, and its absence alert, grouped by that label or summed. */
  const groupMetric = (name: string, ids: string[]) => ({
    name,
    project: 'example-logging-prd',
    filter: projectsDeliveryFilter(ids),
    label_extractors: { log_project: LOG_PROJECT_EXTRACTOR },
  });
  const groupAlert = (name: string, metric: string, groupBy: string[]) => {
    const alert = absenceAlert(name, metric, true);
    return { ...alert, conditions: [{ ...alert.conditions[0], condition_absent: { ...alert.conditions[0].condition_absent, aggregations: [{ group_by_fields: groupBy }] } }] };
  };

  test('a project counted apart by a grouped absence condition is covered; summed over the group it is a gap', async () => {
    const input = writeTemp(
      'cdk.tf.json',
      synth({
        google_logging_metric: {
          infra: groupMetric('infra', ['example-kms-prd', 'example-secrets-prd']),
          apps: groupMetric('apps', ['example-app-prd', 'example-other-prd']),
        },
        google_monitoring_alert_policy: {
          infra: groupAlert('Infra silent', 'infra', ['metric.label.log_project']),
          // Summed: the series goes silent only when both projects do, so neither is noticed alone.
          apps: groupAlert('Apps silent', 'apps', []),
        },
      }),
    );
    const run = await runReview(input, { configFile: EXAMPLE_CONFIG, now: NOW });
    const projects = run.review.logSources.filter((s) => s.kind === 'tight-coupled project');
    expect(projects.map((s) => [s.name, s.metric, s.alert, s.status])).toEqual([
      ['example-app-prd', 'apps', undefined, 'no-alert'],
      ['example-kms-prd', 'infra', 'Infra silent', 'covered'],
      ['example-secrets-prd', 'infra', 'Infra silent', 'covered'],
    ]);
  });

  test('a metric naming the projects without telling them apart (no log_project extractor) covers none of them', async () => {
    const { label_extractors: _, ...plain } = groupMetric('infra', ['example-kms-prd', 'example-secrets-prd']);
    const input = writeTemp('cdk.tf.json', synth({ google_logging_metric: { infra: plain }, google_monitoring_alert_policy: { infra: groupAlert('Infra silent', 'infra', ['metric.label.log_project']) } }));
    const run = await runReview(input, { configFile: EXAMPLE_CONFIG, now: NOW });
    expect(run.review.logSources.filter((s) => s.kind === 'tight-coupled project').map((s) => s.status)).toEqual(['no-metric', 'no-metric', 'no-metric']);
  });
});

describe('review --against: log sources', () => {
  test('a source whose absence alert the change removes is listed as removed, its gap as added', async () => {
    const before = partlyWatched();
    const doc = JSON.parse(readFileSync(before, 'utf8'));
    delete doc.resource.google_monitoring_alert_policy.workspace;
    const after = writeTemp('cdk.tf.json', doc);
    const run = await runReview(after, { configFile: EXAMPLE_CONFIG, now: NOW, against: before });
    expect(run.diff?.detection).toEqual({
      added: ['log source workspace (tight): no-alert'],
      removed: ['log source workspace (tight): covered (alert Workspace silent)'],
    });
  });
});
