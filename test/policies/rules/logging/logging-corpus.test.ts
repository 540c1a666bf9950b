/**
 * The logging rules on real third-party plans (terraform-validator): the one plan with a logging
 * resource (a log-based metric) and the two project plans, with their exact per-rule outcomes.
 */
import { evaluate } from '../../../../policies/engine/evaluate';
import { paramsFromConfig } from '../../../../policies/config/adapter';
import { RULES } from '../../../../policies/rules';
import { modelOf, RULE_TEST_NOW } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './fixtures';

const rules = RULES.filter((r) => r.meta.category === 'logging');

function outcomes(file: string) {
  const evaluation = evaluate(modelOf(corpusPlan(file)), {
    rules,
    pack: { name: 'all', description: 'logging rules on the corpus', rules: rules.map((r) => ({ rule: r.meta.id })) },
    params: paramsFromConfig(undefined, RULE_TEST_NOW),
  });
  return {
    rules: Object.fromEntries(evaluation.rules.map((r) => [r.ruleId, r.outcome])),
    results: evaluation.results.map((r) => `${r.ruleId} ${r.messageId} ${r.address} ${r.outcome}`).sort(),
  };
}

describe('logging rules on the terraform-validator corpus', () => {
  it('runs all nine logging rules', () => {
    expect(rules.map((r) => r.meta.id).sort()).toEqual([
      'logging-audit-config-complete',
      'logging-bucket-cmek',
      'logging-bucket-locked',
      'logging-bucket-retention',
      'logging-data-access-for-tight-coupled',
      'logging-every-project-covered',
      'logging-no-audit-exclusions',
      'logging-org-sink-covers-all',
      'logging-sink-writer-granted',
    ]);
  });

  it('fails example_logging_metric: a metric alone is no sink and no audit config', () => {
    expect(outcomes('example_logging_metric.tfplan.json')).toEqual({
      rules: {
        'logging-audit-config-complete': 'finding',
        'logging-bucket-cmek': 'not-applicable',
        'logging-bucket-locked': 'not-applicable',
        'logging-bucket-retention': 'not-applicable',
        'logging-data-access-for-tight-coupled': 'not-applicable',
        'logging-every-project-covered': 'not-applicable',
        'logging-no-audit-exclusions': 'not-applicable',
        'logging-org-sink-covers-all': 'finding',
        'logging-sink-writer-granted': 'not-applicable',
      },
      results: [
        'logging-audit-config-complete missing logging-audit-config-complete finding',
        'logging-org-sink-covers-all missing logging-org-sink-covers-all finding',
      ],
    });
  });

  it.each([['example_project_in_org.tfplan.json'], ['example_project_in_folder.tfplan.json']])(
    'fails %s: the new project reaches no sink',
    (file) => {
      const { rules: byRule, results } = outcomes(file);
      expect(byRule['logging-every-project-covered']).toBe('finding');
      expect(byRule['logging-data-access-for-tight-coupled']).toBe('not-applicable');
      expect(results).toEqual([
        'logging-audit-config-complete missing logging-audit-config-complete finding',
        'logging-every-project-covered not-covered google_project.my_project finding',
        'logging-org-sink-covers-all missing logging-org-sink-covers-all finding',
      ]);
    },
  );

  it('passes example_storage_bucket on the bucket rules: no sink writes to it', () => {
    const { rules: byRule } = outcomes('example_storage_bucket.tfplan.json');
    expect([byRule['logging-bucket-retention'], byRule['logging-bucket-locked'], byRule['logging-bucket-cmek']]).toEqual(['pass', 'pass', 'pass']);
  });
});
