/**
 * One Cloud Monitoring dashboard with a chart per security metric, in collapsible sections
 * (configuration changes, identity, secrets, logging integrity, log sources delivering). Built from the same alert
 * table as the alerts, so a new alert gets its tile without anyone remembering to add one.
 *
 * With `securityEvents`, a last section holds one table per security-event class, fed by the same mapping as
 * `baseline events` and the BigQuery views (policies/catalog/security-events `securityEventsSql`). A dashboard
 * widget cannot read a BigQuery dataset: its TimeSeriesQuery takes a Monitoring filter, PromQL, MQL, or SQL through
 * `opsAnalyticsQuery` ("Preview: A query used to fetch a time series, category series, or numeric series with
 * SQL", Dashboards API v1 TimeSeriesQuery, https://cloud.google.com/monitoring/api/ref_v3/rest/v1/projects.dashboards).
 * That SQL is Log Analytics SQL, which reads log views as `PROJECT_ID.LOCATION.BUCKET_ID.LOG_VIEW_ID`
 * (https://cloud.google.com/logging/docs/analyze/query-and-view: charts "can be saved to your custom dashboards").
 * So the panels run the views' own generated SQL over the central bucket's `_AllLogs` log view: the same columns
 * as the BigQuery views, never a second mapping. Being Preview, the section is opt-in per construct; the
 * log-based metric charts above are GA.
 */
import { Construct } from 'constructs';
import { MonitoringDashboard } from '@cdktf/provider-google/lib/monitoring-dashboard';
import { ALERT_GROUP_TITLES, metricNameOf, type AlertGroup, type AlertSpec } from './alert-catalog';
import { EVENT_CLASSES, securityEventsSql, type ApplicationLogMapping, type EventClass } from '../../policies/catalog/security-events';

/** Where the security-event panels read: the central bucket's `_AllLogs` log view, in Log Analytics. */
export interface SecurityEventPanels {
  /** Project id of the bucket. */
  readonly project: string;
  /** The bucket's location (`europe-west1`, `global`). */
  readonly location: string;
  /** The bucket id. */
  readonly bucketId: string;
  /** Applications' own logs, mapped as the views map them. @default - none */
  readonly applicationLogs?: readonly ApplicationLogMapping[];
  /** Hours back each panel reads (each query scans that much of the bucket). @default 24 */
  readonly hours?: number;
}

export interface SecurityDashboardProps {
  /** Project that holds the metrics (the central log bucket's project). */
  readonly project: string;
  /** The alert table; one tile per row. */
  readonly alerts: readonly AlertSpec[];
  /** @default 'Security baseline: alerts' */
  readonly displayName?: string;
  /** Adds the security-event tables (Log Analytics SQL, Preview). @default - none */
  readonly securityEvents?: SecurityEventPanels;
}

/** Mosaic grid: 12 columns, two charts side by side. */
const COLUMNS = 12;
const TILE_WIDTH = 6;
const TILE_HEIGHT = 4;

/** A tile of the mosaic grid at (xPos, yPos) holding one widget. */
function tile(xPos: number, yPos: number, widget: object): object {
  return { xPos, yPos, width: TILE_WIDTH, height: TILE_HEIGHT, widget };
}

function chartTile(alert: AlertSpec, xPos: number, yPos: number): object {
  return tile(xPos, yPos, {
      title: alert.cis ? `CIS ${alert.cis}: ${alert.title}` : alert.title,
      xyChart: {
        chartOptions: { mode: 'COLOR' },
        dataSets: [
          {
            plotType: 'STACKED_BAR',
            targetAxis: 'Y1',
            timeSeriesQuery: {
              timeSeriesFilter: {
                filter: `metric.type="logging.googleapis.com/user/${metricNameOf(alert.id)}" AND resource.type="logging_bucket"`,
                aggregation: {
                  alignmentPeriod: `${alert.windowSeconds}s`,
                  perSeriesAligner: 'ALIGN_DELTA',
                  crossSeriesReducer: 'REDUCE_SUM',
                  groupByFields: alert.groupBy.map((key) => `metric.label.${key}`),
                },
              },
            },
          },
        ],
        // The line the alert fires above.
        thresholds: [{ value: alert.threshold, targetAxis: 'Y1' }],
        yAxis: { label: `entries per ${alert.windowSeconds}s`, scale: 'LINEAR' },
      },
  });
}

/** Title of the security-event section. */
export const SECURITY_EVENTS_SECTION = 'Security events by class (Log Analytics; same mapping as the security_events views)';

/**
 * One class's panel query: who did what from where and with what outcome, most frequent first, over the last
 * `hours` of the bucket. The time bound sits on the log view, before the mapping, so the scan is bounded.
 */
export function eventPanelSql(panels: SecurityEventPanels, className: EventClass): string {
  const view = `\`${panels.project}.${panels.location}.${panels.bucketId}._AllLogs\``;
  const recent = `(SELECT * FROM ${view} WHERE timestamp > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL ${panels.hours ?? 24} HOUR))`;
  return [
    'SELECT status, actor_user_email_addr, src_endpoint_ip, api_operation, metadata_log_name, COUNT(*) AS events, MAX(time) AS last_seen',
    `FROM (${securityEventsSql(recent, panels.applicationLogs ?? [])})`,
    `WHERE class_name = '${className}'`,
    'GROUP BY status, actor_user_email_addr, src_endpoint_ip, api_operation, metadata_log_name',
    'ORDER BY events DESC',
    'LIMIT 100',
  ].join('\n');
}

function eventTile(panels: SecurityEventPanels, className: EventClass, xPos: number, yPos: number): object {
  return tile(xPos, yPos, {
    title: `${className}: who, from where, what, outcome (last ${panels.hours ?? 24} h)`,
    timeSeriesTable: { dataSets: [{ timeSeriesQuery: { opsAnalyticsQuery: { sql: eventPanelSql(panels, className) } } }] },
  });
}

/** Lays out one collapsible section of tiles, two per row, from `yPos`; returns the tiles and the section height. */
function section(title: string, count: number, yPos: number, tileAt: (i: number, xPos: number, yPos: number) => object): { tiles: object[]; height: number } {
  const perRow = COLUMNS / TILE_WIDTH;
  const height = Math.ceil(count / perRow) * TILE_HEIGHT;
  // A collapsible group holds the tiles that lie inside its area.
  const tiles: object[] = [{ xPos: 0, yPos, width: COLUMNS, height, widget: { title, collapsibleGroup: { collapsed: false } } }];
  for (let i = 0; i < count; i++) tiles.push(tileAt(i, (i % perRow) * TILE_WIDTH, yPos + Math.floor(i / perRow) * TILE_HEIGHT));
  return { tiles, height };
}

/** The dashboard's JSON (the Dashboards API's `Dashboard` message) for an alert table. */
export function dashboardJson(alerts: readonly AlertSpec[], displayName: string, securityEvents?: SecurityEventPanels): string {
  const tiles: object[] = [];
  let yPos = 0;
  for (const group of Object.keys(ALERT_GROUP_TITLES) as AlertGroup[]) {
    const members = alerts.filter((a) => a.group === group);
    if (members.length === 0) continue;
    const laid = section(ALERT_GROUP_TITLES[group], members.length, yPos, (i, x, y) => chartTile(members[i]!, x, y));
    tiles.push(...laid.tiles);
    yPos += laid.height;
  }
  if (securityEvents) {
    tiles.push(...section(SECURITY_EVENTS_SECTION, EVENT_CLASSES.length, yPos, (i, x, y) => eventTile(securityEvents, EVENT_CLASSES[i]!, x, y)).tiles);
  }
  return JSON.stringify({ displayName, mosaicLayout: { columns: COLUMNS, tiles } });
}

export class SecurityDashboard extends Construct {
  readonly dashboard: MonitoringDashboard;

  constructor(scope: Construct, id: string, props: SecurityDashboardProps) {
    super(scope, id);
    if (props.alerts.length === 0) {
      throw new Error('SecurityDashboard: alerts must list at least one alert, got none');
    }
    this.dashboard = new MonitoringDashboard(this, 'Resource', {
      project: props.project,
      dashboardJson: dashboardJson(props.alerts, props.displayName ?? 'Security baseline: alerts', props.securityEvents),
    });
  }
}
