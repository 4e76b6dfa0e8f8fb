import { useCallback, useState } from 'react';
import type { Template, TemplateSection } from '@/utils/db/schema';
import type { InsertPayload } from '@/protocol/messages';
import { renumber, type RenumberChange } from '@/utils/report/outline';
import { renderSections } from '@/utils/report/templates';
import { sanitizeHtml } from '@/utils/sanitize';
import { failureText } from '../target/failure-text';
import type { SendToTarget } from '../target/useTabEditors';
import { i18n } from '#i18n';

type Status = (text: string, tone: 'ok' | 'error') => void;

/** The caret and the text of the target editor, read afresh: the writer may have typed since. */
async function readAtCaret(send: SendToTarget) {
  const fresh = await send<'read-text'>({ type: 'read-text' });
  if (!fresh.ok) return fresh;
  const caret = await send<'read-selection'>({ type: 'read-selection' });
  // With no caret the editor takes the insertion at its end.
  const selection = caret.ok && caret.selection ? caret.selection : { start: fresh.text.length, end: fresh.text.length };
  return { ok: true as const, text: fresh.text, selection };
}

/** Renumbering as previewed: the changes and the words around each, in the text they were found in. */
export interface RenumberPreview {
  changes: RenumberChange[];
  around: (readonly [string, string])[];
}

const AROUND = 24;

/**
 * Inserting template sections at the caret, numbered to fit there, and renumbering the headings
 * after the caret: previewed first, then one request to the editor.
 */
export function useTemplateInsert(send: SendToTarget, onInsert: (content: InsertPayload) => Promise<boolean>, onStatus: Status) {
  const insertSections = useCallback(
    async (sections: readonly TemplateSection[], language: Template['language'], values: Record<string, string>) => {
      const at = await readAtCaret(send);
      if (!at.ok && at.reason !== 'no-target') {
        onStatus(failureText(at), 'error');
        return false;
      }
      // Without a target the insertion fails, and says which editor to click.
      const rendered = at.ok
        ? renderSections(sections, { before: at.text.slice(0, at.selection.start), values, language })
        : renderSections(sections, { values, language });
      return onInsert({ text: rendered.text, html: sanitizeHtml(rendered.html) });
    },
    [send, onInsert, onStatus],
  );

  const [renumberPreview, setRenumberPreview] = useState<RenumberPreview | null>(null);

  /** Finds what renumbering would change and shows it; nothing is changed yet. */
  const renumberAfterCaret = useCallback(async () => {
    setRenumberPreview(null);
    const at = await readAtCaret(send);
    if (!at.ok) {
      onStatus(failureText(at), 'error');
      return;
    }
    const { changes } = renumber(at.text, at.selection.start);
    if (!changes.length) {
      onStatus(i18n.t('tplRenumberNothing'), 'ok');
      return;
    }
    const around = changes.map((c) => [at.text.slice(Math.max(0, c.start - AROUND), c.start), at.text.slice(c.end, c.end + AROUND)] as const);
    setRenumberPreview({ changes, around });
  }, [send, onStatus]);

  /** The previewed changes, each checked against the editor's text as it is when applied. */
  const confirmRenumber = useCallback(async () => {
    if (!renumberPreview) return;
    const { changes } = renumberPreview;
    setRenumberPreview(null);
    const result = await send<'replace-each'>({
      type: 'replace-each',
      edits: changes.map((c) => ({ start: c.start, end: c.end, text: c.after, expected: c.before })),
    });
    if (result.ok) onStatus(i18n.t('tplRenumbered', [String(changes.length)]), 'ok');
    else if ('applied' in result && result.applied > 0) {
      onStatus(i18n.t('editsStopped', [String(result.applied), String(changes.length), failureText(result)]), 'error');
    } else onStatus(failureText(result), 'error');
  }, [send, onStatus, renumberPreview]);

  const cancelRenumber = useCallback(() => setRenumberPreview(null), []);

  return { insertSections, renumberAfterCaret, renumberPreview, confirmRenumber, cancelRenumber };
}
