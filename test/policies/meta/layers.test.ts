/**
 * The checker's layers say what they hold: the engine knows Terraform JSON and nothing of Google Cloud, the
 * config or the rule catalogue; no file of the project reads the shared material beside the repository; and
 * every yes/no question that may stay open until apply is answered with the one three-valued type, Tri.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'cdktf.out', 'reports', 'coverage', 'fixtures']);

function sources(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return sources(path, accept);
    return accept(name) ? [path] : [];
  });
}

const isTs = (name: string) => name.endsWith('.ts');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*? from '([^']+)'/gms)].map((m) => m[1]);

describe('layers', () => {
  const engine = sources(join(ROOT, 'policies', 'engine'), isTs);

  it('the engine imports only the engine, Node and its libraries: no config, GCP knowledge, catalogue, rules or reports', () => {
    expect(engine.length).toBeGreaterThan(15);
    const outside = engine.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(join(ROOT, 'policies'), join(file, '..', spec)))
        .filter((target) => !target.startsWith('engine'))
        .map((target) => `${relative(ROOT, file)} -> ${target}`),
    );
    expect(outside).toEqual([]);
  });

  it('no file of the project reads the shared material beside the repository', () => {
    const files = sources(ROOT, (name) => /\.(ts|js|json|ya?ml|sh)$/.test(name) || name === 'run');
    expect(files.length).toBeGreaterThan(100);
    const readers = files.filter((file) => file !== __filename && /\.\.\/shared\b/.test(readFileSync(file, 'utf8')));
    expect(readers.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('answers open yes/no questions with Tri, not with booleans widened by undefined or a string', () => {
    const files = sources(join(ROOT, 'policies'), isTs);
    const widened = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /\bboolean \| (undefined|'unknown')|'unknown' \| boolean/.test(line))
        .map(({ at }) => at),
    );
    expect(widened).toEqual([]);
  });
});
