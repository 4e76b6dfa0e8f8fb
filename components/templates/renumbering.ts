import type { RenumberChange } from '@/utils/report/outline';
import type { StatusTone } from '../common/action-status';
import { failureText } from '../target/failure-text';
import type { SendToTarget } from '../target/useTabEditors';
import { countText } from '@/utils/plural';

/**
 * Writes renumbering into the target editor in one request, each marker checked against the
 * text it was found in (the writer may have typed since). Gives the message to say: `done` on
 * success, else how far it got and why it stopped.
 */
export async function writeRenumbering(send: SendToTarget, changes: readonly RenumberChange[], done: string): Promise<{ text: string; tone: StatusTone }> {
  const result = await send<'replace-each'>({
    type: 'replace-each',
    edits: changes.map((c) => ({ start: c.start, end: c.end, text: c.after, expected: c.before })),
  });
  if (result.ok) return { text: done, tone: 'ok' };
  if ('applied' in result && result.applied > 0) {
    return { text: countText('editsStopped', changes.length, [String(result.applied), String(changes.length), failureText(result)]), tone: 'error' };
  }
  return { text: failureText(result), tone: 'error' };
}
