// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport, BACKUP_FORMAT, BACKUP_VERSION, exportBackup, parseBackup, planImport, type Backup } from '@/utils/db/backup';
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
  return { id: newId(), name: '项目编号', pattern: 'PRJ-\\d+', flags: 'g', kind: 'free', enabled: true, createdAt: 1, ...overrides };
}

/** Everything in the database, to show that a refused import changed nothing. */
async function contents(db: ReportDatabase) {
  return { snippets: await db.snippets.toArray(), templates: await db.templates.toArray(), rules: await db.placeholderRules.toArray() };
}

const identity = (html: string) => html;

async function seeded() {
  const db = freshDatabase();
  await db.snippets.bulkAdd([snippet({ html: '<p>正文</p>', abbreviation: 'zz', lastUsedAt: 3, folder: '党建' }), snippet({ title: '理论学习' })]);
  await db.templates.add(template());
  await db.placeholderRules.add(rule());
  return db;
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
  });

  it('writes only the selected snippets when some are selected', async () => {
    const db = await seeded();
    const [first] = await db.snippets.toArray();
    const file = JSON.parse(await exportBackup(db, { snippetIds: [first.id, 'gone'] })) as Backup;
    expect(file.snippets).toEqual([first]);
    expect(file.templates).toEqual([]);
    expect(file.placeholderRules).toEqual([]);
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
    expect([plan.snippets.added.length, plan.templates.added.length, plan.placeholderRules.added.length]).toEqual([2, 1, 1]);
    await applyImport(target, plan);
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
    expect(plan.snippets.changed.map((s) => s.id)).toEqual([b.id]);
    expect(plan.snippets.added.map((s) => s.id)).toEqual(['new-one']);
    expect(plan.templates.same).toBe(1);
    await applyImport(db, plan);
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

  it('sanitizes snippet HTML from the file before comparing and storing it', async () => {
    const db = freshDatabase();
    const file: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '', snippets: [snippet({ id: 's', html: '<p onclick="x()">正文</p>' })], templates: [], placeholderRules: [] };
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error('refused');
    await applyImport(db, await planImport(db, parsed.backup, (html) => html.replace(/ onclick="[^"]*"/, '')));
    expect((await db.snippets.get('s'))?.html).toBe('<p>正文</p>');
  });

  it('keeps fields a later version adds to template sections', async () => {
    const file: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '',
      snippets: [],
      templates: [template({ sections: [{ heading: '结尾', level: 1, body: '', numbered: false, extra: 'kept' } as never] })],
      placeholderRules: [],
    };
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
    const file = { ...(await valid()), version: 2 };
    expect(await refuse(JSON.stringify(file))).toEqual({ kind: 'version', found: '2' });
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
