import type { TabEditor } from './useTabEditors';

const KIND_NAMES: Record<TabEditor['kind'], string> = {
  textarea: 'Text area',
  input: 'Text field',
  contenteditable: 'Rich text',
  'design-mode': 'Rich text (frame)',
};

interface Props {
  editors: TabEditor[];
  target: TabEditor | null;
  scanning: boolean;
  onPick(key: string): void;
}

export function editorName(editor: TabEditor): string {
  return editor.label ? `${KIND_NAMES[editor.kind]} “${editor.label}”` : KIND_NAMES[editor.kind];
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
          <li key={editor.key}>
            <button
              type="button"
              className={isTarget ? 'editor target' : 'editor'}
              aria-pressed={isTarget}
              title="Write into this editor"
              onClick={() => onPick(editor.key)}
            >
              <span className="editor-kind">{KIND_NAMES[editor.kind]}</span>
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
