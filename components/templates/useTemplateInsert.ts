import { createElement, useCallback, useState } from 'react';
import type { Template, TemplateSection } from '@/utils/db/schema';
import type { InsertPayload } from '@/protocol/messages';
import type { ActionStatusHandle } from '../common/action-status';
import { renumber, type RenumberChange } from '@/utils/report/outline';
import { renderSections } from '@/utils/report/templates';
import { sanitizeHtml } from '@/utils/sanitize';
import { failureText } from '../target/failure-text';
import type { InsertOutcome, SendToTarget } from '../target/useTabEditors';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import { writeRenumbering } from './renumbering';
import { blockSpan } from '@/utils/editors/placement';


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

/** Whether the template's title goes in: `when-empty` puts it only into an editor with nothing written yet. */
export type TitleRule = 'always' | 'when-empty';

/**
 * Inserting template sections at the caret, numbered to fit there, and renumbering the headings
 * after the caret: previewed first, then one request to the editor. When an insertion leaves
 * the headings after it out of order (the new 三、 followed by the old 三、), its confirmation
 * offers to renumber them.
 */
export function useTemplateInsert(send: SendToTarget, onInsert: (content: InsertPayload) => Promise<InsertOutcome>, status: ActionStatusHandle) {
  const onStatus = status.report;
  /** Renumbers the headings after an insertion, as offered in its confirmation. */
  const renumberAfterInsert = useCallback(
    async (changes: readonly RenumberChange[], where: string) => {
      const said = await writeRenumbering(send, changes, countText('renumbered', changes.length, [String(changes.length)]));
      onStatus(said.text, said.tone, { where });
    },
    [send, onStatus],
  );

  /** `where`: the button that asked, beside which the outcome is said. */
  const insertSections = useCallback(
    async (sections: readonly TemplateSection[], language: Template['language'], values: Record<string, string>, where: string, title: TitleRule = 'always') => {
      const at = await readAtCaret(send);
      if (!at.ok && at.reason !== 'no-target') {
        onStatus(failureText(at), 'error', { where });
        return false;
      }
      // Block content lands between blocks (after the caret's paragraph): numbering counts the
      // text before that point. Without a target the insertion fails, and says which editor to click.
      const point = at.ok ? blockSpan(at.text, at.selection).start : 0;
      const rendered = at.ok
        ? renderSections(sections, { before: at.text.slice(0, point), values, language, title: title === 'always' || !at.text.trim() })
        : renderSections(sections, { values, language });
      const outcome = await onInsert({ text: rendered.text, html: sanitizeHtml(rendered.html), placement: 'block' });
      if (!outcome.ok || !at.ok) {
        onStatus(outcome.message, outcome.ok ? 'ok' : 'error', { where });
        return outcome.ok;
      }
      // The headings after the insertion, counted on from it: renumbering from where it landed
      // leaves the inserted ones as they are (they fit) and changes only those after that no
      // longer do.
      const after = await send<'read-text'>({ type: 'read-text' });
      const changes = after.ok ? renumber(after.text, point).changes : [];
      if (!changes.length) {
        onStatus(outcome.message, 'ok', { where });
        return true;
      }
      onStatus(i18n.t('tplInsertedOutOfOrder', [outcome.message, changes[0].before, changes[0].after]), 'ok', {
        where,
        actions: createElement(
          'button',
          { type: 'button', className: 'quiet', onClick: () => void renumberAfterInsert(changes, where) },
          i18n.t('tplRenumberAfterIt'),
        ),
      });
      return true;
    },
    [send, onInsert, onStatus, renumberAfterInsert],
  );

  const [renumberPreview, setRenumberPreview] = useState<RenumberPreview | null>(null);

  /** Finds what renumbering would change and shows it; nothing is changed yet. */
  const renumberAfterCaret = useCallback(async () => {
    setRenumberPreview(null);
    const at = await readAtCaret(send);
    if (!at.ok) {
      onStatus(failureText(at), 'error', { where: 'renumber' });
      return;
    }
    const { changes } = renumber(at.text, at.selection.start);
    if (!changes.length) {
      onStatus(i18n.t('tplRenumberNothing'), 'ok', { where: 'renumber' });
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
    const said = await writeRenumbering(send, changes, i18n.t('tplRenumbered', [String(changes.length)]));
    onStatus(said.text, said.tone, { where: 'renumber' });
  }, [send, onStatus, renumberPreview]);

  const cancelRenumber = useCallback(() => setRenumberPreview(null), []);

  return { insertSections, renumberAfterCaret, renumberPreview, confirmRenumber, cancelRenumber };
}
