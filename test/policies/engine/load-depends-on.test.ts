/** `depends_on` reaches the model as model ids, in synthesized JSON and in plans (from the configuration). */
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';

describe('depends_on in the model', () => {
  it('synth: same-stack addresses become model ids; names of nothing in the input are left out', () => {
    const model = modelOf({
      synth: synth({ time_sleep: { s: { create_duration: '60s', depends_on: ['google_logging_metric.m', 'module.gone'] } }, google_logging_metric: { m: { name: 'm', filter: 'x' } } }),
    });
    expect(model.byId('time_sleep.s')!.dependsOn).toEqual(['google_logging_metric.m']);
    expect(model.byId('google_logging_metric.m')!.dependsOn).toEqual([]);
  });

  it('plan: configuration depends_on names every instance of a counted resource', () => {
    const model = modelOf({
      plan: plan([
        { address: 'google_logging_metric.m[0]', values: { name: 'a' } },
        { address: 'google_logging_metric.m[1]', values: { name: 'b' } },
        { address: 'time_sleep.s', values: { create_duration: '60s' }, dependsOn: ['google_logging_metric.m'] },
      ]),
    });
    expect(model.byId('time_sleep.s')!.dependsOn).toEqual(['google_logging_metric.m[0]', 'google_logging_metric.m[1]']);
  });
});
