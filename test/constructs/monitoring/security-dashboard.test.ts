import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { baselineAlerts } from '../../../constructs/monitoring/alert-catalog';
import { sampleAlertInputs } from './alert-inputs';
import { SecurityDashboard } from '../../../constructs/monitoring/security-dashboard';

type Json = Record<string, any>;

const ALERTS = baselineAlerts(sampleAlertInputs('canary'));

function synthDashboard(): { resource: Json; layout: Json } {
  const out = JSON.parse(
    Testing.synthScope((scope: Construct) => new SecurityDashboard(scope, 'dashboard', { project: 'logs-prj', alerts: ALERTS })),
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
