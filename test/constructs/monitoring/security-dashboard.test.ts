import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { baselineAlerts } from '../../../constructs/monitoring/alert-catalog';
import { sampleAlertInputs } from './alert-inputs';
import { SECURITY_EVENTS_SECTION, SecurityDashboard, type SecurityEventPanels } from '../../../constructs/monitoring/security-dashboard';
import { EVENT_CLASSES, securityEventsSql } from '../../../policies/catalog/security-events';

type Json = Record<string, any>;

const ALERTS = baselineAlerts(sampleAlertInputs('canary'));

function synthDashboard(securityEvents?: SecurityEventPanels): { resource: Json; layout: Json } {
  const out = JSON.parse(
    Testing.synthScope((scope: Construct) => new SecurityDashboard(scope, 'dashboard', { project: 'logs-prj', alerts: ALERTS, securityEvents })),
  );
  const dashboards = Object.values(out.resource.google_monitoring_dashboard as Record<string, Json>);
  expect(dashboards).toHaveLength(1);
  return { resource: dashboards[0], layout: JSON.parse(dashboards[0].dashboard_json) };
}

const inside = (tile: Json, group: Json) =>
  tile.yPos >= group.yPos && tile.yPos + tile.height <= group.yPos + group.height && tile.xPos + tile.width <= group.width;

describe('SecurityDashboard', () => {
  it('is a parseable dashboard in the given project', () => {
    const { resource, layout } = synthDashboard();
    expect(resource.project).toBe('logs-prj');
    expect(layout.displayName).toBe('Security baseline: alerts');
    expect(layout.mosaicLayout.columns).toBe(12);
  });

  it('charts every metric once, counted like its alert and with the alert threshold drawn', () => {
    const { layout } = synthDashboard();
    const charts = (layout.mosaicLayout.tiles as Json[]).filter((t) => t.widget.xyChart);
    expect(charts).toHaveLength(ALERTS.length);
    for (const alert of ALERTS) {
      const filter = `metric.type="logging.googleapis.com/user/baseline-${alert.id}" AND resource.type="logging_bucket"`;
      const matching = charts.filter((t) => t.widget.xyChart.dataSets[0].timeSeriesQuery.timeSeriesFilter.filter === filter);
      expect(matching).toHaveLength(1);
      const chart = matching[0].widget.xyChart;
      expect(chart.dataSets[0].timeSeriesQuery.timeSeriesFilter).toEqual({
        filter,
        aggregation: {
          alignmentPeriod: `${alert.windowSeconds}s`,
          perSeriesAligner: 'ALIGN_DELTA',
          crossSeriesReducer: 'REDUCE_SUM',
          groupByFields: alert.groupBy.map((l) => `metric.label.${l}`),
        },
      });
      expect(chart.thresholds).toEqual([{ value: alert.threshold, targetAxis: 'Y1' }]);
    }
  });

  it('puts each chart inside the section of its group, with no two charts overlapping', () => {
    const { layout } = synthDashboard();
    const tiles = layout.mosaicLayout.tiles as Json[];
    const sections = tiles.filter((t) => t.widget.collapsibleGroup);
    expect(sections.map((t) => [t.widget.title, t.height])).toEqual([
      ['Configuration changes (CIS 2.5-2.12, org policies)', 20], // 9 charts, two a row
      ['Identity: sign-ins, keys, break-glass', 12], // 5 charts
      ['Secrets', 4],
      ['Logging integrity', 4], // 2 charts
    ]);
    const sectionTitleOf = (alertTitle: string) => {
      const chart = tiles.find((t) => t.widget.xyChart && t.widget.title.endsWith(alertTitle))!;
      return sections.find((s) => inside(chart, s))!.widget.title;
    };
    expect(sectionTitleOf('Canary secret touched')).toBe('Secrets');
    expect(sectionTitleOf('Organization policy changed')).toBe('Configuration changes (CIS 2.5-2.12, org policies)');
    expect(sectionTitleOf('Log routing, storage or audit configuration changed')).toBe('Logging integrity');
    expect(sectionTitleOf('Failed sign-in spike on one account')).toBe('Identity: sign-ins, keys, break-glass');
    const cells = tiles.filter((t) => t.widget.xyChart).map((t) => `${t.xPos},${t.yPos}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('adds one table per security-event class, fed by the views\' own SQL over the bucket\'s _AllLogs log view', () => {
    // GIVEN the central bucket in Log Analytics
    const { layout } = synthDashboard({ project: 'logs-prj', location: 'europe-west1', bucketId: 'central', hours: 6 });
    const tiles = layout.mosaicLayout.tiles as Json[];
    const section = tiles.find((t) => t.widget.title === SECURITY_EVENTS_SECTION)!;
    const tables = tiles.filter((t) => t.widget.timeSeriesTable);
    // THEN four tables, inside the last section, below every chart
    expect(tables.map((t) => t.widget.title)).toEqual(EVENT_CLASSES.map((c) => `${c}: who, from where, what, outcome (last 6 h)`));
    expect(tables.every((t) => inside(t, section))).toBe(true);
    expect(section.yPos).toBe(Math.max(...tiles.filter((t) => t.widget.xyChart).map((t) => t.yPos + t.height)));
    // AND each reads the bucket's log view, bounded in time before the mapping, through the same mapping as the views
    const recent = '(SELECT * FROM `logs-prj.europe-west1.central._AllLogs` WHERE timestamp > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 6 HOUR))';
    tables.forEach((t, i) => {
      const { sql } = t.widget.timeSeriesTable.dataSets[0].timeSeriesQuery.opsAnalyticsQuery;
      expect(sql).toContain(`FROM (${securityEventsSql(recent)})\nWHERE class_name = '${EVENT_CLASSES[i]}'`);
      expect(sql).toMatch(/^SELECT status, actor_user_email_addr, src_endpoint_ip, api_operation, metadata_log_name, COUNT\(\*\) AS events/);
    });
  });

  it('has no SQL panel unless asked (Log Analytics charts in dashboards are Preview)', () => {
    const { layout } = synthDashboard();
    expect(JSON.stringify(layout)).not.toContain('opsAnalyticsQuery');
  });

  it('titles CIS charts with their control number', () => {
    const { layout } = synthDashboard();
    const titles = (layout.mosaicLayout.tiles as Json[]).filter((t) => t.widget.xyChart).map((t) => t.widget.title);
    expect(titles[0]).toBe('CIS 2.5: Project ownership assigned or changed');
    expect(titles[8]).toBe('Organization policy changed');
  });

  it('fails without any alert to chart', () => {
    expect(() =>
      Testing.synthScope((scope: Construct) => new SecurityDashboard(scope, 'dashboard', { project: 'logs-prj', alerts: [] })),
    ).toThrow('SecurityDashboard: alerts must list at least one alert, got none');
  });
});
