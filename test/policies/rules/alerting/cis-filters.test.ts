import * as fs from 'fs';
import { CIS_LOG_METRICS } from '../../../../policies/catalog/cis-log-metrics';
import { cisControlForFilter, filterContains, filterEquals, normaliseFilter } from '../../../../policies/gcp/filter-match';
// Policies must not import constructs; a test may, to hold the two copies of the filters together.
import { CIS_ALERTS } from '../../../../constructs/monitoring/alert-catalog';
import { CIS_REFERENCE } from '../../../support/fixtures';

const REFERENCE = CIS_REFERENCE;

/** `| 2.5 [2.4] | event | \`filter\` |` rows of the reference's log-metric table. */
function referenceRows(): { cis: string; cisV4: string; event: string; filter: string }[] {
  const rows = fs.readFileSync(REFERENCE, 'utf8').split('\n').filter((l) => /^\| 2\.\d+ \[2\.\d+\] \|/.test(l));
  return rows.map((row) => {
    const m = /^\| (2\.\d+) \[(2\.\d+)\] \| ([^|]+) \| `(.*)`( \(v5 adds UndeleteRole\))? \|$/.exec(row);
    if (!m) throw new Error(`unexpected reference row: ${row}`);
    return { cis: m[1], cisV4: m[2], event: m[3].trim(), filter: m[4] };
  });
}

describe('CIS_LOG_METRICS', () => {
  it('holds the reference filters verbatim, in order, with their v5.0 and v4.0 numbers', () => {
    const rows = referenceRows();
    expect(rows).toHaveLength(8);
    expect(CIS_LOG_METRICS.map((c) => ({ cis: c.cis, cisV4: c.cisV4, event: c.event, filter: c.filters[0] }))).toEqual(rows);
  });

  it('accepts the v4.0 custom role filter (without UndeleteRole) for 2.7 only', () => {
    const v4 = CIS_LOG_METRICS.find((c) => c.cis === '2.7')!.filters[1];
    expect(v4).toBe(
      'resource.type="iam_role" AND (protoPayload.methodName="google.iam.admin.v1.CreateRole" OR protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR protoPayload.methodName="google.iam.admin.v1.UpdateRole")',
    );
    expect(CIS_LOG_METRICS.filter((c) => c.filters.length > 1).map((c) => c.cis)).toEqual(['2.7']);
  });
});

describe('normaliseFilter', () => {
  it('collapses whitespace runs, spaces inside parentheses and around operators', () => {
    expect(normaliseFilter('  resource.type =  "gce_route"\n AND ( protoPayload.methodName : "compute.routes.delete" )  ')).toBe(
      'resource.type="gce_route" AND (protoPayload.methodName:"compute.routes.delete")',
    );
  });

  it('keeps quoted text as written', () => {
    expect(normaliseFilter('jsonPayload.message = "a  ( b )  = c"')).toBe('jsonPayload.message="a  ( b )  = c"');
  });

  it('keeps words apart: AND / OR still need their spaces', () => {
    expect(normaliseFilter('a="1"   OR\tb="2"')).toBe('a="1" OR b="2"');
  });
});

describe('cisControlForFilter', () => {
  it('finds each control by its own filter and by a reformatted copy', () => {
    for (const control of CIS_LOG_METRICS) {
      expect(cisControlForFilter(control.filters[0])?.cis).toBe(control.cis);
      expect(cisControlForFilter(control.filters[0].replace(/ AND /g, '\n  AND ').replace(/=/g, ' = '))?.cis).toBe(control.cis);
    }
  });

  it('finds nothing for a filter that differs in more than whitespace', () => {
    expect(cisControlForFilter('protoPayload.methodName="cloudsql.instances.create"')).toBeUndefined();
    expect(cisControlForFilter('protoPayload.methodName="cloudsql.instances.update" AND severity>=ERROR')).toBeUndefined();
  });
});

describe('the alerting constructs\' copy of the filters', () => {
  it('matches the policy table: every CIS alert the baseline builds satisfies its own control', () => {
    expect(CIS_ALERTS.map((a) => [a.cis, cisControlForFilter(a.filter)?.cis])).toEqual(CIS_LOG_METRICS.map((c) => [c.cis, c.cis]));
  });
});

describe('filterEquals on templates', () => {
  const target = 'resource.type="gcs_bucket" AND protoPayload.methodName="storage.setIamPermissions"';
  it('decides plain filters', () => {
    expect(filterEquals(target.replace(' AND ', '\n AND '), target)).toBe('yes');
    expect(filterEquals('resource.type="gcs_bucket"', target)).toBe('no');
  });
  it('leaves open a template whose known text fits the target', () => {
    expect(filterEquals('resource.type="${var.type}" AND protoPayload.methodName="storage.setIamPermissions"', target)).toBe('unknown');
    expect(filterEquals('${local.filter}', target)).toBe('unknown');
  });
  it('rules out a template whose known text cannot fit', () => {
    expect(filterEquals('resource.type="${var.type}" AND protoPayload.methodName="storage.getIamPermissions"', target)).toBe('no');
    // A hole inside quotes stands for string content: it cannot close the string and add a clause.
    expect(filterEquals('resource.type="${var.type}"', target)).toBe('no');
  });
});

describe('filterContains on templates', () => {
  const login = 'protoPayload.serviceName="login.googleapis.com" AND protoPayload.methodName="google.login.LoginService.loginFailure"';
  it('decides from the known text when it holds the wanted filter', () => {
    expect(filterContains(`(${login}) AND resource.labels.project_id="\${var.project}"`, login)).toBe('yes');
    expect(filterContains(`${login.replace(/=/g, ' = ')}`, login)).toBe('yes');
  });
  it('rules out a template whose quoted strings do not line up (the canary metric)', () => {
    expect(filterContains('protoPayload.serviceName="secretmanager.googleapis.com" AND protoPayload.resourceName=~"/secrets/${data.terraform_remote_state.s.outputs.id}(/|$)"', login)).toBe('no');
  });
  it('leaves open a hole that may complete the wanted filter', () => {
    expect(filterContains('protoPayload.serviceName="${var.service}" AND protoPayload.methodName="google.login.LoginService.loginFailure"', login)).toBe('unknown');
    expect(filterContains('${var.filter} AND severity>=WARNING', login)).toBe('unknown');
  });
});

describe('templates with many holes', () => {
  const target = CIS_LOG_METRICS[0].filters[0];
  // 40 holes outside quotes, then text the target does not end with: a regular expression with a `.*` per hole
  // backtracks for hours here (8 holes already exceed 20 s in V8); the matcher is linear in holes x text.
  const holes = '${var.x}'.repeat(40);
  const manyHoles = `${holes} NO-SUCH-TAIL`;

  it('decide without backtracking: a template that cannot fit is "no", one that can is "unknown" (a hang fails the test)', () => {
    const started = Date.now();
    expect(filterEquals(manyHoles, target)).toBe('no');
    expect(filterEquals(holes, target)).toBe('unknown');
    expect(filterContains(`"${'${var.x}a'.repeat(40)}" AND "b"`, 'protoPayload.serviceName="c" AND x="d"')).toBe('no');
    // Generous for a loaded machine; the point is seconds against hours, not speed.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keep a hole inside quotes from crossing a quote', () => {
    expect(filterEquals('a="${var.x}"', 'a="x" OR b="y"')).toBe('no');
    expect(filterEquals('a="${var.x}" OR b="${var.y}"', 'a="x" OR b="y"')).toBe('unknown');
  });
});
