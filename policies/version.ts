/** The checker's version, from its package.json. */
import { packageInfo } from './package-info';

export const version = packageInfo().version;
