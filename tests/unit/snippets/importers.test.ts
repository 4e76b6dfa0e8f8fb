import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedId, isLibraryJson, libraryBackup, parseLibraryFile, type LibraryImport, type ParsedLibrary } from '@/utils/snippets/importers';
import { parseFields } from '@/utils/snippets/fields';
import { parseCsv } from '@/utils/snippets/importers/csv';

const FIXTURES = join(__dirname, '../../fixtures/importers');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const parse = (path: string) => parseLibraryFile(path.split('/').pop()!, read(path));

function library(result: ParsedLibrary): LibraryImport {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.library;
}

/** The drafts without the key their id is made from, as the expectations below are written. */
const drafts = (lib: LibraryImport) => lib.drafts.map(({ sourceKey: _key, ...draft }) => draft);

/** Every body and html an importer writes must be valid field syntax. */
function expectValidFields(lib: LibraryImport) {
  for (const draft of lib.drafts) {
    expect(parseFields(draft.body).errors, draft.body).toEqual([]);
    if (draft.html) expect(parseFields(draft.html).errors, draft.html).toEqual([]);
  }
}

describe('Text Blaze exported folders', () => {
  const lib = library(parse('textblaze/report-phrases.json'));

  it('is detected by its content', () => expect(lib.format).toBe('textblaze'));

  it('maps folders, names, shortcuts and commands to fields', () => {
    expect(drafts(lib)).toEqual([
      {
        title: 'Meeting notice',
        body: '各位同事：定于{{date+1d:YYYY年M月D日}}在{{会议地点=三楼会议室}}召开{{会议类型:choice=周例会|月度总结会}}。{{cursor}}',
        tags: [],
        folder: 'Report phrases',
        abbreviation: 'hy',
      },
      {
        title: 'Situation summary',
        body: '{{情况说明:paragraph}}\n报送日期：{{报送日期:date}}\n{formtoggle: name=附件}附件见后。{endformtoggle}',
        tags: [],
        folder: 'Report phrases',
        abbreviation: 'qk',
      },
      {
        title: 'Thanks',
        body: 'Thank you, {{Name}}!\nPasted: {{clipboard}}\n{{snippet:sig}}',
        html: '<p>Thank you, <b>{{Name}}</b>!</p><p>Pasted: {{clipboard}}</p><p>{{snippet:sig}}</p>',
        tags: [],
        folder: 'Email',
        abbreviation: 'ty',
      },
      { title: 'Signature', body: 'Best regards,\n{key: enter}The planning office', tags: [], folder: 'Email', abbreviation: 'sig' },
    ]);
    expectValidFields(lib);
  });

  it('lists the commands that have no counterpart', () => {
    expect(lib.unmapped).toEqual([
      { title: 'Situation summary', variable: '{formtoggle: name=附件}', reason: 'no-counterpart' },
      { title: 'Situation summary', variable: '{endformtoggle}', reason: 'no-counterpart' },
      { title: 'Signature', variable: '{key: enter}', reason: 'no-counterpart' },
    ]);
  });
});

describe('TextExpander CSV', () => {
  const lib = library(parse('textexpander/Work.csv'));

  it('reads abbreviation, content and label, the group from the file name', () => {
    expect(lib.format).toBe('textexpander-csv');
    expect(drafts(lib)).toEqual([
      { title: 'Weekly summary', body: '本周工作总结（{{date:YYYY-MM-DD}}）：{{cursor}}', tags: [], folder: 'Work', abbreviation: 'zj' },
      {
        title: 'Signature block',
        body: '{{Name=Zhang San}} \n{{Department:choice=Finance|Planning|Audit}}\nPhone: {{clipboard}}',
        tags: [],
        folder: 'Work',
        abbreviation: 'qm',
      },
      { title: 'Key press', body: 'Next field%key:tab%done', tags: [], folder: 'Work', abbreviation: 'tab' },
    ]);
    expectValidFields(lib);
  });

  it('lists a key press as having no counterpart', () => {
    expect(lib.unmapped).toEqual([{ title: 'Key press', variable: '%key:tab%', reason: 'no-counterpart' }]);
  });
});

describe('TextExpander snippet groups', () => {
  const lib = library(parse('textexpander/Signatures.textexpander'));

  it('reads the plist: group name, labels, plain text, date math', () => {
    expect(lib.format).toBe('textexpander-group');
    expect(drafts(lib)).toEqual([
      { title: 'Due tomorrow', body: 'Due on {{date+1d:MMMM D, YYYY}} & no later.', tags: [], folder: 'Signatures', abbreviation: 'ddue' },
      { title: 'Office address', body: '市财政局办公室\n人民路1号', tags: [], folder: 'Signatures', abbreviation: 'addr' },
    ]);
    expectValidFields(lib);
  });

  it('keeps formatted snippets as plain text and leaves scripts out, saying so', () => {
    expect(lib.unmapped).toEqual([
      { title: 'Office address', variable: 'RTF', reason: 'plain-only' },
      { title: 'My IP', variable: 'shell script', reason: 'script' },
    ]);
  });
});

describe('Briskine CSV', () => {
  const lib = library(parse('briskine/templates.csv'));

  it('reads the header columns, HTML bodies and tags; email variables become asked fields', () => {
    expect(lib.format).toBe('briskine');
    expect(drafts(lib)).toEqual([
      {
        title: 'Follow up',
        body: 'Hi {{To first name}},\nThanks for your time today. {{cursor}}\n{{{{#if from.first_name}}{{From first name}}{{{{/if}}',
        html: '<p>Hi {{To first name}},</p><p>Thanks for your time today. {{cursor}}</p><p>{{{{#if from.first_name}}{{From first name}}{{{{/if}}</p>',
        tags: ['sales', 'follow-up'],
        abbreviation: 'fu',
      },
      { title: 'Short reply', body: '收到，谢谢！', html: '<p>收到，谢谢！</p>', tags: ['reply'] },
    ]);
    expectValidFields(lib);
  });

  it('lists what Briskine filled itself, its helpers, email fields and a shortcut that cannot be an abbreviation', () => {
    expect(lib.unmapped).toEqual([
      { title: 'Follow up', variable: '{{to.first_name}}', reason: 'asked' },
      { title: 'Follow up', variable: '{{#if from.first_name}}', reason: 'no-counterpart' },
      { title: 'Follow up', variable: '{{from.first_name}}', reason: 'asked' },
      { title: 'Follow up', variable: '{{/if}}', reason: 'no-counterpart' },
      { title: 'Follow up', variable: 'subject: Our meeting', reason: 'email-field' },
      { title: 'Short reply', variable: 'ok-1', reason: 'abbreviation' },
    ]);
  });
});

describe('espanso match files', () => {
  const lib = library(parse('espanso/base.yml'));

  it('maps triggers, the caret, date and clipboard variables and forms', () => {
    expect(lib.format).toBe('espanso');
    expect(drafts(lib)).toEqual([
      { title: '工作总结开头', body: '截至{{date:YYYY年MM月DD日}}，我单位完成{{cursor}}项工作。', tags: [], folder: 'base', abbreviation: 'zj' },
      { title: 'Tomorrow is tomorrow', body: 'Tomorrow is {{date+1d:dddd, MMMM D}}. Clipboard: {{clipboard}}', tags: [], folder: 'base', abbreviation: 'tmr' },
      { title: 'Hello name, about topic', body: 'Hello {{name}}, about {{topic:choice=budget|staffing}}:', tags: [], folder: 'base', abbreviation: 'hi' },
      { title: 'IP: output', body: 'IP: {{{{output}}', tags: [], folder: 'base', abbreviation: 'ip' },
    ]);
    expectValidFields(lib);
  });

  it('lists a second trigger and a shell variable', () => {
    expect(lib.unmapped).toEqual([
      { title: 'Hello name, about topic', variable: ':hello', reason: 'abbreviation' },
      { title: 'IP: output', variable: '{{output}} (shell)', reason: 'no-counterpart' },
    ]);
  });
});

describe('CSV as RFC 4180 writes it', () => {
  it('reads quotes, doubled quotes, line breaks in a cell, CRLF, a byte order mark and empty cells', () => {
    expect(parseCsv('\uFEFFa,"b ""c""",\r\n"line 1\nline 2",,x\r\n\r\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b "c"', ''],
        ['line 1\nline 2', '', 'x'],
      ],
    });
  });

  it('refuses a quote never closed, or text after a closing quote', () => {
    expect(parseCsv('a,"b\nc')).toEqual({ ok: false, detail: 'unclosed-quote' });
    expect(parseCsv('a,"b"c\n')).toEqual({ ok: false, detail: 'stray-quote' });
  });
});

describe('telling a library from this extension\'s backup', () => {
  it('a Text Blaze export is a library; a backup of this extension is not', () => {
    expect(isLibraryJson(read('textblaze/report-phrases.json'))).toBe(true);
    const backup = JSON.stringify({ format: 'report-drafting-assistant/backup', version: 2, exportedAt: '', snippets: [], templates: [], placeholderRules: [], settings: [] });
    expect(isLibraryJson(backup)).toBe(false);
    expect(isLibraryJson('not json')).toBe(false);
  });
});

describe('bad files are refused with a reason', () => {
  it.each([
    ['bad/empty.csv', { kind: 'empty' }],
    ['bad/binary.textexpander', { kind: 'binary' }],
    ['bad/truncated-textblaze.json', { kind: 'damaged', format: 'textblaze', detail: { code: 'not-json' } }],
    ['bad/truncated.textexpander', { kind: 'damaged', format: 'textexpander-group', detail: { code: 'cut-short' } }],
    ['bad/unclosed-quote.csv', { kind: 'damaged', format: 'textexpander-csv', detail: { code: 'quote' } }],
    ['bad/wrong-format.yml', { kind: 'damaged', format: 'espanso', detail: { code: 'no-list', at: 'matches' } }],
    ['bad/broken.yml', { kind: 'damaged', format: 'espanso', detail: { code: 'line', at: 5 } }],
  ])('%s', (path, problem) => {
    expect(parse(path)).toEqual({ ok: false, problem });
  });

  it('a file of no known tool', () => {
    expect(parseLibraryFile('notes.txt', 'Just some notes')).toEqual({ ok: false, problem: { kind: 'unknown-format' } });
    expect(parseLibraryFile('data.json', '{"a": 1}')).toEqual({ ok: false, problem: { kind: 'unknown-format' } });
  });

  it('a CSV row with the wrong number of cells', () => {
    expect(parseLibraryFile('Work.csv', 'only-one-cell\n')).toEqual({ ok: false, problem: { kind: 'damaged', format: 'textexpander-csv', detail: { code: 'row', at: 1 } } });
  });
});

describe('variable mapping details', () => {
  const blaze = (text: string) => library(parseLibraryFile('x.json', JSON.stringify({ version: 7, folders: [{ name: 'F', snippets: [{ name: 'S', shortcut: 's', type: 'text', text }] }] })));

  it('a Text Blaze date format or shift with no counterpart is listed and kept', () => {
    const lib = blaze('{time: Do MMMM} {time: YYYY; shift=+2Q}');
    expect(lib.drafts[0].body).toBe('{time: Do MMMM} {time: YYYY; shift=+2Q}');
    expect(lib.unmapped.map((u) => u.variable)).toEqual(['{time: Do MMMM}', '{time: YYYY; shift=+2Q}']);
  });

  it('a field named like a keyword is renamed, so that it stays a field', () => {
    const lib = blaze('{formtext: name=Date} {formtext: name=a:b=c}');
    expect(lib.drafts[0].body).toBe('{{Field Date}} {{a b c}}');
    expectValidFields(lib);
  });

  it('a literal {{ of the other tool stays literal', () => {
    expect(blaze('Use {{name}} here').drafts[0].body).toBe('Use {{{{name}} here');
  });

  it('TextExpander time macros become a time; %% is a percent sign', () => {
    const lib = library(parseLibraryFile('T.csv', 'tt,"At %H:%M, 100%% done"'));
    expect(lib.drafts[0].body).toBe('At {{time:HH:mm}}, 100% done');
  });

  it('a Text Blaze menu of several answers at once is listed; a multi-line box is a paragraph', () => {
    const lib = blaze('{formmenu: a; b; multiple=yes; name=m}{formparagraph: name=p; default=x}');
    expect(lib.drafts[0].body).toBe('{formmenu: a; b; multiple=yes; name=m}{{p:paragraph=x}}');
    expect(lib.unmapped).toEqual([{ title: 'S', variable: '{formmenu: a; b; multiple=yes; name=m}', reason: 'no-counterpart' }]);
  });

  it('TextExpander: a second %| is the next tab stop; %fillarea is a paragraph; %snippet: another snippet', () => {
    const lib = library(parseLibraryFile('T.csv', 'x,"%|a%|b %fillarea:name=Notes% %snippet:;sig%",L'));
    expect(lib.drafts[0].body).toBe('{{cursor}}a{{tab}}b {{Notes:paragraph}} {{snippet:sig}}');
    expectValidFields(lib);
  });

  it('Briskine: cursors with placeholder text, then further cursors as tab stops', () => {
    const csv = 'title,shortcut,body\nT,t,"<p>{{#cursor}}name{{/cursor}} and {{cursor}}</p>"\n';
    const lib = library(parseLibraryFile('b.csv', csv));
    expect(lib.drafts[0].html).toBe('<p>{{cursor}}name and {{tab}}</p>');
    expect(lib.unmapped).toEqual([]);
  });

  it('espanso echo and choice variables', () => {
    const yml = 'matches:\n  - trigger: ":e"\n    replace: "{{who}} / {{pick}}"\n    vars:\n      - name: who\n        type: echo\n        params:\n          echo: "Planning office"\n      - name: pick\n        type: choice\n        params:\n          values: [yes, no]\n';
    const lib = library(parseLibraryFile('m.yml', yml));
    // YAML 1.2, as espanso reads it: yes and no are words, not booleans.
    expect(lib.drafts[0].body).toBe('Planning office / {{pick:choice=yes|no}}');
  });

  it('espanso offsets that are not whole days have no counterpart', () => {
    const lib = library(parseLibraryFile('m.yml', 'matches:\n  - trigger: ":h"\n    replace: "{{later}}"\n    vars:\n      - name: later\n        type: date\n        params:\n          format: "%H:%M"\n          offset: 3600\n'));
    expect(lib.drafts[0].body).toBe('{{{{later}}');
    expect(lib.unmapped).toEqual([{ title: 'later', variable: '{{later}} (date)', reason: 'no-counterpart' }]);
  });
});

describe('records for the backup import', () => {
  const lib = library(parse('textexpander/Work.csv'));
  const identity = (html: string) => html;

  it('gives the same snippet the same id each time, and every snippet its own', () => {
    const first = libraryBackup(lib, new Map(), 1000, identity);
    const again = libraryBackup(lib, new Map(), 2000, identity);
    expect(first.snippets.map((s) => s.id)).toEqual(again.snippets.map((s) => s.id));
    expect(new Set(first.snippets.map((s) => s.id)).size).toBe(3);
    expect(first.snippets[0].id).toBe(importedId('textexpander-csv', lib.drafts[0].sourceKey));
    expect(first.templates).toEqual([]);
  });

  it('a snippet imported before keeps its times and use when nothing changed', () => {
    const [before] = libraryBackup(lib, new Map(), 1000, identity).snippets;
    const used = { ...before, useCount: 4, lastUsedAt: 1500 };
    const [again] = libraryBackup(lib, new Map([[used.id, used]]), 9000, identity).snippets;
    expect(again).toEqual(used);
  });
});
