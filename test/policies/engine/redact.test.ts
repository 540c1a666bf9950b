/**
 * Which values count as secret (everything at or under a sensitive mark, after and before) and how report
 * data is redacted. Written from the mutants `npm run mutate` left alive in policies/engine/redact.ts.
 */
import type { Model, Resource, UnknownTree } from '../../../policies/engine/model';
import { modelSensitiveValues, REDACTED, redactValue, renderMessage, sensitiveValuesOf } from '../../../policies/engine/redact';

const resource = (values: Record<string, unknown>, sensitive: UnknownTree, before?: Record<string, unknown>) => ({ values, sensitive, before }) as unknown as Resource;
const secretsOf = (values: Record<string, unknown>, sensitive: UnknownTree, before?: Record<string, unknown>) => [...sensitiveValuesOf(resource(values, sensitive, before))].sort();

describe('sensitiveValuesOf', () => {
  it('takes every scalar and subtree under a mark, after and before, and nothing beside it', () => {
    expect(secretsOf({ password: 'hunter2-hunter2', name: 'visible', block: [{ key: 'k-1', n: 7 }] }, { password: true, block: true }, { password: 'old-password-1' })).toEqual(
      ['7', '[{"key":"k-1","n":7}]', '{"key":"k-1","n":7}', 'hunter2-hunter2', 'k-1', 'old-password-1'].sort(),
    );
  });

  it('reads a mark on element 0 of a block that synthesized JSON writes as a single object', () => {
    expect(secretsOf({ settings: { token: 'tok-123456' } }, { settings: { 0: { token: true } } })).toEqual(['tok-123456']);
    // ... but only element 0, and not when the list is empty or the object has a key "0" of its own
    expect(secretsOf({ settings: { token: 'tok-123456' } }, { settings: { 1: { token: true } } })).toEqual([]);
    expect(secretsOf({ settings: [] }, { settings: { 0: true } })).toEqual([]);
    expect(secretsOf({ labels: { 0: 'zero-value', 1: 'one-value' } }, { labels: { 0: true } })).toEqual(['zero-value']);
  });

  it('finds nothing where the value under a mark is missing, null or a scalar the marks treat as a structure', () => {
    expect(secretsOf({ a: null, b: 'plain-text', c: undefined }, { a: { x: true }, b: { 0: true }, c: { 0: true } })).toEqual([]);
    expect(secretsOf({ a: 'plain-text' }, { a: false })).toEqual([]);
  });
});

describe('modelSensitiveValues', () => {
  it('gathers the secrets of every resource that has marks, and no value of the others', () => {
    const model = {
      resources: [
        resource({ password: 'pw-one-1234', name: 'n1' }, { password: true }),
        resource({ name: 'n2', data: 'not-a-secret' }, {}),
        resource({ whole: 'all-of-it-1' }, true),
      ],
    } as unknown as Model;
    expect([...modelSensitiveValues(model)].sort()).toEqual(['pw-one-1234', JSON.stringify({ whole: 'all-of-it-1' }), 'all-of-it-1'].sort());
  });
});

describe('redactValue and renderMessage', () => {
  const secrets = new Set(['us', 'long-secret-1']);

  it('redacts a value equal to a secret, or containing one of at least 8 characters', () => {
    expect([redactValue('us', secrets), redactValue('prefix-long-secret-1', secrets), redactValue('campus', secrets), redactValue(42, secrets)]).toEqual([REDACTED, REDACTED, 'campus', 42]);
    expect(redactValue('us', new Set())).toBe('us');
  });

  it('fills {{name}} from data, redacted, and leaves unknown names visible', () => {
    expect(renderMessage('a {{ x }} b {{y}} c {{missing}} {{toString}}', { x: 'long-secret-1', y: 3 }, secrets)).toBe(`a ${REDACTED} b 3 c {{missing}} {{toString}}`);
    expect(renderMessage('{{x}}', undefined, secrets)).toBe('{{x}}');
  });
});
