// A React form whose fields are keyed by a version: `window.remount()` bumps it, and React
// replaces the contenteditable and the textarea with new elements holding the same content,
// as apps do when they reset or reload a form.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    remount(): void;
  }
}

const RICH = '<p>一、主要工作</p><p>今年以来，围绕中心工作完成了各项任务。</p>';

function Form() {
  const [version, setVersion] = useState(0);
  const [summary, setSummary] = useState('二、存在问题\n学习不够深入。');
  useEffect(() => {
    window.remount = () => flushSync(() => setVersion((v) => v + 1));
  }, []);
  return (
    <>
      <div
        key={`rich-${version}`}
        id="rich"
        contentEditable
        suppressContentEditableWarning
        aria-label="述职报告"
        dangerouslySetInnerHTML={{ __html: RICH }}
      />
      <textarea
        key={`plain-${version}`}
        id="plain"
        aria-label="React 表单"
        rows={6}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      {/* What React's state holds, for tests to compare with the DOM. */}
      <output id="state" hidden>
        {summary}
      </output>
    </>
  );
}

createRoot(document.getElementById('form')!).render(<Form />);
