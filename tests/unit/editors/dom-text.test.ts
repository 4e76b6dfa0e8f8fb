// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDomText } from '@/utils/editors/dom-selection';

describe('reading an editor’s text again', () => {
  it('sees an edit made in the same task, a moment later, and in another editor', async () => {
    document.body.innerHTML = '<div id="a" contenteditable="true"><p>一、总体情况</p><p>完成xx项</p></div><div id="b" contenteditable="true"><p>乙</p></div>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    expect(readDomText(a)).toBe('一、总体情况\n完成xx项');
    // Changed and read again at once: the change is still queued in the observer.
    a.querySelector('p:last-child')!.firstChild!.textContent = '完成12项';
    expect(readDomText(a)).toBe('一、总体情况\n完成12项');
    // Changed, then read after the observer has been told.
    a.append(Object.assign(document.createElement('p'), { textContent: '二、问题' }));
    await Promise.resolve();
    expect(readDomText(a)).toBe('一、总体情况\n完成12项\n二、问题');
    expect(readDomText(b)).toBe('乙');
    // An attribute that hides a block changes the text too.
    a.querySelector('p')!.setAttribute('hidden', '');
    expect(readDomText(a)).toBe('完成12项\n二、问题');
  });
});
