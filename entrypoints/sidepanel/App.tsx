import { useState } from 'react';
import { EditorList, editorName } from '@/components/EditorList';
import { InsertBox } from '@/components/InsertBox';
import { useBoundTab } from '@/components/useBoundTab';
import { useTabEditors } from '@/components/useTabEditors';

interface Status {
  tone: 'ok' | 'error';
  text: string;
}

export function App() {
  const tabId = useBoundTab();
  const { editors, optedOut, target, pick, scan, scanning, insert: insertIntoTarget } = useTabEditors(tabId);
  const [status, setStatus] = useState<Status | null>(null);

  const insert = async (text: string) => {
    const result = await insertIntoTarget({ text });
    if (result.ok) {
      setStatus({ tone: 'ok', text: `Inserted into ${editorName({ ...target!, ...result.editor })}.` });
      return true;
    }
    if (result.reason === 'no-target') {
      const first = editors[0];
      setStatus({
        tone: 'error',
        text: first
          ? `Click into the editor you are writing in (for example ${editorName(first)}) so the text goes where your caret is, then press Insert again.`
          : 'No report editor found on this page. Click into the editor you write in, then press Insert again.',
      });
    } else if (result.reason === 'detached') {
      setStatus({ tone: 'error', text: 'That editor has left the page. Click into the editor you are writing in, then press Insert again.' });
    } else if (result.reason === 'refused') {
      setStatus({ tone: 'error', text: 'The editor refused the text. Your text is still here: copy it, or try another editor.' });
    } else {
      setStatus({ tone: 'error', text: result.message });
    }
    return false;
  };

  return (
    <main className="panel">
      <section aria-labelledby="editors-heading">
        <div className="section-head">
          <h2 id="editors-heading">Editors on this page</h2>
          <button type="button" className="quiet" onClick={() => void scan()}>
            Refresh
          </button>
        </div>
        <EditorList editors={editors} optedOut={optedOut} target={target} scanning={scanning} onPick={pick} />
      </section>
      <section aria-label="Insert">
        <InsertBox onInsert={insert} />
        <p role="status" className={status ? `status ${status.tone}` : 'status'}>
          {status?.text}
        </p>
      </section>
    </main>
  );
}
