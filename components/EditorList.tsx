import type { TabEditor } from './useTabEditors';

const FAMILY_NAMES: Record<TabEditor['family'], string> = {
  textarea: 'Text area',
  input: 'Text field',
  contenteditable: 'Rich text',
  'design-mode': 'Rich text (frame)',
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
  scanning: boolean;
  onPick(key: string): void;
}

export function editorName(editor: TabEditor): string {
  return editor.label ? `${FAMILY_NAMES[editor.family]} “${editor.label}”` : FAMILY_NAMES[editor.family];
}

function EditorButton({ editor, isTarget, onPick }: { editor: TabEditor; isTarget: boolean; onPick(key: string): void }) {
  return (
    <li data-editor-key={editor.key}>
      <button
        type="button"
        className={isTarget ? 'editor target' : 'editor'}
        aria-pressed={isTarget}
        title="Write into this editor"
        onClick={() => onPick(editor.key)}
      >
        <span className="editor-kind">{FAMILY_NAMES[editor.family]}</span>
        <span className="editor-label">{editor.label || '(unnamed)'}</span>
        <span className="editor-size">
          {editor.chars.toLocaleString()} chars · {editor.width}×{editor.height}
          {editor.frameId !== 0 && ' · in a frame'}
        </span>
        {isTarget && <span className="editor-badge">Target</span>}
      </button>
    </li>
  );
}

export function EditorList({ editors, optedOut, target, scanning, onPick }: Props) {
  return (
    <>
      {editors.length === 0 ? (
        <p className="empty">
          {scanning ? 'Looking for editors…' : 'No report editor on this page. Open the page you write in and click into its editor.'}
        </p>
      ) : (
        <ul className="editor-list" aria-label="Report editors">
          {editors.map((editor) => (
            <EditorButton key={editor.key} editor={editor} isTarget={editor.key === target?.key} onPick={onPick} />
          ))}
        </ul>
      )}
      {optedOut.length > 0 && (
        <details className="opted-out">
          <summary>Editors that asked to be left alone ({optedOut.length})</summary>
          <ul className="editor-list" aria-label="Editors left alone">
            {optedOut.map((editor) => (
              <EditorButton key={editor.key} editor={editor} isTarget={false} onPick={onPick} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
