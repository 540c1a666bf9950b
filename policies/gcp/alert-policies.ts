/**
 * Reading `google_monitoring_alert_policy` threshold conditions and the user log metrics they
 * watch, once for every alerting rule. Works on synthesized JSON (token strings such as
 * `logging.googleapis.com/user/${google_logging_metric.m.name}`) and on plans (known filters, or
 * unknown ones with configuration references).
 */
import { get, type Resource, type Value } from '../engine/model';
import { USER_METRIC_PREFIX } from './filter-match';

/** What one `metric.type="..."` clause of a condition filter points at. */
export type MetricTarget =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'resource'; readonly id: string }
  /** A metric named by something not known before apply (a variable, another stack's output). */
  | { readonly kind: 'unresolved' };

/** A condition that watches metrics named in its filter. */
export interface MetricCondition {
  readonly index: number;
  /** Attribute path of the condition's filter, for report locations. */
  readonly path: string;
  readonly metrics: readonly MetricTarget[];
}

export interface ThresholdCondition extends MetricCondition {
  readonly comparison: Value<string>;
  readonly threshold: Value<number>;
  /** Every `group_by_fields` entry of the condition's aggregations; unknown when any list is. */
  readonly groupByFields: Value<readonly string[]>;
}

const METRIC_TYPE_CLAUSE = /metric\.type\s*=\s*"([^"]*)"/g;
const TOKEN = /^\$\{([^}]*)\}$/;

/** `name` or `id` of a managed `google_logging_metric`: the two attributes a filter may interpolate. */
const METRIC_ATTRIBUTE_EXPRESSION = /^(.*google_logging_metric\.[^.]+)\.(name|id)$/;

function targetOfMetricType(alert: Resource, metricType: string): MetricTarget | undefined {
  if (!metricType.startsWith(USER_METRIC_PREFIX)) return undefined;
  const rest = metricType.slice(USER_METRIC_PREFIX.length);
  if (!rest.includes('${')) return { kind: 'name', name: rest };
  const token = TOKEN.exec(rest);
  if (!token) return { kind: 'unresolved' };
  const expression = token[1].trim();
  const ref = alert.references.find((r) => r.expression === expression && r.target !== undefined);
  if (ref?.target) return { kind: 'resource', id: ref.target };
  // Same-stack interpolation the loader could not resolve: `google_logging_metric.m.name` names the metric by address.
  const match = METRIC_ATTRIBUTE_EXPRESSION.exec(expression);
  if (match) return { kind: 'resource', id: alert.stack ? `${alert.stack}/${match[1]}` : match[1] };
  return { kind: 'unresolved' };
}

function metricTargets(alert: Resource, index: number, filter: Value<string>): MetricTarget[] {
  if (filter.state === 'absent') return [];
  const text = filter.state === 'known' ? filter.value : filter.raw;
  if (text !== undefined) {
    const clauses = [...text.matchAll(METRIC_TYPE_CLAUSE)];
    // A filter that is one token (`${local.filter}`) names its metric nowhere we can read.
    if (clauses.length === 0 && filter.state === 'unknown') return [{ kind: 'unresolved' }];
    return clauses.map((m) => targetOfMetricType(alert, m[1])).filter((t): t is MetricTarget => t !== undefined);
  }
  // A plan's unknown filter: only its configuration references say which metric it watches.
  const prefix = `conditions.${index}.`;
  const metricRefs = alert.references.filter(
    (r) => r.path.startsWith(prefix) && r.path.endsWith('filter') && r.target !== undefined && /(^|\/)google_logging_metric\./.test(r.target),
  );
  if (metricRefs.length === 0) return [{ kind: 'unresolved' }];
  return [...new Set(metricRefs.map((r) => r.target as string))].map((id) => ({ kind: 'resource', id }));
}

function groupByFields(alert: Resource, base: string): Value<readonly string[]> {
  const aggregations = get<unknown[]>(alert, `${base}.aggregations`);
  if (aggregations.state === 'unknown') return aggregations;
  if (aggregations.state === 'absent' || !Array.isArray(aggregations.value)) return { state: 'known', value: [] };
  const fields: string[] = [];
  for (let j = 0; j < aggregations.value.length; j++) {
    const list = get<unknown[]>(alert, `${base}.aggregations.${j}.group_by_fields`);
    if (list.state === 'unknown') return list;
    if (list.state === 'known' && Array.isArray(list.value)) {
      for (const f of list.value) if (typeof f === 'string') fields.push(f);
    }
  }
  return { state: 'known', value: fields };
}

/**
 * The conditions of one kind (`condition_threshold`, `condition_absent`) of an alert policy, each built from its
 * index and attribute path; unknown when the conditions list itself is.
 */
function conditionsOfKind<C>(alert: Resource, kind: string, build: (index: number, base: string) => C | undefined): Value<readonly C[]> {
  const conditions = get<unknown[]>(alert, 'conditions');
  if (conditions.state !== 'known') return conditions.state === 'absent' ? { state: 'known', value: [] } : conditions;
  const count = Array.isArray(conditions.value) ? conditions.value.length : 1;
  const result: C[] = [];
  for (let i = 0; i < count; i++) {
    const condition = build(i, `conditions.${i}.${kind}`);
    if (condition !== undefined) result.push(condition);
  }
  return { state: 'known', value: result };
}

/** The threshold conditions of an alert policy; unknown when the conditions list itself is. */
export function thresholdConditions(alert: Resource): Value<readonly ThresholdCondition[]> {
  return conditionsOfKind(alert, 'condition_threshold', (index, base) => {
    const filter = get<string>(alert, `${base}.filter`);
    if (filter.state === 'absent' && get(alert, base).state === 'absent') return undefined;
    return {
      index,
      path: `${base}.filter`,
      metrics: metricTargets(alert, index, filter),
      comparison: get<string>(alert, `${base}.comparison`),
      threshold: get<number>(alert, `${base}.threshold_value`),
      groupByFields: groupByFields(alert, base),
    };
  });
}

export interface AbsenceCondition extends MetricCondition {
  /** How long the metric must be silent before the condition fires (`600s`); required by the provider. */
  readonly duration: Value<string>;
  /** The labels whose values stay series of their own, each noticed silent alone; unknown when any list is. */
  readonly groupByFields: Value<readonly string[]>;
}

/**
 * The metric-absence conditions (`condition_absent`: fires when no data arrives for `duration`) of an alert
 * policy; unknown when the conditions list itself is.
 */
export function absenceConditions(alert: Resource): Value<readonly AbsenceCondition[]> {
  return conditionsOfKind(alert, 'condition_absent', (index, base) => {
    if (get(alert, base).state === 'absent') return undefined;
    return {
      index,
      path: `${base}.filter`,
      metrics: metricTargets(alert, index, get<string>(alert, `${base}.filter`)),
      duration: get<string>(alert, `${base}.duration`),
      groupByFields: groupByFields(alert, base),
    };
  });
}

/** The conditions of one alert that watch one metric, and why others could not be decided. */
export interface MetricWatchers {
  readonly conditions: readonly { readonly alert: Resource; readonly condition: ThresholdCondition }[];
  /** Alerts whose conditions (or condition list) name their metric by something unknown before apply. */
  readonly unresolvedAlerts: readonly Resource[];
  /** True when some condition names a metric literally and this metric's name is unknown. */
  readonly nameUndecided: boolean;
}

export function watchersOf(metric: Resource, alerts: readonly Resource[]): MetricWatchers {
  const index = indexWatchers(alerts, thresholdConditions);
  return { ...watchersFromIndex(index, metric), unresolvedAlerts: index.unresolvedAlerts };
}

/** `enabled` defaults to true; a known `false` is the only "disabled". */
export function alertEnabled(alert: Resource): Value<boolean> {
  const enabled = get<boolean>(alert, 'enabled');
  return enabled.state === 'absent' ? { state: 'known', value: true } : enabled;
}

/** The notification channels list: known (possibly empty), or unknown as a whole. */
export function alertChannels(alert: Resource): Value<readonly unknown[]> {
  const channels = get<unknown[]>(alert, 'notification_channels');
  if (channels.state === 'absent') return { state: 'known', value: [] };
  if (channels.state === 'known' && !Array.isArray(channels.value)) return { state: 'known', value: [channels.value] };
  return channels;
}

/** Why an alert would not reach anyone: disabled, or no notification channel. */
export type DeliveryIssue = 'alert-disabled' | 'alert-without-channel';

export interface Delivery {
  readonly issues: readonly DeliveryIssue[];
  /** True when `enabled` or the channel list is not known before apply. */
  readonly unknown: boolean;
}

export function alertDelivery(alert: Resource): Delivery {
  const issues: DeliveryIssue[] = [];
  let unknown = false;
  const enabled = alertEnabled(alert);
  if (enabled.state === 'unknown') unknown = true;
  else if (enabled.state === 'known' && enabled.value === false) issues.push('alert-disabled');
  const channels = alertChannels(alert);
  if (channels.state === 'unknown') unknown = true;
  else if (channels.state === 'known' && channels.value.length === 0) issues.push('alert-without-channel');
  return { issues, unknown };
}

/** One condition of one alert. */
export interface AlertCondition<C extends MetricCondition> {
  readonly alert: Resource;
  readonly condition: C;
}

/** Alert conditions indexed by the metric they watch, built once so that finding a metric's watchers is a lookup. */
export interface WatchIndex<C extends MetricCondition> {
  readonly byResource: ReadonlyMap<string, readonly AlertCondition<C>[]>;
  readonly byName: ReadonlyMap<string, readonly AlertCondition<C>[]>;
  /** Alerts whose conditions (or condition list) name their metric by something unknown before apply. */
  readonly unresolvedAlerts: readonly Resource[];
}

export function indexWatchers<C extends MetricCondition>(alerts: readonly Resource[], conditionsOf: (alert: Resource) => Value<readonly C[]>): WatchIndex<C> {
  const byResource = new Map<string, AlertCondition<C>[]>();
  const byName = new Map<string, AlertCondition<C>[]>();
  const unresolved = new Set<Resource>();
  const add = (map: Map<string, AlertCondition<C>[]>, key: string, entry: AlertCondition<C>) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const alert of alerts) {
    const list = conditionsOf(alert);
    if (list.state !== 'known') {
      unresolved.add(alert);
      continue;
    }
    for (const condition of list.value) {
      for (const target of condition.metrics) {
        if (target.kind === 'resource') add(byResource, target.id, { alert, condition });
        else if (target.kind === 'name') add(byName, target.name, { alert, condition });
        else unresolved.add(alert);
      }
    }
  }
  return { byResource, byName, unresolvedAlerts: [...unresolved] };
}

/** The indexed conditions watching one metric; `nameUndecided` when some condition names a metric literally and this metric's name is unknown. */
export function watchersFromIndex<C extends MetricCondition>(index: WatchIndex<C>, metric: Resource): { readonly conditions: readonly AlertCondition<C>[]; readonly nameUndecided: boolean } {
  const name = get<string>(metric, 'name');
  const all = [...(index.byResource.get(metric.id) ?? []), ...(name.state === 'known' ? index.byName.get(name.value) ?? [] : [])];
  // A condition naming the metric twice (by resource and by name) watches it once.
  const conditions = all.filter((entry, i) => all.findIndex((other) => other.condition === entry.condition) === i);
  return { conditions, nameUndecided: name.state === 'unknown' && index.byName.size > 0 };
}
