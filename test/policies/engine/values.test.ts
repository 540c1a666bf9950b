/** Values known only after apply read with one three-valued answer, and sensitive values kept out of messages. */
import { get, type Resource } from '../../../policies/engine/model';
import { modelSensitiveValues, REDACTED, redactValue, renderMessage, sensitiveValuesOf } from '../../../policies/engine/redact';
import { anyYes, isTrue, knownString, lastSegment, resolvedString, sameIdentifier, surviving, tri, writtenText } from '../../../policies/engine/values';
import { modelOf, plan, synth } from '../../../policies/testing/rule-tester';

const model = modelOf({
  synth: synth({
    google_project: { p: { project_id: 'app-prd', name: 'app', number_text: 7 } },
    google_x: {
      known: { name: 'projects/app-prd', flag: true, text_flag: 'true', off: false, size: 3 },
      templated: { name: 'projects/${google_project.p.project_id}/x' },
      twice: { name: '${google_project.p.project_id}-${google_project.p.project_id}' },
      open: { name: 'projects/${google_project.p.number}', flag: '${var.flag}' },
      whole: { name: '${google_project.p}' },
      numeric: { name: '${google_project.p.number_text}' },
      variable: { name: '${var.x}' },
      same_raw: { name: '${var.x}' },
      other_raw: { name: '${google_project.p.number}-x' },
    },
  }),
});
const resource = (name: string) => model.byId(`google_x.${name}`)!;
const name = (n: string) => get(resource(n), 'name');

describe('resolvedString and knownString', () => {
  it('give a known string, and a template whose every reference names a known attribute', () => {
    expect(['known', 'templated', 'twice'].map((n) => knownString(model, resource(n), 'name'))).toEqual(['projects/app-prd', 'projects/app-prd/x', 'app-prd-app-prd']);
  });

  it('give nothing for a value known only after apply, a whole-resource reference, a non-string, a variable or an absent value', () => {
    expect(['open', 'whole', 'numeric', 'variable'].map((n) => knownString(model, resource(n), 'name'))).toEqual([undefined, undefined, undefined, undefined]);
    expect([knownString(model, resource('known'), 'size'), knownString(model, resource('known'), 'missing'), resolvedString(model, get(resource('known'), 'flag'))]).toEqual([undefined, undefined, undefined]);
  });
});

describe('sameIdentifier', () => {
  it('compares what both sides resolve to, after normalizing', () => {
    expect([
      sameIdentifier(model, name('known'), name('known')),
      sameIdentifier(model, name('templated'), name('known')),
      sameIdentifier(model, name('known'), get(resource('known'), 'text_flag')),
      sameIdentifier(model, get(resource('known'), 'text_flag'), get(resource('known'), 'name'), () => 'same'),
    ]).toEqual(['yes', 'no', 'no', 'yes']);
  });

  it('says yes for two unknowns written alike or naming the same attribute, and unknown otherwise', () => {
    expect([
      sameIdentifier(model, name('variable'), name('same_raw')),
      sameIdentifier(model, name('open'), name('other_raw')),
      sameIdentifier(model, name('open'), name('variable')),
      sameIdentifier(model, name('open'), name('known')),
      sameIdentifier(model, name('whole'), name('whole')),
    ]).toEqual(['yes', 'yes', 'unknown', 'unknown', 'yes']);
  });
});

describe('small readers', () => {
  it('tri, anyYes, lastSegment, writtenText', () => {
    expect([tri(true), tri(false)]).toEqual(['yes', 'no']);
    expect([anyYes(['no', 'yes', 'unknown']), anyYes(['no', 'unknown']), anyYes(['no']), anyYes([])]).toEqual(['yes', 'unknown', 'no', 'no']);
    expect(['projects/p', 'folders/1/x', 'plain', 'a/'].map(lastSegment)).toEqual(['p', 'x', 'plain', '']);
    expect([writtenText(get(resource('known'), 'size')), writtenText(name('open')), writtenText(get(resource('known'), 'missing'))]).toEqual(['3', 'projects/${google_project.p.number}', undefined]);
  });

  it('isTrue reads true and "true" as yes, false and absence as no, a value known after apply as unknown', () => {
    expect(['flag', 'text_flag', 'off', 'missing', 'size'].map((p) => isTrue(resource('known'), p))).toEqual(['yes', 'yes', 'no', 'no', 'no']);
    expect(isTrue(resource('open'), 'flag')).toBe('unknown');
  });

  it('surviving leaves out what a plan deletes', () => {
    const planned = modelOf({
      plan: plan([
        { address: 'google_x.kept', values: {}, action: 'no-op' },
        { address: 'google_x.gone', values: {}, action: 'delete' },
        { address: 'google_x.new', values: {} },
      ]),
    });
    expect(surviving(planned.resources).map((r) => r.address)).toEqual(['google_x.kept', 'google_x.new']);
  });
});

describe('redaction', () => {
  const secretModel = modelOf({
    plan: plan([
      {
        address: 'google_x.s',
        values: { token: 'tok-5f2b9c1d', list: [{ password: 'pw-abcdefgh', user: 'u' }], block: { key: 'k-1234567890' }, plain: 'visible', n: 42 },
        sensitive: { token: true, list: [{ password: true }], block: true, n: true },
        before: { token: 'old-tok-99887766', list: [], block: { key: 'old-k' }, plain: 'visible', n: 41 },
        action: 'update',
      },
      { address: 'google_x.clean', values: { plain: 'also-visible' } },
    ]),
  });

  it('collects every scalar and subtree at a sensitive path, after and before the change', () => {
    const values = sensitiveValuesOf(secretModel.byId('google_x.s')!);
    expect([...values].sort()).toEqual(['41', '42', 'k-1234567890', 'old-k', 'old-tok-99887766', 'pw-abcdefgh', 'tok-5f2b9c1d', '{"key":"k-1234567890"}', '{"key":"old-k"}'].sort());
    expect(modelSensitiveValues(secretModel)).toEqual(values);
  });

  it('reads a sensitive mark of block 0 on a synthesized single block written as an object', () => {
    const r = { values: { settings: { secret: 's3cr3t-value' } }, sensitive: { settings: { 0: { secret: true } } }, before: undefined } as unknown as Resource;
    expect([...sensitiveValuesOf(r)]).toEqual(['s3cr3t-value']);
  });

  it('replaces a value equal to a secret, or containing one of 8 characters or more', () => {
    const secrets = new Set(['tok-5f2b9c1d', 'short']);
    expect([redactValue('tok-5f2b9c1d', secrets), redactValue('Bearer tok-5f2b9c1d', secrets), redactValue('short', secrets), redactValue('a short one', secrets), redactValue(7, secrets), redactValue('x', new Set())]).toEqual([
      REDACTED,
      REDACTED,
      REDACTED,
      'a short one',
      7,
      'x',
    ]);
  });

  it('renders a message from its data, redacted, leaving unknown placeholders visible', () => {
    const secrets = new Set(['tok-5f2b9c1d']);
    expect(renderMessage('{{a}} and {{ b }} and {{c}} and {{toString}}', { a: 'tok-5f2b9c1d', b: 3 }, secrets)).toBe(`${REDACTED} and 3 and {{c}} and {{toString}}`);
    expect(renderMessage('{{a.b-c}}', { 'a.b-c': 'ok' }, new Set())).toBe('ok');
    expect(renderMessage('{{a}}', undefined, secrets)).toBe('{{a}}');
  });
});
