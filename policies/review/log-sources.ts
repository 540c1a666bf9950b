/**
 * Log sources in the review: each source the org config declares beyond its projects (`logging.sources`, passed
 * with `--config`) and each tight-coupled project, with its coupling, where its entries land, and the absence alert
 * that notices it falling silent: a metric counting exactly its entries -> an absence condition on that metric ->
 * channels. A tight-coupled project may instead be one of the projects a metric counts apart by project (the
 * baseline's grouped delivery metrics); then only an absence condition grouped by that label notices it alone.
 * The sources come from the config, since Terraform JSON does not say what a filter is for; whether they are
 * watched comes from the input. Gaps first, tight-coupled before loose.
 */
import { deliveryFilterProjects, LOG_PROJECT_EXTRACTOR, projectDeliveryFilter, SOURCE_KIND_TITLES, type LogSourceKind } from '../catalog/log-sources';
import { get, type Model, type Resource } from '../engine/model';
import type { DeclaredSourceParam, RuleParams } from '../engine/rule';
import { knownString, surviving, writtenText } from '../engine/values';
import { absenceConditions, alertEnabled, indexWatchers, watchersFromIndex } from '../gcp/alert-policies';
import { filterEquals } from '../gcp/filter-match';
import { best, channelsOf } from './detection';
import type { DetectionStatus, LogSourceFact } from './facts';
import { resourceLabel } from './labels';

const DEFAULT_PROJECT_SILENCE_HOURS = 12;

const kindTitle = (kind: string) => SOURCE_KIND_TITLES[kind as LogSourceKind] ?? kind;

/** The sources to look for: the declared ones, then one per tight-coupled project of the config. */
function declaredSources(params: RuleParams): DeclaredSourceParam[] {
  const hours = params.tightProjectSilenceHours ?? DEFAULT_PROJECT_SILENCE_HOURS;
  return [
    ...(params.logSources ?? []),
    ...params.projects
      .filter((p) => p.coupling === 'tight')
      .map((p) => ({
        name: p.id,
        kind: 'tight-coupled project',
        coupling: 'tight' as const,
        silenceHours: hours,
        filter: projectDeliveryFilter(p.id),
        landing: `project ${p.id}`,
        projectId: p.id,
      })),
  ];
}

/** The projects a metric counts apart: its filter names several projects' logs and a label extracts the project. */
function groupedProjects(metric: Resource): { readonly projects: ReadonlySet<string>; readonly label: string } | undefined {
  const filter = get<string>(metric, 'filter');
  const ids = filter.state === 'known' ? deliveryFilterProjects(filter.value) : undefined;
  if (ids === undefined) return undefined;
  const extractors = get<Record<string, unknown>>(metric, 'label_extractors');
  if (extractors.state !== 'known' || typeof extractors.value !== 'object' || extractors.value === null) return undefined;
  const label = Object.keys(extractors.value).find((key) => extractors.value[key] === LOG_PROJECT_EXTRACTOR);
  return label === undefined ? undefined : { projects: new Set(ids), label };
}

const STATUS_ORDER: readonly DetectionStatus[] = ['no-metric', 'no-alert', 'alert-disabled', 'no-channel', 'unknown', 'covered'];

export function logSourceFacts(model: Model, params: RuleParams): LogSourceFact[] {
  const sources = declaredSources(params);
  if (sources.length === 0) return [];
  const metrics = surviving(model.byType('google_logging_metric')).filter((m) => m.mode === 'managed');
  const absences = indexWatchers(
    surviving(model.byType('google_monitoring_alert_policy')).filter((a) => a.mode === 'managed'),
    absenceConditions,
  );
  const grouped = new Map(metrics.map((m) => [m, groupedProjects(m)]));
  const facts = sources.map((source): LogSourceFact => {
    const base = { name: source.name, kind: kindTitle(source.kind), coupling: source.coupling, landing: source.landing, silenceHours: source.silenceHours, channels: [] as string[] };
    const candidates: LogSourceFact[] = [];
    for (const metric of metrics) {
      const text = writtenText(get<string>(metric, 'filter'));
      const match = text === undefined ? 'unknown' : filterEquals(text, source.filter);
      const group = grouped.get(metric);
      const inGroup = match === 'no' && source.projectId !== undefined && group !== undefined && group.projects.has(source.projectId);
      if (match === 'no' && !inGroup) continue;
      const counts = inGroup ? 'yes' : match;
      const metricName = knownString(model, metric, 'name') ?? resourceLabel(model, metric);
      const all = watchersFromIndex(absences, metric).conditions;
      // Summed over the group, the series goes silent only when every project does: only a grouped condition counts.
      const watchers = inGroup ? all.filter(({ condition }) => condition.groupByFields.state === 'known' && condition.groupByFields.value.includes(`metric.label.${group!.label}`)) : all;
      if (watchers.length === 0) candidates.push({ ...base, metric: metricName, status: counts === 'yes' ? 'no-alert' : 'unknown' });
      for (const { alert } of watchers) {
        const enabled = alertEnabled(alert);
        const channels = channelsOf(model, alert).names;
        let status: DetectionStatus = 'covered';
        if (counts !== 'yes' || enabled.state !== 'known') status = 'unknown';
        else if (enabled.value === false) status = 'alert-disabled';
        else if (channels.length === 0) status = 'no-channel';
        candidates.push({ ...base, metric: metricName, alert: knownString(model, alert, 'display_name') ?? resourceLabel(model, alert), channels, status });
      }
    }
    return best(candidates) ?? { ...base, status: 'no-metric' };
  });
  return facts.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.coupling === b.coupling ? 0 : a.coupling === 'tight' ? -1 : 1) ||
      a.name.localeCompare(b.name),
  );
}
