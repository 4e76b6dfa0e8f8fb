// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  editorLabel,
  findEditableRoot,
  findEditors,
  isOffLimits,
  isReadable,
  judgeEditor,
  listEditableRoots,
  measureEditor,
  type EditorFacts,
} from '@/utils/editors/detect';

const big: EditorFacts = { kind: 'textarea', width: 600, height: 300, visible: true, readOnly: false, optedOut: false, sensitive: false, singleLine: false };

describe('judgeEditor', () => {
  it('takes a big visible multi-line editor', () => {
    expect(judgeEditor(big)).toEqual({ isReportEditor: true });
    expect(judgeEditor({ ...big, kind: 'contenteditable' })).toEqual({ isReportEditor: true });
    expect(judgeEditor({ ...big, kind: 'design-mode' })).toEqual({ isReportEditor: true });
  });

  it.each([
    ['read-only', { readOnly: true }],
    ['hidden', { visible: false }],
    ['opted out', { optedOut: true }],
    ['single line', { kind: 'input' as const }],
    ['single line', { kind: 'contenteditable' as const, singleLine: true }],
    ['sensitive', { sensitive: true }],
    ['too small', { width: 150 }],
    ['too small', { height: 20 }],
  ])('refuses an editor that is %s', (reason, change) => {
    expect(judgeEditor({ ...big, ...change })).toEqual({ isReportEditor: false, reason });
  });

  it('gives read-only precedence over size, so the reason shown is the one that matters', () => {
    expect(judgeEditor({ ...big, readOnly: true, width: 10 })).toEqual({ isReportEditor: false, reason: 'read-only' });
  });
});

describe('what may be read, targeted or written', () => {
  it('puts secret fields above every other reason, so no size or opt-out lets one in', () => {
    expect(judgeEditor({ ...big, sensitive: true, readOnly: true, optedOut: true })).toEqual({ isReportEditor: false, reason: 'sensitive' });
    expect(judgeEditor({ ...big, kind: 'input', sensitive: true })).toEqual({ isReportEditor: false, reason: 'sensitive' });
  });

  it.each([
    ['a report editor', {}, { offLimits: false, readable: true }],
    ['a small box', { height: 20 }, { offLimits: false, readable: true }],
    ['an opted-out editor', { optedOut: true }, { offLimits: false, readable: true }],
    ['a one-line input', { kind: 'input' as const }, { offLimits: false, readable: false }],
    ['a one-line contenteditable', { kind: 'contenteditable' as const, singleLine: true }, { offLimits: false, readable: false }],
    ['a secret field', { sensitive: true }, { offLimits: true, readable: false }],
    ['a hidden field', { visible: false }, { offLimits: true, readable: false }],
  ])('%s', (_name, change, expected) => {
    const verdict = judgeEditor({ ...big, ...change });
    expect({ offLimits: isOffLimits(verdict), readable: isReadable(verdict) }).toEqual(expected);
  });
});

describe('measureEditor', () => {
  it('tells secret fields by their type and autocomplete tokens', () => {
    document.body.innerHTML =
      '<input id="pw" type="password"><input id="otp" autocomplete="one-time-code"><input id="card" autocomplete="billing cc-number">' +
      '<textarea id="csc" autocomplete="cc-csc"></textarea><input id="name" autocomplete="name"><textarea id="notes" autocomplete="off"></textarea>';
    const sensitive = (id: string) => measureEditor(document.getElementById(id)!).sensitive;
    expect(['pw', 'otp', 'card', 'csc', 'name', 'notes'].map(sensitive)).toEqual([true, true, true, true, false, false]);
  });

  it('tells a one-line contenteditable by the role or aria-multiline the page gives it', () => {
    document.body.innerHTML =
      '<div id="search" contenteditable role="searchbox"></div><div id="combo" contenteditable role="combobox"></div>' +
      '<div id="line" contenteditable role="textbox" aria-multiline="false"></div><div id="body" contenteditable role="textbox" aria-multiline="true"></div>';
    const singleLine = (id: string) => measureEditor(document.getElementById(id)!).singleLine;
    expect(['search', 'combo', 'line', 'body'].map(singleLine)).toEqual([true, true, true, false]);
  });
});

describe('findEditableRoot', () => {
  it('climbs to the outermost contenteditable element', () => {
    document.body.innerHTML = '<div id="root" contenteditable="true"><p><b id="inner">粗体</b></p></div>';
    expect(findEditableRoot(document.getElementById('inner'))?.id).toBe('root');
    expect(findEditableRoot(document.getElementById('inner')!.firstChild)?.id).toBe('root');
  });

  it('takes textareas and text inputs, not checkboxes or plain elements', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><input id="i"><input id="c" type="checkbox"><p id="p">x</p>';
    expect(findEditableRoot(document.getElementById('t'))?.id).toBe('t');
    expect(findEditableRoot(document.getElementById('i'))?.id).toBe('i');
    expect(findEditableRoot(document.getElementById('c'))).toBeNull();
    expect(findEditableRoot(document.getElementById('p'))).toBeNull();
    expect(findEditableRoot(null)).toBeNull();
  });
});

describe('listEditableRoots', () => {
  it('lists each editor once, including those inside open shadow roots', () => {
    document.body.innerHTML =
      '<textarea></textarea><div contenteditable="true"><p contenteditable="true">nested</p></div>' +
      '<div contenteditable="false">off</div><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div contenteditable="true" aria-label="in shadow"></div>';
    const roots = listEditableRoots(document);
    expect(roots.map((r) => r.tagName)).toEqual(['TEXTAREA', 'DIV', 'DIV']);
    expect(roots[2].getAttribute('aria-label')).toBe('in shadow');
  });

  it('looks for shadow hosts outside editable text only, and inside a region marked not editable', () => {
    document.body.innerHTML =
      '<div contenteditable="false"><span id="in-app"></span></div><div contenteditable="true"><p>text</p><span id="in-text"></span></div>';
    document.getElementById('in-app')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea aria-label="app"></textarea>';
    document.getElementById('in-text')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea aria-label="in the text"></textarea>';
    const labels = listEditableRoots(document).map((r) => r.getAttribute('aria-label') ?? r.tagName);
    expect(labels).toEqual(['DIV', 'app']);
  });
});

describe('editorLabel', () => {
  it('prefers what the page shows the user', () => {
    document.body.innerHTML =
      '<label for="a">工作总结</label><textarea id="a"></textarea>' +
      '<div id="b" contenteditable="true" aria-label="述职报告"></div><textarea id="c" placeholder="请输入"></textarea>';
    expect(editorLabel(document.getElementById('a')!)).toBe('工作总结');
    expect(editorLabel(document.getElementById('b')!)).toBe('述职报告');
    expect(editorLabel(document.getElementById('c')!)).toBe('请输入');
  });
});

describe('findEditors', () => {
  const sized = (el: Element, width: number, height: number) => {
    el.getBoundingClientRect = () => ({ width, height, top: 0, left: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
  };

  it('offers big editors and big opted-out ones, never inputs or small boxes', () => {
    document.body.innerHTML =
      '<textarea id="report"></textarea><textarea id="remark"></textarea><input id="name">' +
      '<div id="rich" contenteditable="true"></div><div id="code" contenteditable="true" data-gramm="false"></div>';
    for (const id of ['report', 'rich', 'code', 'name']) sized(document.getElementById(id)!, 600, 300);
    sized(document.getElementById('remark')!, 150, 30);
    const found = findEditors(document);
    expect(found.map((f) => [f.root.id, f.verdict.isReportEditor])).toEqual([
      ['report', true],
      ['rich', true],
      ['code', false],
    ]);
  });
});
