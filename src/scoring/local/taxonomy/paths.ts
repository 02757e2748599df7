import { join } from 'node:path';
import { findPackageRoot } from '../../../config/package-root.ts';

/** Where the taxonomy artefacts live: src/scoring/local/taxonomy/data under the project root. */
export function taxonomyDataDir(moduleUrl: string = import.meta.url): string {
  return join(findPackageRoot(moduleUrl), 'src', 'scoring', 'local', 'taxonomy', 'data');
}
