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
  target: TabEditor | null;
  scanning: boolean;
  onPick(key: string): void;
}

export function editorName(editor: TabEditor): string {
  return editor.label ? `${FAMILY_NAMES[editor.family]} “${editor.label}”` : FAMILY_NAMES[editor.family];
}

export function EditorList({ editors, target, scanning, onPick }: Props) {
  if (editors.length === 0) {
    return (
      <p className="empty">
        {scanning ? 'Looking for editors…' : 'No report editor on this page. Open the page you write in and click into its editor.'}
      </p>
    );
  }
  return (
    <ul className="editor-list" aria-label="Report editors">
      {editors.map((editor) => {
        const isTarget = editor.key === target?.key;
        return (
          <li key={editor.key} data-editor-key={editor.key}>
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
      })}
    </ul>
  );
}
