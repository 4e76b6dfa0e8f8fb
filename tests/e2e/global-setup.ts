import { existsSync } from 'node:fs';
import { buildEditorPages } from './build-pages.mjs';
import { EXTENSION_DIR } from './fixtures';

export default async function globalSetup() {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error('The extension is not built: run `npm run build` (or `npm test`, which builds first).');
  }
  await buildEditorPages();
}
