/**
 * Reads the document's outline away from the panel's page: 20,000 headings take a worker tens of
 * milliseconds, which on the panel's own thread would be a pause the writer feels.
 */
import { checkNumbering, parseOutline } from '../report/outline';
import type { OutlineWorkerToPanel, PanelToOutlineWorker } from '../../protocol/messages';
import { packedOutlineBuffers, packOutline } from '../../protocol/outline-worker';

const post = (message: OutlineWorkerToPanel, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

// A cold worker's first parse of a long outline takes about twice its next. The panel starts
// this worker while the editor's text is on its way; that wait warms the parser up on a few
// headings of the common kinds.
const WARM_UP = '一、总体情况\n（一）主要工作\n1. 工作进展\n（1）具体做法\n正文。\n## 二、存在的问题\n下一步工作打算\n'.repeat(20);
for (let i = 0; i < 30; i++) checkNumbering(parseOutline(WARM_UP));

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
