import type { Page } from '@playwright/test';
import { testEditorContract } from '../editor-contract';

/** Caret at the end of the line holding `text`, by the text field's own selection API. */
async function caretInTextarea(page: Page, text: string) {
  const field = page.locator('textarea');
  await field.click();
  await field.evaluate((el: HTMLTextAreaElement, anchor) => {
    const at = el.value.indexOf(anchor) + anchor.length;
    el.setSelectionRange(at, at);
  }, text);
}

testEditorContract({
  family: 'textarea',
  name: 'Text area',
  page: 'editors/textarea.html',
  richHeading: null,
  placeCaretAfter: caretInTextarea,
  limits: { highlight: { skip: 'a text field draws its own text: no range inside it can be highlighted' } },
});

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  page: 'editors/contenteditable.html',
  richHeading: /<h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p>/,
});

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  page: 'editors/contenteditable.html?shadow',
  variant: 'in an open shadow root',
  richHeading: /<h2>三、下一步打算<\/h2>/,
});

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  page: `editors/contenteditable.html?csp=${encodeURIComponent("default-src 'self'; style-src 'self'")}`,
  variant: 'on a page with a strict CSP',
  richHeading: /<h2>三、下一步打算<\/h2>/,
});

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  page: `editors/contenteditable.html?csp=${encodeURIComponent("require-trusted-types-for 'script'; trusted-types harness")}`,
  variant: 'on a page requiring Trusted Types',
  richHeading: /<h2>三、下一步打算<\/h2>/,
});
