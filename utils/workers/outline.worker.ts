/**
 * Reads the document's outline away from the panel's page: 20,000 headings take a worker tens of
 * milliseconds, which on the panel's own thread would be a pause the writer feels.
 */
import { checkNumbering, parseOutline } from '../report/outline';
import type { OutlineWorkerToPanel, PanelToOutlineWorker } from '../../protocol/messages';

const post = (message: OutlineWorkerToPanel) => self.postMessage(message);

self.onmessage = (event: MessageEvent<PanelToOutlineWorker>) => {
  const { version, text } = event.data;
  try {
    const items = parseOutline(text);
    post({ type: 'outline', version, items, issues: checkNumbering(items) });
  } catch (error) {
    console.error('the outline could not be read from this text', error);
    post({ type: 'failed', version });
  }
};
