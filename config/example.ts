/** The shipped example org, used by `npm start`, `npm run synth` and the tests. The baseline's, not the checker's. */
import { join } from 'node:path';

export const EXAMPLE_CONFIG = join(__dirname, 'example.baseline.yaml');
