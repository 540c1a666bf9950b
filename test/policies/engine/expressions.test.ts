/**
 * Terraform expressions as the loaders read them: a plan configuration's reference strings and the `${...}`
 * tokens of synthesized JSON, split into what they name (the root, the address, an instance key, an attribute).
 */
import { indexSuffix, isToken, parseTraversal, traversalsInToken, type Traversal } from '../../../policies/engine/load/expressions';

const parts = (t: Traversal | undefined) => t && [t.root, t.address, t.index, t.attribute, t.expression];

describe('parseTraversal', () => {
  it.each([
    ['google_x.y', ['resource', 'google_x.y', undefined, undefined, 'google_x.y']],
    ['google_x.y.attr', ['resource', 'google_x.y', undefined, 'attr', 'google_x.y.attr']],
    ['google_x.y[0].id', ['resource', 'google_x.y', 0, 'id', 'google_x.y[0].id']],
    ['google_x.y[ 12 ]', ['resource', 'google_x.y', 12, undefined, 'google_x.y[ 12 ]']],
    ['google_x.y["k"].id', ['resource', 'google_x.y', 'k', 'id', 'google_x.y["k"].id']],
    ['google_x.y["a\\"b"]', ['resource', 'google_x.y', 'a"b', undefined, 'google_x.y["a\\"b"]']],
    ['google_x.y.0.id', ['resource', 'google_x.y', 0, 'id', 'google_x.y.0.id']],
    ['google_x.y.binding.0.role', ['resource', 'google_x.y', undefined, 'binding.0.role', 'google_x.y.binding.0.role']],
    ['google_x.y[*].id', ['resource', 'google_x.y', undefined, '*.id', 'google_x.y[*].id']],
    ['google_x.y.*.id', ['resource', 'google_x.y', undefined, '*.id', 'google_x.y.*.id']],
    ['google-beta_x.y-z.a-b', ['resource', 'google-beta_x.y-z', undefined, 'a-b', 'google-beta_x.y-z.a-b']],
    ['data.google_d.r.id', ['data', 'data.google_d.r', undefined, 'id', 'data.google_d.r.id']],
    ['data.google_d.r[1]', ['data', 'data.google_d.r', 1, undefined, 'data.google_d.r[1]']],
    ['var.apis', ['var', 'var.apis', undefined, undefined, 'var.apis']],
    ['local.x.y', ['local', 'local.x', undefined, 'y', 'local.x.y']],
    ['module.m.out', ['module', 'module.m', undefined, 'out', 'module.m.out']],
    ['module.m["a"].out', ['module', 'module.m', 'a', 'out', 'module.m["a"].out']],
  ])('%s', (expression, expected) => {
    expect(parts(parseTraversal(expression))).toEqual(expected);
  });

  it.each([
    // Names that refer to no resource, a function call, a bare for-expression variable, an incomplete traversal
    'each.value', 'count.index', 'path.module', 'terraform.workspace', 'self.id', 'true', 'null', 'toset(var.x)', 'item.name', 'data.google_d', 'data.google_d[0].x',
    'var', 'var[0]', 'module.*', 'google_x', 'google_x[0]', 'google_x.*', '0abc', '.x', '',
  ])('%s names nothing', (expression) => {
    expect(parseTraversal(expression)).toBeUndefined();
  });

  it('stops at what follows a traversal, keeping the part read', () => {
    expect(parts(parseTraversal('google_x.y.id + 1'))).toEqual(['resource', 'google_x.y', undefined, 'id', 'google_x.y.id']);
    expect(parts(parseTraversal('google_x.y.'))).toEqual(['resource', 'google_x.y', undefined, undefined, 'google_x.y']);
    expect(parts(parseTraversal('google_x.y[x]'))).toEqual(['resource', 'google_x.y', undefined, undefined, 'google_x.y']);
  });
});

describe('isToken', () => {
  it.each([
    ['${var.x}', true],
    ['a${var.x}', true],
    ['%{ if var.x }a%{ endif }', true],
    ['a%{ for x in y }', true],
    ['$${var.x}', false],
    ['%%{ if x }', false],
    ['plain', false],
    ['$ {x}', false],
    ['', false],
  ])('%s', (value, expected) => {
    expect(isToken(value)).toBe(expected);
  });

  it('is false for what is not a string', () => {
    expect([isToken(undefined), isToken(7), isToken({ a: '${x}' }), isToken(['${x}'])]).toEqual([false, false, false, false]);
  });
});

describe('traversalsInToken', () => {
  const found = (template: string) => traversalsInToken(template).map((t) => t.expression);

  it('finds every traversal inside the interpolations, in order', () => {
    expect(found('${google_x.a.id}-${google_x.b.name}')).toEqual(['google_x.a.id', 'google_x.b.name']);
    expect(found('projects/${var.p}/x/${google_x.a[0].id}')).toEqual(['var.p', 'google_x.a[0].id']);
    expect(found('${concat(google_x.a.list, [data.google_d.b.id])}')).toEqual(['google_x.a.list', 'data.google_d.b.id']);
  });

  it('ignores literal text, escapes and quoted strings', () => {
    expect(found('google_x.a.id ${"google_x.b.id"} $${google_x.c.id}')).toEqual([]);
    expect(found('${"a\\"google_x.b.id" == google_x.c.id}')).toEqual(['google_x.c.id']);
    expect(found('${"roles/x.y"}')).toEqual([]);
  });

  it('reads nested braces and strings with interpolations inside the code', () => {
    expect(found('${{ a = google_x.a.id }}')).toEqual(['google_x.a.id']);
    expect(found('${"x-${google_x.a.id}"}')).toEqual(['google_x.a.id']);
    expect(found('${{a = {b = google_x.a.id}}.a} tail ${google_x.b.id}')).toEqual(['google_x.a.id', 'google_x.b.id']);
    expect(found('${{a = 1}.a + google_x.b.id}')).toEqual(['google_x.b.id']);
    expect(found('${"}" == google_x.b.id}')).toEqual(['google_x.b.id']);
  });

  it('does not start a traversal in the middle of a name, an attribute or an index', () => {
    expect(found('${xgoogle_x.a.id}')).toEqual(['xgoogle_x.a.id']);
    expect(found('${local.m.google_x.a}')).toEqual(['local.m.google_x.a']);
    expect(found('${google_x.a[0].google_y.b}')).toEqual(['google_x.a[0].google_y.b']);
    expect(found('${a-google_x.b.c}')).toEqual(['a-google_x.b.c']);
    expect(found('${1+google_x.b.c}')).toEqual(['google_x.b.c']);
    expect(found('${(google_x.b.c)}')).toEqual(['google_x.b.c']);
  });

  it('starts a traversal at any HCL identifier (a letter of either case or an underscore), not at a digit or symbol', () => {
    expect(found('${Zeta_x.a.id + alpha_x.b.id + _under.c + Alpha_x.d.id + zeta_x.e.id}')).toEqual(['Zeta_x.a.id', 'alpha_x.b.id', '_under.c', 'Alpha_x.d.id', 'zeta_x.e.id']);
    expect(found('${9google_x.a.id} ${[0].google_x} ${!google_x.b.id}')).toEqual(['google_x.b.id']);
  });

  it('reads braces in literal text as text', () => {
    expect(found('a{b.c} ${google_x.a.id} {d.e}')).toEqual(['google_x.a.id']);
    expect(found('x{ ${google_x.a.id} }')).toEqual(['google_x.a.id']);
  });

  it('skips function names and for-expression variables', () => {
    expect(found('${[for b in google_x.a.bindings : b.role]}')).toEqual(['google_x.a.bindings']);
    expect(found('${lookup(each.value, "k")}')).toEqual([]);
  });
});

describe('indexSuffix', () => {
  it('writes instance keys as Terraform addresses do', () => {
    expect([indexSuffix(undefined), indexSuffix(0), indexSuffix(12), indexSuffix('k'), indexSuffix('a"b')]).toEqual(['', '[0]', '[12]', '["k"]', '["a\\"b"]']);
  });
});
