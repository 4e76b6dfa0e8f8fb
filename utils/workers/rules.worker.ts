/**
 * Runs the user's placeholder rules, and the built-in ones with them, away from the panel's
 * page: a rule that turns out slow on the document freezes only this worker, which the panel
 * stops when a rule overruns its budget (see rules-client.ts). Also judges new patterns, so that
 * the timing trials never block the panel.
 */
import { updatePlaceholders } from '../report/checklist';
import { findPlaceholders, findPlaceholdersByLine, setExamplesAside, validateRule, type FindOptions, type Placeholder } from '../report/placeholders';
import { scanTrial } from '../report/regex-safety';
import { applyDelta } from '../report/text-delta';
import type { PanelToRulesWorker, RulesWorkerToPanel } from '../../protocol/messages';
import { packedBuffers, packPlaceholders } from '../../protocol/rules-worker';

const post = (message: RulesWorkerToPanel, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

// A cold worker's first scan of a long document takes twice as long as its next. The panel
// starts this worker while it looks for the editor; that wait warms the scanner up (some 15 ms
// on a slow machine), on a few lines of the common kinds of blank.
const WARM_UP = '截至xxxx年x月，本单位完成xx项任务，【单位名称】××，{{名称}}，___，（  ）。\n'.repeat(20);
for (let i = 0; i < 50; i++) findPlaceholders(WARM_UP);

let text = '';
/** What each line holds, kept current edit by edit; what the panel is sent sets worked examples aside. */
let byLine: Placeholder[] = [];
let options: FindOptions = {};

self.onmessage = (event: MessageEvent<PanelToRulesWorker>) => {
  const message = event.data;
  if (message.type === 'check') {
    const check = validateRule({ pattern: message.pattern, flags: message.flags });
    const slow = check.ok ? scanTrial(check.regex) : null;
    const refusal = !check.ok ? check.message : slow;
    post({ type: 'checked', ok: refusal === null, message: refusal ?? '' });
    return;
  }
  if (message.type === 'text') {
    text = message.text;
    options = { rules: message.rules, onRule: (id) => post({ type: 'rule', id }) };
    byLine = findPlaceholdersByLine(text, options);
  } else {
    const edited = applyDelta(text, message.delta);
    byLine = updatePlaceholders(byLine, edited, message.delta, options);
    text = edited;
  }
  const packed = packPlaceholders(setExamplesAside(text, byLine));
  post({ type: 'placeholders', version: message.version, placeholders: packed }, packedBuffers(packed));
};
