/**
 * One security alert: a bucket-scoped log-based counter metric and the alert policy on it.
 * A metric scoped to the central log bucket counts entries from every project whose logs reach the
 * bucket, so one metric per alert covers the whole organization (CIS GCP 2.5-2.12 ask for exactly this
 * pair: metric + enabled policy with a channel).
 */
import { Token, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { LoggingMetric } from '@cdktf/provider-google/lib/logging-metric';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import {
  LABEL_DESCRIPTIONS,
  labelExtractor,
  metricNameOf,
  type AlertLabel,
  type AlertSeverity,
  type AlertSpec,
} from './alert-catalog';
import type { MetricPropagation } from './metric-propagation';
import { LOG_FILTER_MAX_CHARS } from '../../policies/catalog/log-sources';

export interface LogAlertLabel {
  /** Label key as it appears in `metric.label.<key>`. */
  readonly key: string;
  /** Extractor expression, e.g. `EXTRACT(protoPayload.methodName)`. */
  readonly extractor: string;
  /** Shown in Metrics Explorer. */
  readonly description: string;
}

export interface LogAlertProps {
  /** Project that holds the log bucket; the metric and the policy live there too (the API requires the bucket's project). */
  readonly project: string;
  /** Full name of the log bucket the metric counts in (`projects/p/locations/l/buckets/b`, i.e. the bucket config's `id`). */
  readonly bucketName: string;
  /** Metric name, unique in the project. */
  readonly metricName: string;
  /** Title of the metric and the policy. */
  readonly displayName: string;
  /** Cloud Logging query the metric counts. */
  readonly filter: string;
  /** Labels extracted from each matching entry. @default - none: the metric only counts */
  readonly labels?: readonly LogAlertLabel[];
  /** Label keys the alert keeps apart (one incident per combination), absence conditions too. @default - every label */
  readonly groupBy?: readonly string[];
  /** The alert fires when more entries than this match within the window. @default 0 */
  readonly threshold?: number;
  /** Window the entries are counted over, in seconds (at least 60, the smallest alignment period). @default 60 */
  readonly windowSeconds?: number;
  /** @default 'WARNING' */
  readonly severity?: AlertSeverity;
  /**
   * Markdown the notification carries: what happened and what to do. `${metric.label.x}` and other
   * Monitoring variables are written as is (they are escaped for Terraform here).
   */
  readonly documentation: string;
  /** Notification channel names (`projects/p/notificationChannels/n`); at least one. */
  readonly notificationChannels: readonly string[];
  /** How long an incident stays open after its last matching entry. @default 1800 */
  readonly autoCloseSeconds?: number;
  /**
   * Fire when no entry matches for this many seconds (a multiple of 60) instead of on entries above the threshold.
   * @default - a threshold condition
   */
  readonly absentSeconds?: number;
  /**
   * The wait the policy is created after, so Monitoring knows the new metric (see MetricPropagation).
   * @default - no wait: the policy only depends on its metric
   */
  readonly propagation?: MetricPropagation;
}

/** Common props when a LogAlert is made from a row of the alert table. */
export interface LogAlertContext {
  readonly project: string;
  readonly bucketName: string;
  readonly notificationChannels: readonly string[];
  /** Log field naming the account, for the `account` label. */
  readonly accountField: string;
  /** The wait every policy is created after. @default - none */
  readonly propagation?: MetricPropagation;
}

/** Terraform reads `${` and `%{` in any string as template syntax; Monitoring's own variables must pass through. */
function escapeTemplate(text: string): string {
  // A function replacement: in a replacement string `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

export class LogAlert extends Construct {
  /** Builds the alert a row of the alert table describes. */
  static fromSpec(scope: Construct, spec: AlertSpec, context: LogAlertContext): LogAlert {
    const label = (key: AlertLabel): LogAlertLabel => ({
      key,
      extractor: labelExtractor(key, context.accountField),
      description: LABEL_DESCRIPTIONS[key],
    });
    return new LogAlert(scope, `Alert-${spec.id}`, {
      project: context.project,
      bucketName: context.bucketName,
      notificationChannels: context.notificationChannels,
      metricName: metricNameOf(spec.id),
      displayName: spec.title,
      filter: spec.filter,
      labels: spec.labels.map(label),
      groupBy: spec.groupBy,
      threshold: spec.threshold,
      windowSeconds: spec.windowSeconds,
      severity: spec.severity,
      documentation: documentationOf(spec),
      absentSeconds: spec.absentSeconds,
      propagation: context.propagation,
    });
  }

  readonly metric: LoggingMetric;
  readonly policy: MonitoringAlertPolicy;
  /** `logging.googleapis.com/user/<metric name>`, a reference to the metric so the policy is created after it. */
  readonly metricType: string;

  constructor(scope: Construct, id: string, props: LogAlertProps) {
    super(scope, id);
    const labels = props.labels ?? [];
    const groupBy = props.groupBy ?? labels.map((l) => l.key);
    const threshold = props.threshold ?? 0;
    const windowSeconds = props.windowSeconds ?? 60;
    const severity = props.severity ?? 'WARNING';
    validate(id, props, labels, groupBy, threshold, windowSeconds);

    this.metric = new LoggingMetric(this, 'Resource', {
      project: props.project,
      bucketName: props.bucketName,
      name: props.metricName,
      description: props.displayName,
      filter: props.filter,
      metricDescriptor: {
        metricKind: 'DELTA',
        valueType: 'INT64',
        unit: '1',
        displayName: props.displayName,
        labels: labels.map((l) => ({ key: l.key, valueType: 'STRING', description: l.description })),
      },
      labelExtractors: labels.length > 0 ? Object.fromEntries(labels.map((l) => [l.key, l.extractor])) : undefined,
    });
    this.metricType = `logging.googleapis.com/user/${this.metric.name}`;
    const waitFor: ITerraformDependable[] = props.propagation ? props.propagation.after(this.metric) : [this.metric];
    // Bucket-scoped metrics are written against the bucket, not the project the entry came from.
    const metricFilter = `metric.type="${this.metricType}" AND resource.type="logging_bucket"`;
    const condition =
      props.absentSeconds === undefined
        ? {
            displayName: `${props.displayName}: more than ${threshold} in ${windowSeconds}s`,
            conditionThreshold: {
              filter: metricFilter,
              comparison: 'COMPARISON_GT',
              thresholdValue: threshold,
              duration: '0s',
              // No entries means no data, which is not a violation: open incidents close.
              evaluationMissingData: 'EVALUATION_MISSING_DATA_INACTIVE',
              aggregations: [
                {
                  // Entries counted over the window (a DELTA counter's delta is the number of matches).
                  alignmentPeriod: `${windowSeconds}s`,
                  perSeriesAligner: 'ALIGN_DELTA',
                  crossSeriesReducer: 'REDUCE_SUM',
                  groupByFields: groupBy.map((key) => `metric.label.${key}`),
                },
              ],
            },
          }
        : {
            displayName: `${props.displayName}: none in ${props.absentSeconds}s`,
            conditionAbsent: {
              filter: metricFilter,
              // condition_absent.duration: only multiples of a minute (monitoring_alert_policy.html.markdown).
              duration: `${props.absentSeconds}s`,
              // Grouped, each label value stays a series of its own whose silence fires alone (a sum would go silent
              // only when every value did).
              aggregations: [
                {
                  alignmentPeriod: `${windowSeconds}s`,
                  perSeriesAligner: 'ALIGN_DELTA',
                  crossSeriesReducer: 'REDUCE_SUM',
                  ...(groupBy.length > 0 ? { groupByFields: groupBy.map((key) => `metric.label.${key}`) } : {}),
                },
              ],
            },
          };

    this.policy = new MonitoringAlertPolicy(this, 'Policy', {
      project: props.project,
      displayName: props.displayName,
      enabled: true,
      combiner: 'OR',
      severity,
      notificationChannels: [...props.notificationChannels],
      conditions: [condition],
      alertStrategy: { autoClose: `${props.autoCloseSeconds ?? 1800}s` },
      documentation: {
        subject: `[${severity}] ${props.displayName}`,
        content: escapeTemplate(props.documentation),
        mimeType: 'text/markdown',
      },
      dependsOn: waitFor,
    });
  }
}

function validate(
  id: string,
  props: LogAlertProps,
  labels: readonly LogAlertLabel[],
  groupBy: readonly string[],
  threshold: number,
  windowSeconds: number,
): void {
  if (props.notificationChannels.length === 0) {
    throw new Error(`LogAlert "${id}": notificationChannels must name at least one channel, got none`);
  }
  if (!Token.isUnresolved(threshold) && !(threshold >= 0)) {
    throw new Error(`LogAlert "${id}": threshold must be >= 0, got ${threshold}`);
  }
  if (props.absentSeconds !== undefined && !(Number.isInteger(props.absentSeconds) && props.absentSeconds >= 120 && props.absentSeconds % 60 === 0)) {
    throw new Error(`LogAlert "${id}": absentSeconds must be a multiple of 60 of at least 120, got ${props.absentSeconds}`);
  }
  if (!Token.isUnresolved(windowSeconds) && !(Number.isInteger(windowSeconds) && windowSeconds >= 60)) {
    throw new Error(`LogAlert "${id}": windowSeconds must be a whole number >= 60, got ${windowSeconds}`);
  }
  // LogMetric.filter: "The maximum length of the filter is 20000 characters" (projects.metrics reference).
  if (!Token.isUnresolved(props.filter) && props.filter.length > LOG_FILTER_MAX_CHARS) {
    throw new Error(`LogAlert "${id}": filter must be at most ${LOG_FILTER_MAX_CHARS} characters, got ${props.filter.length}`);
  }
  if (Token.isUnresolved(props.documentation)) {
    throw new Error(`LogAlert "${id}": documentation must be literal text, got a token`);
  }
  const keys = new Set(labels.map((l) => l.key));
  if (keys.size !== labels.length) {
    throw new Error(`LogAlert "${id}": label keys must be unique, got ${labels.map((l) => l.key).join(', ')}`);
  }
  for (const key of groupBy) {
    if (!keys.has(key)) {
      throw new Error(`LogAlert "${id}": groupBy must name extracted labels (${[...keys].join(', ') || 'none'}), got "${key}"`);
    }
  }
}

/** The notification text for a row of the alert table. */
export function documentationOf(spec: AlertSpec): string {
  const facts = spec.groupBy.map((key) => `- ${key}: \${metric.label.${key}}`);
  return [
    `**What happened:** ${spec.happened}`,
    ...(facts.length > 0 ? ['', ...facts] : []),
    '',
    `**What to do:** ${spec.response}`,
    ...(spec.cis ? ['', `Control: CIS GCP ${spec.cis}`] : []),
  ].join('\n');
}
