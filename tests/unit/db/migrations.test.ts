import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportDatabase, newId } from '@/utils/db/database';
import { applyMigrations, LATEST_VERSION, SCHEMA_VERSIONS } from '@/utils/db/migrations';
import type { PlaceholderRuleRecord, Snippet, Template } from '@/utils/db/schema';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as version `version` of the extension left it. */
function databaseAt(name: string, version: number) {
  const db = new Dexie(name);
  applyMigrations(db, version);
  return db;
}

/** Records of every shape version 1 allowed: optional fields there and not, Chinese and English. */
function versionOneRecords() {
  const snippets: Snippet[] = Array.from({ length: 300 }, (_, i) => ({
    id: newId(),
    title: i % 2 ? `加强政治建设 ${i}` : `Annual summary ${i}`,
    body: '牢固树立政治机关意识。\nSecond line.',
    ...(i % 3 === 0 ? { html: '<p>牢固树立<strong>政治机关</strong>意识。</p>' } : {}),
    tags: i % 4 ? ['党建', `tag${i % 5}`] : [],
    ...(i % 5 === 0 ? { folder: '总结' } : {}),
    ...(i % 7 === 0 ? { abbreviation: `ab${i}` } : {}),
    createdAt: 1_600_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
    ...(i % 2 ? { lastUsedAt: 1_710_000_000_000 + i } : {}),
    useCount: i % 9,
  }));
  const templates: Template[] = Array.from({ length: 20 }, (_, i) => ({
    id: newId(),
    title: `述职报告 ${i}`,
    kind: 'duty',
    description: '年度述职',
    language: i % 2 ? 'zh' : 'en',
    sections: [{ heading: '一、主要工作', level: 1, body: '{{单位}}', guidance: '写实绩', children: [{ heading: '（一）学习', level: 2, body: '' }] }],
    createdAt: 1,
    updatedAt: 2,
  }));
  const rules: PlaceholderRuleRecord[] = Array.from({ length: 10 }, (_, i) => ({
    id: newId(),
    name: `规则${i}`,
    pattern: `PRJ-${i}\\d+`,
    flags: 'g',
    kind: 'free',
    enabled: i % 2 === 0,
    createdAt: i,
  }));
  return { snippets, templates, rules };
}

describe('migrations', () => {
  it('declares versions in order, the latest last', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(2);
  });

  it('opens a version 1 database as the latest with every record intact and indexed', async () => {
    const name = `migrate-${newId()}`;
    names.push(name);
    const old = databaseAt(name, 1);
    const { snippets, templates, rules } = versionOneRecords();
    await old.table('snippets').bulkAdd(snippets);
    await old.table('templates').bulkAdd(templates);
    await old.table('placeholderRules').bulkAdd(rules);
    expect(old.verno).toBe(1);
    old.close();

    const db = new ReportDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await db.snippets.toArray())).toEqual(byId(snippets));
    expect(byId(await db.templates.toArray())).toEqual(byId(templates));
    expect(byId(await db.placeholderRules.toArray())).toEqual(byId(rules));
    // The old indexes still answer.
    expect(await db.snippets.where('tags').equals('党建').count()).toBe(snippets.filter((s) => s.tags.includes('党建')).length);
    expect((await db.snippets.where('abbreviation').equals('ab7').first())?.id).toBe(snippets[7].id);
    // The new table is there, empty.
    expect(await db.settings.count()).toBe(0);
    await db.settings.put({ id: 'abbreviation-trigger', value: 'Tab' });
    expect(await db.settings.get('abbreviation-trigger')).toEqual({ id: 'abbreviation-trigger', value: 'Tab' });
    db.close();
  });
});
