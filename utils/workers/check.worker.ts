/**
 * Runs the pre-submission check away from the panel's page, so that a long document never holds
 * up typing in the panel. It keeps the last text it checked: a new text that differs from it by
 * one edit is checked again on the lines that edit touched only.
 */
import { checkDocumentIncremental, startCheck, type CheckRuleId, type CheckState } from '../report/check';
import { diffText } from '../report/text-delta';
import type { CheckWorkerToPanel, PanelToCheckWorker } from '../../protocol/messages';

let state: CheckState | null = null;
let text = '';
let disabledKey = '';

const post = (message: CheckWorkerToPanel) => self.postMessage(message);

self.onmessage = (event: MessageEvent<PanelToCheckWorker>) => {
  const message = event.data;
  const disabled = message.disabled as CheckRuleId[];
  const key = [...disabled].sort().join(',');
  try {
    if (state && key === disabledKey) {
      const delta = diffText(text, message.text);
      if (delta) state = checkDocumentIncremental(state, delta);
    } else {
      state = startCheck(message.text, { disabled });
      disabledKey = key;
    }
    text = message.text;
    post({ type: 'findings', version: message.version, findings: state.findings });
  } catch (error) {
    // The next text is checked whole: the state may be half updated.
    state = null;
    console.error('the check failed on this text', error);
    post({ type: 'failed', version: message.version });
  }
};
