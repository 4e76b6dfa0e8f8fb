import { mkdirSync } from 'node:fs';
import e2eSetup from '../e2e/global-setup';
import { FIRST_HOUR_DIR, SCREENSHOTS_DIR } from './readme-section';

/**
 * The e2e checks (the extension is built), and when the run started: the teardown removes the
 * pictures of a series the run retook that it did not take again (a tab that went). A run of
 * one file leaves the other series alone.
 */
export default async function setup() {
  await e2eSetup();
  process.env.SCREENSHOTS_STARTED = String(Date.now());
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(FIRST_HOUR_DIR, { recursive: true });
}
