import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isAnswer, isMessage, PROTOCOL, type Direction } from '@/protocol/schemas';
import { packOutline } from '@/protocol/outline-worker';
import { decodeSpans, encodeSpans } from '@/protocol/messages';

const editor = {
  id: 'e1',
  family: 'tinymce',
  label: '报告正文',
  chars: 120,
  width: 640.5,
  height: 400,
  isReportEditor: true,
  lastFocusedAt: null,
  origin: 'https://oa.example.gov.cn',
};

/** One hand-written message, and answer where it is answered, for every entry of the map. */
const EXAMPLES: Record<string, Record<string, { message: unknown; answer?: unknown }>> = {
  panelToContent: {
    'scan-editors': { message: { type: 'scan-editors', requestId: 'r1' } },
    insert: { message: { type: 'insert', editorId: 'e1', content: { text: '一、总体情况', html: '<h2>一、总体情况</h2>' } }, answer: { ok: true, editor } },
    'read-text': { message: { type: 'read-text', editorId: 'e1' }, answer: { ok: true, text: '今年以来' } },
    select: { message: { type: 'select', editorId: 'e1', start: 3, end: 7, text: 'xxxx' }, answer: { ok: true } },
    'read-selection': { message: { type: 'read-selection', editorId: 'e1' }, answer: { ok: true, selection: { start: 0, end: 4 } } },
    'read-selected-content': { message: { type: 'read-selected-content', editorId: 'e1' }, answer: { ok: true, text: '党组', html: '<b>党组</b>' } },
    replace: { message: { type: 'replace', editorId: 'e1', spans: [{ start: 2, end: 6, text: 'xxxx' }], text: '2024' }, answer: { ok: true, applied: 1 } },
    'replace-each': { message: { type: 'replace-each', editorId: 'e1', edits: [{ start: 0, end: 2, text: '二、', expected: '一、' }] }, answer: { ok: false, reason: 'stale', applied: 0 } },
    'page-address': { message: { type: 'page-address' }, answer: 'https://oa.example.gov.cn/report?id=3' },
    'sites-changed': { message: { type: 'sites-changed' } },
    'preview-fill': { message: { type: 'preview-fill', editorId: 'e1', start: 2, end: 6, expected: 'xxxx', text: '2023' }, answer: { ok: true } },
    'preview-clear': { message: { type: 'preview-clear', editorId: 'e1' } },
  },
  backgroundToContent: {
    'read-page-selection': { message: { type: 'read-page-selection' }, answer: { text: '加强政治建设' } },
    'open-quick-insert': { message: { type: 'open-quick-insert' } },
  },
  quickInsertToContent: {
    insert: { message: { type: 'insert', content: { text: '一、总体情况', stops: [2] } } },
    close: { message: { type: 'close' } },
    'read-before': { message: { type: 'read-before' } },
    resize: { message: { type: 'resize', height: 148 } },
  },
  quickInsertToBackground: {
    'quick-insert-search': {
      message: { type: 'quick-insert-search', query: '规定' },
      answer: {
        hits: [
          {
            snippet: { id: 's1', title: '廉洁自律', body: '严格遵守中央八项规定精神。{{snippet:落款}}', tags: ['纪律'], createdAt: 1700000000000, updatedAt: 1700000000000, useCount: 2 },
            includes: { 落款: '市财政局' },
          },
        ],
        sections: [
          {
            templateId: 'builtin:zh-annual-summary',
            templateTitle: '年度工作总结',
            language: 'zh',
            section: { heading: '主要工作及成效', level: 1, body: '全年共承担重点任务xx项。', children: [{ heading: '聚焦中心任务', level: 2, body: '围绕……' }] },
          },
        ],
        librarySize: 120,
      },
    },
    'quick-insert-used': { message: { type: 'quick-insert-used', id: 's1' } },
  },
  contentToPanel: {
    'editors-found': { message: { type: 'editors-found', requestId: 'r1', frameUrl: 'about:blank', editors: [editor, { ...editor, id: 'e2', family: 'input', isReportEditor: false, reason: 'single line', lastFocusedAt: 1700000000000, origin: 'null' }] } },
    'editor-focused': { message: { type: 'editor-focused', frameUrl: 'https://oa.example.gov.cn/', editor } },
  },
  contentToBackground: {
    abbreviations: { message: { type: 'abbreviations' }, answer: { trigger: 'Tab', abbreviations: ['zjbg'] } },
    'expand-abbreviation': { message: { type: 'expand-abbreviation', abbreviation: 'zjbg', family: 'textarea' }, answer: { text: '总结报告' } },
    'site-off': { message: { type: 'site-off', addresses: ['https://mail.example.com', 'about:blank'] }, answer: false },
  },
  backgroundToPanel: {
    'placeholder-step': { message: { type: 'placeholder-step', tabId: 12, direction: -1 } },
  },
  backgroundToOffscreen: {
    'sanitize-html': { message: { type: 'sanitize-html', html: '<p onclick="x()">a</p>' }, answer: '<p>a</p>' },
  },
  panelToContentWatch: {
    watch: { message: { type: 'watch', editorId: 'e1' } },
    highlight: { message: { type: 'highlight', spans: '0,4,10,12', current: 1, colours: { all: '#ffcc0059', current: 'rgb(255 140 0 / 0.6)' } } },
  },
  contentToPanelWatch: {
    text: { message: { type: 'text', text: 'xxxx年工作总结' } },
    delta: { message: { type: 'delta', delta: { start: 0, removed: 4, inserted: '2024' } } },
    gone: { message: { type: 'gone' } },
  },
  panelToRulesWorker: {
    text: { message: { type: 'text', version: 1, text: 'xx项', rules: [{ id: 'r1', name: '落实', pattern: '落实', kind: 'free', enabled: true }] } },
    delta: { message: { type: 'delta', version: 2, delta: { start: 0, removed: 2, inserted: '3' } } },
    check: { message: { type: 'check', pattern: '【[^】]*】', flags: 'u' } },
  },
  rulesWorkerToPanel: {
    rule: { message: { type: 'rule', id: null } },
    placeholders: {
      message: {
        type: 'placeholders',
        version: 1,
        placeholders: { starts: new Int32Array([0]), ends: new Int32Array([2]), kinds: new Uint16Array([0]), rules: new Uint16Array([1]), names: new Int32Array([-1]), words: ['count', 'x-count'] },
      },
    },
    checked: { message: { type: 'checked', ok: false, message: 'nested quantifiers' } },
  },
  panelToCheckWorker: {
    text: { message: { type: 'text', version: 1, text: '的的', disabled: ['placeholder'] } },
  },
  checkWorkerToPanel: {
    findings: {
      message: {
        type: 'findings',
        version: 1,
        findings: [{ start: 0, end: 2, rule: 'repeated-character', severity: 'warning', message: 'A character typed twice: 的的', messageKey: 'checkRepeatedCharacter', params: ['的的'], fix: '的' }],
      },
    },
    failed: { message: { type: 'failed', version: 2 } },
  },
  panelToOutlineWorker: {
    text: { message: { type: 'text', version: 1, text: '一、总体情况\n三、下一步' } },
  },
  outlineWorkerToPanel: {
    outline: {
      message: {
        type: 'outline',
        version: 1,
        items: packOutline([{ level: 1, numbering: '一、', title: '总体情况', start: 0, end: 6, style: 'chinese', kind: 'numbered' }]),
        issues: [{ kind: 'gap', message: 'expected 二、', start: 7, itemIndex: 1, expected: '二、', found: '三、' }],
      },
    },
    failed: { message: { type: 'failed', version: 2 } },
  },
  contentToBridge: {
    insert: { message: { id: 'c1', family: 'tinymce', method: 'insert', args: { text: 'a' } }, answer: { id: 'c1', value: true } },
    readText: { message: { id: 'c2', family: 'codemirror', method: 'readText', args: null }, answer: { id: 'c2', value: 'const a = 1;' } },
    readSelection: { message: { id: 'c3', family: 'codemirror', method: 'readSelection', args: null }, answer: { id: 'c3', value: { start: 1, end: 1 } } },
    select: { message: { id: 'c4', family: 'ckeditor4', method: 'select', args: { start: 0, end: 2 } }, answer: { id: 'c4', value: true } },
    replaceEach: { message: { id: 'c5', family: 'codemirror', method: 'replaceEach', args: { edits: [{ start: 0, end: 2, text: 'b' }] } }, answer: { id: 'c5', value: false } },
    paste: { message: { id: 'c6', family: 'prosemirror', method: 'paste', args: { text: '一、总体情况', html: '<h2>一、总体情况</h2>' } }, answer: { id: 'c6', value: true } },
  },
};

const directions = Object.keys(PROTOCOL) as Direction[];
const entriesOf = (direction: Direction) => Object.entries(PROTOCOL[direction]) as [string, { message: v.GenericSchema; answer: v.GenericSchema | null }][];

describe('the protocol map', () => {
  it('gives every message a schema, and every example its entry', () => {
    for (const direction of directions) {
      expect(Object.keys(EXAMPLES[direction] ?? {}).sort(), direction).toEqual(Object.keys(PROTOCOL[direction]).sort());
      for (const [type, entry] of entriesOf(direction)) {
        expect(entry.message?.kind, `${direction} ${type}`).toBe('schema');
        if (entry.answer !== null) expect(entry.answer.kind, `${direction} ${type} answer`).toBe('schema');
      }
    }
    expect(Object.keys(EXAMPLES).sort()).toEqual([...directions].sort());
  });

  it('takes a well-formed example of every message and answer', () => {
    for (const direction of directions) {
      for (const [type, entry] of entriesOf(direction)) {
        const example = EXAMPLES[direction][type];
        expect(v.is(entry.message, example.message), `${direction} ${type}`).toBe(true);
        expect(isMessage(direction, example.message), `${direction} ${type}`).toBe(true);
        expect(isAnswer(direction, type as never, example.answer), `${direction} ${type} answer`).toBe(true);
      }
    }
  });

  it('refuses a message in the wrong direction, or of no known type', () => {
    expect(isMessage('contentToPanel', { type: 'insert', editorId: 'e1', content: { text: 'a' } })).toBe(false);
    expect(isMessage('contentToBackground', { type: 'sanitize-html', html: '<p>' })).toBe(false);
    expect(isMessage('panelToContent', { type: 'toString' })).toBe(false);
    expect(isMessage('panelToContent', { type: '__proto__' })).toBe(false);
    expect(isMessage('contentToPanel', null)).toBe(false);
    expect(isMessage('contentToPanel', 'editors-found')).toBe(false);
  });
});

/** Malformed messages from less trusted sides: each must fail. */
const MALFORMED: [Direction, string, unknown][] = [
  ['contentToPanel', 'editor without an origin', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, origin: undefined } }],
  ['contentToPanel', 'origin with a path', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, origin: 'https://oa.example.gov.cn/evil' } }],
  ['contentToPanel', 'origin that is a label', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, origin: 'Your bank — trusted' } }],
  ['contentToPanel', 'origin javascript:', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, origin: 'javascript:alert(1)' } }],
  ['contentToPanel', 'unknown family', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, family: 'word' } }],
  ['contentToPanel', 'chars as a string', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, chars: '120' } }],
  ['contentToPanel', 'negative chars', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, chars: -1 } }],
  ['contentToPanel', 'lastFocusedAt missing', { type: 'editor-focused', frameUrl: 'x', editor: { ...editor, lastFocusedAt: undefined } }],
  ['contentToPanel', 'editors not a list', { type: 'editors-found', requestId: 'r1', frameUrl: 'x', editors: editor }],
  ['contentToPanel', 'one bad editor among good', { type: 'editors-found', requestId: 'r1', frameUrl: 'x', editors: [editor, { ...editor, id: 7 }] }],
  ['contentToPanel', 'no frameUrl', { type: 'editor-focused', editor }],
  ['contentToPanelWatch', 'negative delta start', { type: 'delta', delta: { start: -1, removed: 0, inserted: '' } }],
  ['contentToPanelWatch', 'fractional delta start', { type: 'delta', delta: { start: 1.5, removed: 0, inserted: '' } }],
  ['contentToPanelWatch', 'removed as a string', { type: 'delta', delta: { start: 0, removed: '1', inserted: '' } }],
  ['contentToPanelWatch', 'text not a string', { type: 'text', text: ['a'] }],
  ['contentToBackground', 'addresses not a list', { type: 'site-off', addresses: 'https://mail.example.com' }],
  ['contentToBackground', 'a number among addresses', { type: 'site-off', addresses: [1] }],
  ['contentToBackground', 'abbreviation for an unknown family', { type: 'expand-abbreviation', abbreviation: 'zjbg', family: 'word' }],
  ['contentToBackground', 'abbreviation missing', { type: 'expand-abbreviation', family: 'textarea' }],
  ['backgroundToPanel', 'direction 2', { type: 'placeholder-step', tabId: 1, direction: 2 }],
  ['backgroundToPanel', 'fractional tab', { type: 'placeholder-step', tabId: 1.5, direction: 1 }],
  ['backgroundToOffscreen', 'html not a string', { type: 'sanitize-html', html: { toString: () => '<p>' } }],
  ['panelToContent', 'negative select offset', { type: 'select', editorId: 'e1', start: -2, end: 3 }],
  ['panelToContent', 'fractional select offset', { type: 'select', editorId: 'e1', start: 0.5, end: 3 }],
  ['panelToContent', 'replace span without its text', { type: 'replace', editorId: 'e1', spans: [{ start: 0, end: 2 }], text: 'a' }],
  ['panelToContentWatch', 'fractional highlight span', { type: 'highlight', spans: '0,2.5', current: null }],
  ['panelToContentWatch', 'highlight spans as a list', { type: 'highlight', spans: [0, 4], current: null }],
  ['contentToBridge', 'unknown method', { id: 'c', family: 'codemirror', method: 'eval', args: 'alert(1)' }],
];

describe('malformed messages', () => {
  it.each(MALFORMED)('%s refuses %s', (direction, _what, message) => {
    expect(isMessage(direction, message)).toBe(false);
  });
});

/** Malformed answers from a content script: the panel counts each as no answer. */
const MALFORMED_ANSWERS: [string, unknown][] = [
  ['insert', { ok: true }],
  ['insert', { ok: true, editor: { ...editor, origin: 'https://a.example/x' } }],
  ['insert', { ok: false, reason: 'because' }],
  ['insert', { ok: 'yes', editor }],
  ['read-text', { ok: true, text: 42 }],
  ['read-text', { ok: true }],
  ['read-selection', { ok: true, selection: { start: -1, end: 2 } }],
  ['read-selection', { ok: true, selection: { start: 0, end: 2.5 } }],
  ['replace', { ok: true, applied: -1 }],
  ['replace', { ok: false, reason: 'stale' }],
  ['replace-each', { ok: true, applied: 1.5 }],
  ['read-selected-content', { ok: true, html: '<p>' }],
  ['page-address', { href: 'https://a.example' }],
  ['insert', null],
  ['insert', undefined],
];

describe('malformed answers', () => {
  it.each(MALFORMED_ANSWERS)('%s refuses %j', (type, answer) => {
    expect(isAnswer('panelToContent', type as never, answer)).toBe(false);
  });

  it('refuses a page selection that is not one, and a sanitized HTML that is not text', () => {
    expect(isAnswer('backgroundToContent', 'read-page-selection', { text: 1 })).toBe(false);
    expect(isAnswer('backgroundToContent', 'read-page-selection', null)).toBe(true);
    expect(isAnswer('backgroundToOffscreen', 'sanitize-html', undefined)).toBe(false);
    expect(isAnswer('contentToBackground', 'site-off', 'false')).toBe(false);
    expect(isAnswer('contentToBackground', 'abbreviations', { trigger: 'Tab', abbreviations: [1] })).toBe(false);
  });
});

describe('highlight spans on the port', () => {
  it('go as one string and come back as the offsets they were', () => {
    const spans = [
      { start: 0, end: 4 },
      { start: 10, end: 12 },
      { start: 65_536, end: 65_540 },
    ];
    expect(encodeSpans(spans)).toBe('0,4,10,12,65536,65540');
    expect(decodeSpans(encodeSpans(spans))).toEqual([0, 4, 10, 12, 65_536, 65_540]);
    expect(encodeSpans([])).toBe('');
    expect(decodeSpans('')).toEqual([]);
  });
});
