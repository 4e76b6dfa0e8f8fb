// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport, BACKUP_FORMAT, BACKUP_VERSION, exportBackup, parseBackup, planImport, undoImport, type Backup, type ImportPlan } from '@/utils/db/backup';
import { ReportDatabase, newId } from '@/utils/db/database';
import type { PlaceholderRuleRecord, Snippet, Template } from '@/utils/db/schema';
import { freshDatabases, snippet } from './fixtures';

const freshDatabase = freshDatabases('backup');

function template(overrides: Partial<Template> = {}): Template {
  return {
    id: newId(),
    title: '述职报告',
    kind: 'duty',
    description: '',
    language: 'zh',
    sections: [{ heading: '一、主要工作', level: 1, body: '', children: [{ heading: '（一）学习', level: 2, body: '{{单位}}' }] }],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}
function rule(overrides: Partial<PlaceholderRuleRecord> = {}): PlaceholderRuleRecord {
  return { id: newId(), name: '项目编号', pattern: 'PRJ-\\d+', flags: 'u', kind: 'free', enabled: true, createdAt: 1, ...overrides };
}

/** Everything in the database, to show that a refused import changed nothing. */
async function contents(db: ReportDatabase) {
  return {
    snippets: await db.snippets.toArray(),
    templates: await db.templates.toArray(),
    rules: await db.placeholderRules.toArray(),
    settings: await db.settings.toArray(),
  };
}

/** A plan's records by table, as ids, for comparing with ids written by hand. */
const planIds = (plan: ImportPlan) =>
  Object.fromEntries(
    (['snippets', 'templates', 'placeholderRules', 'settings'] as const).map((table) => [
      table,
      { added: plan[table].added.map((r) => r.id), changed: plan[table].changed.map((c) => c.after.id), same: plan[table].same },
    ]),
  );

async function written(db: ReportDatabase, plan: ImportPlan) {
  const outcome = await applyImport(db, plan);
  if (!outcome.ok) throw new Error('the database changed since the plan');
  return outcome;
}

const identity = (html: string) => html;

async function seeded() {
  const db = freshDatabase();
  await db.snippets.bulkAdd([snippet({ html: '<p>正文</p>', abbreviation: 'zz', lastUsedAt: 3, folder: '党建' }), snippet({ title: '理论学习' })]);
  await db.templates.add(template());
  await db.placeholderRules.add(rule());
  await db.settings.bulkAdd([
    { id: 'sites-off', value: '["mail.example.com","*.bank.example"]' },
    { id: 'abbreviation-trigger', value: ' ' },
    { id: 'welcome-dismissed', value: 'yes' },
  ]);
  return db;
}

function backupOf(parts: Partial<Backup>): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '', snippets: [], templates: [], placeholderRules: [], settings: [], ...parts };
}

function parsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.backup;
}

describe('export', () => {
  it('writes every record with the format and its version', async () => {
    const db = await seeded();
    const file = JSON.parse(await exportBackup(db, {}, new Date('2025-06-01T00:00:00Z'))) as Backup;
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.exportedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(file.snippets).toHaveLength(2);
    expect(file.templates).toEqual(await db.templates.toArray());
    expect(file.placeholderRules).toEqual(await db.placeholderRules.toArray());
    expect(file.settings).toEqual([
      { id: 'abbreviation-trigger', value: ' ' },
      { id: 'sites-off', value: '["mail.example.com","*.bank.example"]' },
      { id: 'welcome-dismissed', value: 'yes' },
    ]);
  });

  it('writes only the selected snippets when some are selected', async () => {
    const db = await seeded();
    const [first] = await db.snippets.toArray();
    const file = JSON.parse(await exportBackup(db, { snippetIds: [first.id, 'gone'] })) as Backup;
    expect(file.snippets).toEqual([first]);
    expect(file.templates).toEqual([]);
    expect(file.placeholderRules).toEqual([]);
    expect(file.settings).toEqual([]);
  });
});

describe('import', () => {
  it('round-trips into an empty database', async () => {
    const source = await seeded();
    const text = await exportBackup(source);
    const target = freshDatabase();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const plan = await planImport(target, parsed.backup, identity);
    expect([plan.snippets.added.length, plan.templates.added.length, plan.placeholderRules.added.length, plan.settings.added.length]).toEqual([2, 1, 1, 3]);
    expect((await written(target, plan)).written).toBe(7);
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('merges by id: new, changed and same, changing nothing else', async () => {
    const db = await seeded();
    const [a, b] = await db.snippets.toArray();
    const local = snippet({ title: '只在本地' });
    await db.snippets.add(local);
    const file: Backup = JSON.parse(await exportBackup(db));
    file.snippets = [a, { ...b, body: '改过的正文', updatedAt: 99 }, snippet({ id: 'new-one', title: '新文段' })];
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error('refused');
    const plan = await planImport(db, parsed.backup, identity);
    expect(plan.snippets.same).toBe(1);
    expect(plan.snippets.changed.map((c) => [c.before.body, c.after.body])).toEqual([['牢固树立政治机关意识。', '改过的正文']]);
    expect(plan.snippets.added.map((s) => s.id)).toEqual(['new-one']);
    expect(plan.templates.same).toBe(1);
    await written(db, plan);
    expect((await db.snippets.get(b.id))?.body).toBe('改过的正文');
    expect(await db.snippets.get(local.id)).toEqual(local);
    expect(await db.snippets.count()).toBe(4);
  });

  it('sees a record with its fields in another order as the same', async () => {
    const db = await seeded();
    const [a] = await db.snippets.toArray();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as Snippet;
    const file = JSON.parse(await exportBackup(db)) as Backup;
    file.snippets = [reordered];
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error('refused');
    expect((await planImport(db, parsed.backup, identity)).snippets.same).toBe(1);
  });

  it('finds the few records a file shares with a large library, and leaves the rest alone', async () => {
    const db = freshDatabase();
    const library = Array.from({ length: 12 }, (_, i) => snippet({ id: `s${i}`, title: `文段${i}` }));
    await db.snippets.bulkAdd(library);
    const file = backupOf({ snippets: [library[3], { ...library[7], title: '改名' }, snippet({ id: 'new-one' })] });
    const plan = await planImport(db, parsed(JSON.stringify(file)), identity);
    expect(planIds(plan).snippets).toEqual({ added: ['new-one'], changed: ['s7'], same: 1 });
    expect(plan.snippets.changed[0].before.title).toBe('文段7');
    await written(db, plan);
    expect(await db.snippets.count()).toBe(13);
    expect((await db.snippets.bulkGet(['s3', 's7', 's8', 'new-one'])).map((s) => s?.title)).toEqual(['文段3', '改名', '文段8', '加强政治建设']);
  });

  it('sees a field the database holds as undefined as absent', async () => {
    const db = freshDatabase();
    const stored = snippet({ id: 's', folder: undefined });
    await db.snippets.add(stored);
    expect(Object.keys((await db.snippets.get('s'))!)).toContain('folder');
    const file = backupOf({ snippets: [snippet({ id: 's' })] });
    expect(planIds(await planImport(db, parsed(JSON.stringify(file)), identity)).snippets).toEqual({ added: [], changed: [], same: 1 });
  });

  it('sanitizes each snippet once: the write stores the HTML the preview compared', async () => {
    const db = freshDatabase();
    const sanitized: string[] = [];
    const sanitize = (html: string) => {
      sanitized.push(html);
      return html.replace(/ onclick="[^"]*"/, '');
    };
    const file = backupOf({ snippets: [snippet({ id: 'a', html: '<p onclick="x()">甲</p>' }), snippet({ id: 'b', html: '<p>乙</p>' }), snippet({ id: 'plain' })] });
    await written(db, await planImport(db, parsed(JSON.stringify(file)), sanitize));
    expect(sanitized).toEqual(['<p onclick="x()">甲</p>', '<p>乙</p>']);
    expect((await db.snippets.toArray()).map((s) => [s.id, s.html])).toEqual([
      ['a', '<p>甲</p>'],
      ['b', '<p>乙</p>'],
      ['plain', undefined],
    ]);
  });

  it('sanitizes snippet HTML from the file before comparing and storing it', async () => {
    const db = freshDatabase();
    const file = backupOf({ snippets: [snippet({ id: 's', html: '<p onclick="x()">正文</p>' })] });
    await written(db, await planImport(db, parsed(JSON.stringify(file)), (html) => html.replace(/ onclick="[^"]*"/, '')));
    expect((await db.snippets.get('s'))?.html).toBe('<p>正文</p>');
  });

  it('keeps fields a later version adds to template sections', async () => {
    const file = backupOf({ templates: [template({ sections: [{ heading: '结尾', level: 1, body: '', numbered: false, extra: 'kept' } as never] })] });
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.backup.templates[0].sections[0]).toMatchObject({ numbered: false, extra: 'kept' });
  });
});

describe('a bad file changes nothing', () => {
  async function refuse(text: string) {
    const db = await seeded();
    const before = await contents(db);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    expect(await contents(db)).toEqual(before);
    return parsed.ok ? null : parsed.problem;
  }

  const valid = async () => JSON.parse(await exportBackup(await seeded())) as Backup;

  it('refuses duplicate ids within the file', async () => {
    const file = await valid();
    file.snippets.push({ ...file.snippets[0], title: '同 id' });
    expect(await refuse(JSON.stringify(file))).toEqual({ kind: 'duplicate-id', table: 'snippets', id: file.snippets[0].id });
  });

  it('refuses another format version', async () => {
    const file = { ...(await valid()), version: 3 };
    expect(await refuse(JSON.stringify(file))).toEqual({ kind: 'version', found: '3' });
    expect(await refuse(JSON.stringify({ ...file, version: undefined }))).toEqual({ kind: 'version', found: 'undefined' });
  });

  it('refuses truncated JSON', async () => {
    const text = JSON.stringify(await valid());
    expect(await refuse(text.slice(0, Math.floor(text.length / 2)))).toEqual({ kind: 'not-json' });
    expect(await refuse('')).toEqual({ kind: 'not-json' });
  });

  it('refuses 5 MB of junk, JSON or not', async () => {
    let seed = 7;
    const junk = Array.from({ length: 5 * 1024 * 1024 }, () => String.fromCharCode(32 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 95))).join('');
    expect(await refuse(junk)).toEqual({ kind: 'not-json' });
    expect(await refuse(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, junk }))).toMatchObject({ kind: 'invalid' });
    expect(await refuse(JSON.stringify(Array.from({ length: 500_000 }, (_, i) => i)))).toEqual({ kind: 'not-backup' });
  });

  it('refuses a file with one damaged record among good ones, naming where', async () => {
    const file = await valid();
    (file.snippets[1] as unknown as Record<string, unknown>).useCount = '3';
    expect(await refuse(JSON.stringify(file))).toMatchObject({ kind: 'invalid', where: 'snippets.1.useCount' });
    const bad = await valid();
    (bad.templates[0].sections[0].children![0] as unknown as Record<string, unknown>).level = -1;
    expect(await refuse(JSON.stringify(bad))).toMatchObject({ kind: 'invalid', where: 'templates.0.sections.0.children.0.level' });
    const wrongAbbreviation = await valid();
    wrongAbbreviation.snippets[0].abbreviation = 'two words';
    expect(await refuse(JSON.stringify(wrongAbbreviation))).toMatchObject({ kind: 'invalid', where: 'snippets.0.abbreviation' });
  });

  it('refuses sections nested deeper than the stack', async () => {
    const file = await valid();
    let text = '{"heading":"h","level":1,"body":""}';
    for (let i = 0; i < 20_000; i++) text = `{"heading":"h","level":1,"body":"","children":[${text}]}`;
    const json = JSON.stringify(file).replace('"sections":[', `"sections":[${text},`);
    const problem = await refuse(json);
    expect(problem?.kind === 'invalid' || problem?.kind === 'not-json').toBe(true);
  });

  it('refuses what is not a backup of ours', async () => {
    expect(await refuse('null')).toEqual({ kind: 'not-backup' });
    expect(await refuse('{"format":"other"}')).toEqual({ kind: 'not-backup' });
  });
});

describe('format 2', () => {
  it('reads a format 1 file, which has no settings', async () => {
    const db = freshDatabase();
    const v1 = `{"format":"report-drafting-assistant/backup","version":1,"exportedAt":"2025-01-02T03:04:05.000Z",
      "snippets":[{"id":"s1","title":"廉洁自律","body":"严格遵守中央八项规定精神。","tags":["纪律"],"abbreviation":"lzzl","createdAt":10,"updatedAt":20,"useCount":3}],
      "templates":[],"placeholderRules":[{"id":"r1","name":"项目编号","pattern":"PRJ-\\\\d+","flags":"","kind":"free","enabled":true,"createdAt":5}]}`;
    const plan = await planImport(db, parsed(v1), identity);
    expect(planIds(plan)).toEqual({
      snippets: { added: ['s1'], changed: [], same: 0 },
      templates: { added: [], changed: [], same: 0 },
      placeholderRules: { added: ['r1'], changed: [], same: 0 },
      settings: { added: [], changed: [], same: 0 },
    });
    await written(db, plan);
    expect(await db.snippets.get('s1')).toEqual({ id: 's1', title: '廉洁自律', body: '严格遵守中央八项规定精神。', tags: ['纪律'], abbreviation: 'lzzl', createdAt: 10, updatedAt: 20, useCount: 3 });
    expect((await db.placeholderRules.get('r1'))?.pattern).toBe('PRJ-\\d+');
  });

  it('restores the settings, adding sites turned off to those already off', async () => {
    const db = freshDatabase();
    await db.settings.bulkAdd([
      { id: 'sites-off', value: '["intranet.example"]' },
      { id: 'highlight-colours', value: '{"all":"#ff0","current":"#f80"}' },
    ]);
    const file = backupOf({
      settings: [
        { id: 'sites-off', value: '["mail.example.com","intranet.example"]' },
        { id: 'highlight-colours', value: '{"all":"rgb(0 128 255 / 0.3)","current":"#f80"}' },
        { id: 'welcome-dismissed', value: 'yes' },
        // A setting from a later version: not taken.
        { id: 'setting-of-a-later-version', value: '42' },
      ],
    });
    const plan = await planImport(db, parsed(JSON.stringify(file)), identity);
    expect(planIds(plan).settings).toEqual({ added: ['welcome-dismissed'], changed: ['sites-off', 'highlight-colours'], same: 0 });
    expect((await written(db, plan)).written).toBe(3);
    expect(await db.settings.toArray()).toEqual([
      { id: 'highlight-colours', value: '{"all":"rgb(0 128 255 / 0.3)","current":"#f80"}' },
      { id: 'sites-off', value: '["intranet.example","mail.example.com"]' },
      { id: 'welcome-dismissed', value: 'yes' },
    ]);
  });

  it('refuses a file whose placeholder rule the Settings check refuses, and writes nothing', async () => {
    const db = await seeded();
    const before = await contents(db);
    const file = backupOf({ snippets: [snippet({ id: 'fine' })], placeholderRules: [rule({ name: '坏规则', pattern: '(a+)+b' })] });
    const result = parseBackup(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, problem: { kind: 'unsafe-rule', name: '坏规则' } });
    expect(await contents(db)).toEqual(before);
  });

  it('refuses settings that Settings would refuse: a site pattern, a colour, a cleanup rule, a key', () => {
    const refused = (id: string, value: string) => parseBackup(JSON.stringify(backupOf({ settings: [{ id, value }] })));
    expect(refused('sites-off', '["http://"]')).toMatchObject({ ok: false, problem: { kind: 'bad-setting', id: 'sites-off' } });
    expect(refused('sites-off', '"mail.example.com"')).toMatchObject({ ok: false, problem: { kind: 'bad-setting', id: 'sites-off' } });
    expect(refused('highlight-colours', '{"all":"not a colour","current":"#f80"}')).toMatchObject({ ok: false, problem: { kind: 'bad-setting' } });
    expect(refused('abbreviation-trigger', 'Escape')).toMatchObject({ ok: false, problem: { kind: 'bad-setting' } });
    const unsafeCleanup = '{"off":[],"own":[{"id":"mine","name":"广告","kind":"remove","pattern":"(x+)+y","enabled":true}]}';
    expect(refused('cleanup-rules', unsafeCleanup)).toMatchObject({ ok: false, problem: { kind: 'bad-setting', id: 'cleanup-rules' } });
    const fineCleanup = '{"off":["blank-lines"],"own":[{"id":"mine","name":"广告","kind":"remove-line","pattern":"关注公众号","enabled":true}]}';
    expect(refused('cleanup-rules', fineCleanup).ok).toBe(true);
  });
});

describe('what the import will not take as it is', () => {
  const NOW = 1_750_000_000_000;

  it('keeps an abbreviation with the snippet that has it, and says so', async () => {
    const db = freshDatabase();
    await db.snippets.add(snippet({ id: 'owner', title: '廉洁自律', abbreviation: 'lzzl', updatedAt: 5 }));
    const file = backupOf({
      snippets: [
        snippet({ id: 'taker', title: '抢缩写', abbreviation: 'lzzl', updatedAt: 9_000 }),
        snippet({ id: 'first', title: '第一个', abbreviation: 'zjbg' }),
        snippet({ id: 'second', title: '第二个', abbreviation: 'zjbg' }),
      ],
    });
    const plan = await planImport(db, parsed(JSON.stringify(file)), identity, NOW);
    expect(plan.notes).toEqual([
      { kind: 'abbreviation-taken', title: '抢缩写', abbreviation: 'lzzl', owner: '廉洁自律' },
      { kind: 'abbreviation-taken', title: '第二个', abbreviation: 'zjbg', owner: '第一个' },
    ]);
    await written(db, plan);
    expect((await db.snippets.toArray()).map((s) => [s.id, s.abbreviation])).toEqual([
      ['first', 'zjbg'],
      ['owner', 'lzzl'],
      ['second', undefined],
      ['taker', undefined],
    ]);
  });

  it('replaces impossible times with the time of the import, and says so', async () => {
    const db = freshDatabase();
    const day = 24 * 60 * 60 * 1000;
    // 1e400 is beyond a double: JSON reads it as Infinity.
    const text = JSON.stringify(
      backupOf({
        snippets: [
          snippet({ id: 'far', title: '远未来', createdAt: 1, updatedAt: 1e300, lastUsedAt: -5 }),
          snippet({ id: 'tomorrow', title: '明天之内', createdAt: 1, updatedAt: NOW + day - 1 }),
        ],
        templates: [template({ id: 't', title: '负数', createdAt: -1, updatedAt: 2 })],
      }),
    ).replace('"createdAt":1,"updatedAt":1e+300', '"createdAt":1e400,"updatedAt":1e+300');
    const plan = await planImport(db, parsed(text), identity, NOW);
    expect(plan.notes).toEqual([
      { kind: 'impossible-times', table: 'snippets', title: '远未来' },
      { kind: 'impossible-times', table: 'templates', title: '负数' },
    ]);
    await written(db, plan);
    const far = await db.snippets.get('far');
    expect([far?.createdAt, far?.updatedAt, far?.lastUsedAt]).toEqual([NOW, NOW, undefined]);
    expect((await db.snippets.get('tomorrow'))?.updatedAt).toBe(NOW + day - 1);
    expect([(await db.templates.get('t'))?.createdAt, (await db.templates.get('t'))?.updatedAt]).toEqual([NOW, 2]);
  });
});

describe('the write', () => {
  it('merges against the database as it is then: a change since the preview writes nothing and hands back the new plan', async () => {
    const db = await seeded();
    const [a] = await db.snippets.toArray();
    const file = backupOf({ snippets: [{ ...a, body: '文件里的正文' }, snippet({ id: 'new-one' })] });
    const plan = await planImport(db, parsed(JSON.stringify(file)), identity);
    expect(planIds(plan).snippets).toEqual({ added: ['new-one'], changed: [a.id], same: 0 });

    // The user edits the snippet after the preview: the import must not overwrite that unseen.
    await db.snippets.update(a.id, { body: '预览之后改的' });
    const before = await contents(db);
    const outcome = await applyImport(db, plan);
    expect(outcome.ok).toBe(false);
    expect(await contents(db)).toEqual(before);
    if (outcome.ok) return;
    expect(outcome.plan.snippets.changed.map((c) => [c.before.body, c.after.body])).toEqual([['预览之后改的', '文件里的正文']]);

    // Confirmed again on the new preview, it writes.
    expect((await written(db, outcome.plan)).written).toBe(2);
    expect((await db.snippets.get(a.id))?.body).toBe('文件里的正文');
  });

  it('is undone: new records removed, changed ones put back as they were', async () => {
    const db = await seeded();
    const before = await contents(db);
    const [a] = await db.snippets.toArray();
    const file = backupOf({
      snippets: [{ ...a, title: '改名' }, snippet({ id: 'new-one' })],
      settings: [{ id: 'sites-off', value: '["new.example"]' }, { id: 'highlight-colours', value: '{"all":"#0f0","current":"#00f"}' }],
    });
    const outcome = await written(db, await planImport(db, parsed(JSON.stringify(file)), identity));
    expect(outcome.written).toBe(4);
    expect((await db.snippets.get(a.id))?.title).toBe('改名');
    await undoImport(db, outcome.undo);
    expect(await contents(db)).toEqual(before);
  });
});
