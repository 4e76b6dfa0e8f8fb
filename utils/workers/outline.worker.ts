/**
 * Reads the document's outline away from the panel's page: 20,000 headings take a worker tens of
 * milliseconds, which on the panel's own thread would be a pause the writer feels.
 */
import { checkNumbering, parseOutline } from '../report/outline';
import type { OutlineWorkerToPanel, PanelToOutlineWorker } from '../../protocol/messages';
import { packedOutlineBuffers, packOutline } from '../../protocol/outline-worker';

const post = (message: OutlineWorkerToPanel, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = (event: MessageEvent<PanelToOutlineWorker>) => {
  const { version, text } = event.data;
  try {
    const items = parseOutline(text);
    const packed = packOutline(items);
    post({ type: 'outline', version, items: packed, issues: checkNumbering(items) }, packedOutlineBuffers(packed));
  } catch (error) {
    console.error('the outline could not be read from this text', error);
    post({ type: 'failed', version });
  }
};
