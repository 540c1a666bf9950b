import type * as Sarif from 'sarif';
import { artifactUri, renderSarif, toSarif } from '../../../policies/report/sarif';

const RULES_BASE = 'https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/';
import { CATALOGUE, NASTY, sampleEvaluation } from './evaluation';

const LEVELS = ['error', 'warning', 'note'];

/** Paths that hold undefined: a field set to undefined is a field the report forgot to fill. */
function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
}

describe('sarif report', () => {
  const log = toSarif(sampleEvaluation(), CATALOGUE, { baseDir: '/repo' });
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules!;
  const results = run.results!;
  const resultFor = (ruleId: string) => results.find((r) => r.ruleId === ruleId)!;

  test('is SARIF 2.1.0 with one run by gcp-security-baseline and no undefined anywhere', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('gcp-security-baseline');
    expect(undefinedPaths(log)).toEqual([]);
    expect(JSON.parse(renderSarif(sampleEvaluation(), CATALOGUE))).toEqual(JSON.parse(JSON.stringify(toSarif(sampleEvaluation(), CATALOGUE))));
  });

  test('has one rule descriptor per rule run plus the engine rules that reported', () => {
    expect(rules.map((r) => r.id)).toEqual([...sampleEvaluation().rules.map((r) => r.ruleId), 'suppression-expired']);
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      // Absolute, from the checker's package.json: a report that leaves the repository still links its rules.
      expect(rule.helpUri).toBe(`${RULES_BASE}${rule.id}.md`);
      expect(['9.0', '7.0', '4.0', '2.0']).toContain(rule.properties?.['security-severity']);
    }
  });

  test('describes a rule from its metadata: help, severity, tags from category and controls', () => {
    expect(rules.find((r) => r.id === 'iam-no-basic-roles')).toEqual({
      id: 'iam-no-basic-roles',
      name: 'iam-no-basic-roles',
      shortDescription: { text: 'Description of iam-no-basic-roles.' },
      fullDescription: { text: 'Description of iam-no-basic-roles.' },
      help: { text: 'Help for iam-no-basic-roles.' },
      helpUri: `${RULES_BASE}iam-no-basic-roles.md`,
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '7.0', tags: ['iam', 'TEST-CONTROL-2', 'TEST-CONTROL-3'] },
    });
    expect(rules.find((r) => r.id === 'iam-no-public-principals')?.properties?.['security-severity']).toBe('9.0');
    expect(rules.find((r) => r.id === 'kms-key-rotation')?.defaultConfiguration?.level).toBe('warning');
    expect(rules.find((r) => r.id === 'secrets-rotation')?.defaultConfiguration?.level).toBe('note');
  });

  test('maps severities to levels: critical/high error, medium warning, low note', () => {
    expect(results).toHaveLength(sampleEvaluation().results.length);
    for (const r of results) expect(LEVELS).toContain(r.level);
    expect(resultFor('iam-no-public-principals').level).toBe('error');
    expect(resultFor('iam-no-basic-roles').level).toBe('error');
    expect(resultFor('logging-bucket-retention').level).toBe('warning');
    expect(resultFor('suppression-expired').level).toBe('note');
  });

  test('every result points at its rule descriptor and carries a message and a location', () => {
    for (const r of results) {
      expect(rules[r.ruleIndex!]?.id).toBe(r.ruleId);
      expect(r.message.text).toBeTruthy();
      expect(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBeTruthy();
      expect(r.partialFingerprints?.['baselineResult/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  test('locates a cdktf.out result by <stack>/<address> and a repo-relative source file', () => {
    const r = resultFor('iam-no-public-principals');
    expect(r.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'cdktf.out/stacks/iam/cdk.tf.json' } },
        logicalLocations: [
          { fullyQualifiedName: 'iam/google_storage_bucket_iam_member.public', name: 'google_storage_bucket_iam_member.public', kind: 'resource' },
        ],
      },
    ]);
    expect(r.properties).toEqual({
      'security-severity': '9.0',
      outcome: 'finding',
      messageId: 'public',
      constructPath: 'iam/public-bucket/Resource',
      path: 'member',
    });
    expect(r.suppressions).toBeUndefined();
  });

  test('a source outside the base directory becomes a file URI; a model-level finding points at the first input', () => {
    expect(resultFor('iam-no-basic-roles').locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('file:///elsewhere/plan.json');
    const missing = resultFor('logging-org-sink-covers-all').locations?.[0];
    expect(missing?.physicalLocation?.artifactLocation?.uri).toBe('cdktf.out/manifest.json');
    expect(missing?.logicalLocations?.[0]?.fullyQualifiedName).toBe('logging-org-sink-covers-all');
  });

  test('keeps the rendered message as it is (JSON escapes it)', () => {
    expect(resultFor('iam-no-basic-roles').message.text).toBe(NASTY);
  });

  test('marks unknown outcomes', () => {
    expect(resultFor('iam-no-user-principals').properties?.outcome).toBe('unknown');
    expect(resultFor('logging-bucket-retention').properties?.outcome).toBe('unknown');
  });

  test('suppressed results carry external (config) or inSource (inline) suppressions with the reason', () => {
    const config: Sarif.Suppression[] | undefined = resultFor('logging-bucket-cmek').suppressions;
    expect(config).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Google-managed keys until the KMS project exists.', properties: { expires: '2099-01-31' } },
    ]);
    expect(resultFor('secrets-rotation').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'The canary is never read, so never rotated.', properties: { expires: '2099-06-30' } },
    ]);
  });

  test('an evaluation with no results is still a valid log with its rules', () => {
    const empty = toSarif(sampleEvaluation({ results: [] }), CATALOGUE);
    expect(empty.runs[0]?.results).toEqual([]);
    expect(empty.runs[0]?.tool.driver.rules).toHaveLength(9);
    expect(undefinedPaths(empty)).toEqual([]);
  });

  describe('artifact URIs are valid URI references that lead back to the file', () => {
    const base = '/repo';
    /** Resolves a URI reference against the base directory the way a SARIF viewer would, back to a path. */
    const resolved = (uri: string) => decodeURIComponent(new URL(uri, 'file:///repo/').pathname);

    test.each([
      ['a plain relative path', 'plans/app.json', '/repo/plans/app.json'],
      ['a # and a %', 'plans/team#1 100%.json', '/repo/plans/team#1 100%.json'],
      ['a ? and a colon that would read as a scheme', 'c:plan?.json', '/repo/c:plan?.json'],
      ['an absolute path under the base', '/repo/out/stacks/iam/cdk.tf.json', '/repo/out/stacks/iam/cdk.tf.json'],
      ['an absolute path elsewhere', '/tmp/x #y/plan.json', '/tmp/x #y/plan.json'],
    ])('%s', (_, file, path) => {
      const uri = artifactUri(file, base);
      expect(() => new URL(uri, 'file:///repo/')).not.toThrow();
      expect(uri).not.toMatch(/[ #?%](?![0-9A-F]{2})/);
      expect(resolved(uri)).toBe(path);
    });

    test('standard input has no file: it is the relative reference "stdin", never "<stdin>"', () => {
      expect([artifactUri('<stdin>', base), artifactUri('-', base)]).toEqual(['stdin', 'stdin']);
    });
  });
});
