import { useEffect, useRef } from 'react';
import type { PendingInsert, TabEditor } from './useTabEditors';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';

/** Editor libraries keep their own names; the browser's own editing kinds are translated. */
const FAMILY_NAMES: Record<TabEditor['family'], string> = {
  textarea: i18n.t('familyTextarea'),
  input: i18n.t('familyInput'),
  contenteditable: i18n.t('familyContenteditable'),
  'design-mode': i18n.t('familyDesignMode'),
  tinymce: 'TinyMCE',
  ckeditor4: 'CKEditor 4',
  kindeditor: 'KindEditor',
  prosemirror: 'ProseMirror',
  lexical: 'Lexical',
  slate: 'Slate',
  wangeditor: 'wangEditor',
  quill: 'Quill',
  ckeditor5: 'CKEditor 5',
  codemirror: 'CodeMirror',
};

interface Props {
  editors: TabEditor[];
  /** Editors whose page asked writing tools to stay away: listed, used only when picked. */
  optedOut: TabEditor[];
  target: TabEditor | null;
  onPick(key: string): void;
  /** The target's length now (the scan's figure is older). */
  liveChars: number | null;
}

export const familyName = (family: TabEditor['family']) => FAMILY_NAMES[family];

/** The editor in a sentence: its kind and, when it has one, its name (`富文本“述职报告”`). */
export function editorName(editor: TabEditor): string {
  return editor.label ? i18n.t('editorNamed', [FAMILY_NAMES[editor.family], editor.label]) : FAMILY_NAMES[editor.family];
}

function EditorButton({ editor, isTarget, chars, onPick }: { editor: TabEditor; isTarget: boolean; chars: number; onPick(key: string): void }) {
  return (
    <li data-editor-key={editor.key}>
      <button
        type="button"
        className={isTarget ? 'editor target' : 'editor'}
        aria-pressed={isTarget}
        title={i18n.t('writeIntoThisEditor')}
        onClick={() => onPick(editor.key)}
      >
        <span className="editor-kind">{FAMILY_NAMES[editor.family]}</span>
        <span className="editor-label">{editor.label || i18n.t('unnamedEditor')}</span>
        <span className="editor-size">
          {countText('targetChars', chars, [chars.toLocaleString()])}
          {editor.foreignOrigin ? ` · ${i18n.t('inFrameFrom', [editor.foreignOrigin])}` : editor.frameId !== 0 && ` · ${i18n.t('inAFrame')}`}
          {editor.reason === 'single line' && ` · ${i18n.t('oneLineFieldHint')}`}
        </span>
        {isTarget && <span className="editor-badge">{i18n.t('currentBadge')}</span>}
      </button>
    </li>
  );
}

/** Asks before text goes into a frame of another site than the page: the user may not know it is one. */
export function ForeignInsertQuestion({ pending }: { pending: PendingInsert }) {
  // Focus starts on Cancel: Enter pressed out of habit must not send text to another site.
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), [pending]);
  return (
    <div
      role="alertdialog"
      aria-labelledby="foreign-insert-title"
      aria-describedby="foreign-insert-text"
      className="foreign-insert"
      onKeyDown={(event) => event.key === 'Escape' && pending.answer(false)}
    >
      <p id="foreign-insert-title">
        <strong>{i18n.t('foreignInsertTitle')}</strong>
      </p>
      <p id="foreign-insert-text">{i18n.t('foreignInsertText', [pending.origin])}</p>
      <button type="button" onClick={() => pending.answer(true)}>
        {i18n.t('foreignInsertConfirm')}
      </button>{' '}
      <button type="button" ref={no} className="quiet" onClick={() => pending.answer(false)}>
        {i18n.t('foreignInsertCancel')}
      </button>
    </div>
  );
}

export function EditorList({ editors, optedOut: apart, target, onPick, liveChars }: Props) {
  const optedOut = apart.filter((editor) => editor.reason !== 'single line');
  const oneLine = apart.filter((editor) => editor.reason === 'single line');
  return (
    <>
      {/* With none, the line above the list says so. */}
      {editors.length > 0 && (
        <ul className="editor-list" aria-label={i18n.t('reportEditors')}>
          {editors.map((editor) => (
            <EditorButton
              key={editor.key}
              editor={editor}
              isTarget={editor.key === target?.key}
              chars={editor.key === target?.key && liveChars !== null ? liveChars : editor.chars}
              onPick={onPick}
            />
          ))}
        </ul>
      )}
      {optedOut.length > 0 && (
        <details className="opted-out">
          <summary>{i18n.t('editorsLeftAloneSummary', [String(optedOut.length)])}</summary>
          <ul className="editor-list" aria-label={i18n.t('editorsLeftAlone')}>
            {optedOut.map((editor) => (
              <EditorButton key={editor.key} editor={editor} isTarget={false} chars={editor.chars} onPick={onPick} />
            ))}
          </ul>
        </details>
      )}
      {oneLine.length > 0 && (
        <details className="opted-out">
          <summary>{i18n.t('oneLineFieldsSummary', [String(oneLine.length)])}</summary>
          <ul className="editor-list" aria-label={i18n.t('oneLineFields')}>
            {oneLine.map((editor) => (
              <EditorButton key={editor.key} editor={editor} isTarget={false} chars={editor.chars} onPick={onPick} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
