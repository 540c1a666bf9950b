/**
 * Two costs of cdktf synthesis that grow with the org and buy nothing here, each found with --cpu-prof on a
 * generated 1,000-project org (scripts/bench-synth.ts); main.ts synthBaseline avoids both.
 */
import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';

const MEMOIZED = Symbol.for('gcp-security-baseline.terraform-version-once');

type Validate = ValidateBinaryVersion['validate'];

/**
 * Makes cdktf's binary-version validations ask each (command, constraint) once per process. Idempotent.
 *
 * cdktf gives every resource with an import block its own `terraform version` check (`TerraformResource.importFrom`
 * adds a ValidateTerraformVersion, cdktf/lib/terraform-resource.js), and each check starts a process at synth: an
 * org importing 45 of 1,000 projects spent 12 s of a 31 s synth starting terraform. The installed terraform cannot
 * change during one synth; the answer, an error included, is the one cdktf would have given every resource.
 */
export function askTerraformVersionOnce(): void {
  const proto = ValidateBinaryVersion.prototype as ValidateBinaryVersion & { [MEMOIZED]?: true };
  if (proto[MEMOIZED]) return;
  const original: Validate = proto.validate;
  const answers = new Map<string, string[]>();
  proto.validate = function validate(this: ValidateBinaryVersion): string[] {
    // The fields are protected in the typings; the key is what decides the answer.
    const self = this as unknown as { versionCommand: string; versionConstraint: string; hint?: string };
    const key = JSON.stringify([self.versionCommand, self.versionConstraint, self.hint ?? '']);
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = original.call(this)));
    return [...answer];
  };
  proto[MEMOIZED] = true;
}

/**
 * Runs `build` with V8's own stack-trace formatting. cdktf captures a full stack trace for every token it creates
 * (cdktf/lib/tokens/private/stack-trace.js, with `Error.stackTraceLimit` lifted), and provider classes create
 * several per resource; under ts-node each trace goes through source-map-support's `prepareStackTrace`, frame by
 * frame. That was 6.9 s of a 14 s synth of 1,000 projects, 1.6 s with V8's formatting. The traces only name
 * where a token was created, for cdktf's error messages; they keep the compiled positions. The previous
 * formatter is restored afterwards, also when `build` throws.
 */
export function withPlainStackTraces<T>(build: () => T): T {
  // Deleting the property, not setting undefined: @types/node declares it as always a function.
  const prepare = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  try {
    return build();
  } finally {
    if (prepare) Object.defineProperty(Error, 'prepareStackTrace', prepare);
  }
}
