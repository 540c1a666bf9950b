/**
 * A wait between creating log-based metrics and creating alert policies on them. Monitoring answers
 * 404 "Cannot find metric(s) ... it could take up to 10 minutes to become available" to a policy created
 * right after its metric, and google_monitoring_alert_policy does not retry it (its create retries only
 * concurrent-edit errors: resource_monitoring_alert_policy.go). The workaround the provider issue thread
 * uses is a hashicorp/time `time_sleep` that depends on the metrics, with the policies depending on it
 * (github.com/hashicorp/terraform-provider-google/issues/11102).
 *
 * The sleep happens on create only. Its `triggers` name every metric, so adding an alert replaces the
 * sleep and the new policy waits again; an apply that changes nothing waits for nothing.
 */
import { Construct } from 'constructs';
import { Lazy, TerraformStack, dependable, type ITerraformDependable } from 'cdktf';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import type { LoggingMetric } from '@cdktf/provider-google/lib/logging-metric';

export interface MetricPropagationProps {
  /**
   * Seconds to wait after the last metric is created; 0 turns the wait off.
   * @default 600 (the ten minutes the API names)
   */
  readonly seconds?: number;
}

/** The stack's one time provider, created on first use. */
function timeProvider(scope: Construct): TimeProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild('time');
  return existing instanceof TimeProvider ? existing : new TimeProvider(stack, 'time');
}

export class MetricPropagation extends Construct {
  /** The `time_sleep` (construct id `Resource`); undefined when `seconds` is 0. */
  readonly sleep?: Sleep;
  private readonly metrics: LoggingMetric[] = [];
  /**
   * The sleep's `depends_on`, one entry per metric, grown in place. Rebuilding the whole list on every `after`
   * (each `dependable()` registers a token and captures a stack trace) made the stack cost quadratic in its metrics:
   * 5,000 projects took 128 s and 5.5 GiB to synthesize, most of it in these tokens.
   */
  private readonly dependsOn: string[] = [];

  constructor(scope: Construct, id: string, props: MetricPropagationProps = {}) {
    super(scope, id);
    const seconds = props.seconds ?? 600;
    if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`seconds must be a whole number >= 0, got ${seconds}`);
    if (seconds === 0) return;
    this.sleep = new Sleep(this, 'Resource', {
      provider: timeProvider(this),
      createDuration: `${seconds}s`,
      // Metric names are literals; a new one replaces the sleep so the new policy waits too. Joined once, at synth.
      triggers: { metrics: Lazy.stringValue({ produce: () => this.metrics.map((m) => m.nameInput ?? m.friendlyUniqueId).join(',') }) },
    });
    this.sleep.dependsOn = this.dependsOn;
    this.node.addValidation({ validate: () => (this.metrics.length === 0 ? [`${this.node.path}: no metric to wait for`] : []) });
  }

  /** Makes the wait start after `metric` exists; returns what a policy on it must depend on. */
  after(metric: LoggingMetric): ITerraformDependable[] {
    if (!this.sleep) return [metric];
    this.metrics.push(metric);
    this.dependsOn.push(dependable(metric));
    return [metric, this.sleep];
  }
}
