import { useCallback } from 'react';
import type { Template, TemplateSection } from '@/utils/db/schema';
import type { InsertPayload } from '@/utils/messaging';
import { renumber } from '@/utils/report/outline';
import { renderSections } from '@/utils/report/templates';
import { sanitizeHtml } from '@/utils/sanitize';
import { failureText, type SendToTarget } from './useTabEditors';
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

/**
 * Inserting template sections at the caret, numbered to fit there, and renumbering the headings
 * after the caret through one request to the editor.
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

  const renumberAfterCaret = useCallback(async () => {
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
    const result = await send<'replace-each'>({
      type: 'replace-each',
      edits: changes.map((c) => ({ start: c.start, end: c.end, text: c.after, expected: c.before })),
    });
    if (result.ok) onStatus(i18n.t('tplRenumbered', [String(changes.length)]), 'ok');
    else onStatus(failureText(result), 'error');
  }, [send, onStatus]);

  return { insertSections, renumberAfterCaret };
}
