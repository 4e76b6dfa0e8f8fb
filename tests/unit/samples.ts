import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Text of a real sample from `../shared/samples/`, next to the repository root. */
export function readSample(name: string): string {
  return readFileSync(resolve(process.cwd(), '../shared/samples', name), 'utf8');
}
