import e2eSetup from '../e2e/global-setup';
import { missingTools } from './desktop';

/** Fails the run at once, in one plain line, when Xvfb or xdotool is missing; then the e2e checks. */
export default async function globalSetup() {
  const problem = missingTools();
  if (problem) {
    // The line alone, without a code frame pointing here.
    const error = new Error(problem);
    error.stack = problem;
    throw error;
  }
  await e2eSetup();
}
