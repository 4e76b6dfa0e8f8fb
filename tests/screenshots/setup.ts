import { mkdirSync, rmSync } from 'node:fs';
import e2eSetup from '../e2e/global-setup';
import { FIRST_HOUR_DIR, SCREENSHOTS_DIR } from './readme-section';

/** The e2e checks (the extension is built), and no picture left over from a tab that went. */
export default async function setup() {
  await e2eSetup();
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(FIRST_HOUR_DIR, { recursive: true });
}
