/**
 * `@gcp-security-baseline/checker/testing`: the RuleTester, for teams that write their own rules. Each
 * rule gets a table of valid and invalid cases in both input formats, run through the real loader.
 */
export { modelOf, plan, RULE_TEST_NOW, runRule, runRuleTests, synth } from './rule-tester';
export type { ExpectedReport, FormatException, PlanResourceSpec, RuleCase, RuleInput, SynthDoc } from './rule-tester';
