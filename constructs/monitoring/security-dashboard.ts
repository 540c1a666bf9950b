/**
 * One Cloud Monitoring dashboard with a chart per security metric, in collapsible sections
 * (configuration changes, identity, secrets, logging integrity). Built from the same alert table as
 * the alerts, so a new alert gets its tile without anyone remembering to add one.
 */
import { Construct } from 'constructs';
import { MonitoringDashboard } from '@cdktf/provider-google/lib/monitoring-dashboard';
import { ALERT_GROUP_TITLES, metricNameOf, type AlertGroup, type AlertSpec } from './alert-catalog';

export interface SecurityDashboardProps {
  /** Project that holds the metrics (the central log bucket's project). */
  readonly project: string;
  /** The alert table; one tile per row. */
  readonly alerts: readonly AlertSpec[];
  /** @default 'Security baseline: alerts' */
  readonly displayName?: string;
}

/** Mosaic grid: 12 columns, two charts side by side. */
const COLUMNS = 12;
const TILE_WIDTH = 6;
const TILE_HEIGHT = 4;

function chartTile(alert: AlertSpec, xPos: number, yPos: number): object {
  return {
    xPos,
    yPos,
    width: TILE_WIDTH,
    height: TILE_HEIGHT,
    widget: {
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
    },
  };
}

/** The dashboard's JSON (the Dashboards API's `Dashboard` message) for an alert table. */
export function dashboardJson(alerts: readonly AlertSpec[], displayName: string): string {
  const tiles: object[] = [];
  let yPos = 0;
  for (const group of Object.keys(ALERT_GROUP_TITLES) as AlertGroup[]) {
    const members = alerts.filter((a) => a.group === group);
    if (members.length === 0) continue;
    const perRow = COLUMNS / TILE_WIDTH;
    const height = Math.ceil(members.length / perRow) * TILE_HEIGHT;
    // A collapsible group holds the tiles that lie inside its area.
    tiles.push({
      xPos: 0,
      yPos,
      width: COLUMNS,
      height,
      widget: { title: ALERT_GROUP_TITLES[group], collapsibleGroup: { collapsed: false } },
    });
    members.forEach((alert, i) =>
      tiles.push(chartTile(alert, (i % perRow) * TILE_WIDTH, yPos + Math.floor(i / perRow) * TILE_HEIGHT)),
    );
    yPos += height;
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
      dashboardJson: dashboardJson(props.alerts, props.displayName ?? 'Security baseline: alerts'),
    });
  }
}
