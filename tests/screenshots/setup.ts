import { mkdirSync, rmSync } from 'node:fs';
import e2eSetup from '../e2e/global-setup';
import { SCREENSHOTS_DIR } from './readme-section';

/** The e2e checks (the extension is built), and no picture left over from a tab that went. */
export default async function setup() {
  await e2eSetup();
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
}
