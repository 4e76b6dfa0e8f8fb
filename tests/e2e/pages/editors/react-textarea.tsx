// A React-controlled textarea: the extension must go through React's input path for the
// component state to see the insertion.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Controlled() {
  const [value, setValue] = useState('二、存在问题\n学习不够深入。');
  return (
    <>
      <textarea
        id="react"
        aria-label="React 表单"
        rows={6}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      {/* What React's state holds, for tests to compare with the DOM. */}
      <output id="react-state" hidden>
        {value}
      </output>
    </>
  );
}

createRoot(document.getElementById('react-root')!).render(<Controlled />);
