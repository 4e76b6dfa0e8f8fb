import { useState } from 'react';
import { i18n } from '#i18n';

interface Props {
  onInsert(text: string): Promise<boolean>;
}

/** Free text to put at the caret of the target editor. */
export function InsertBox({ onInsert }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!text || busy) return;
    setBusy(true);
    try {
      await onInsert(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="insert-box"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="insert-text">{i18n.t('textToInsert')}</label>
      <textarea
        id="insert-text"
        value={text}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <button type="submit" disabled={!text || busy}>
        {i18n.t('insert')}
      </button>
    </form>
  );
}
