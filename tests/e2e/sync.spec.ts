/**
 * Sync between two computers through a real WebDAV server: two browsers, each with the built
 * extension on its own profile. One adds a snippet, the other sees it; both change the same
 * snippet before syncing, and both versions survive; a deletion on one reaches the other; a
 * wrong password is refused in plain words and changes nothing.
 *
 * Every test runs against two servers: the npm webdav-server (tests/dav-server.ts), and Apache
 * httpd with mod_dav (tests/apache-dav.ts), whose ETags, status codes and answers are those of
 * the servers users have. Apache is started only when its tests run; where it is not installed
 * they are skipped, saying why.
 *
 * The server's address is a permission the panel asks for when sync is set up. Headless
 * Chromium cannot answer that prompt, so each browser here loads a copy of the build whose
 * manifest already grants the test server's address; everything else is the build as shipped.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { apacheDav, apacheUnavailable } from '../apache-dav';
import { davServer, type DavFolderServer, type DavServerOptions, type DavTestServer } from '../dav-server';
import { CHROMIUM, CHROMIUM_ARGS, expect, test } from './fixtures';
import { extensionGrantingLoopback, extensionIdOf } from './browser.mjs';
import { replaceTables } from './extension-db';

const USER = { name: 'writer', password: 'app-password-1' };
/** A member of the department, who may read its team folder and not write to it. */
const MEMBER = { name: 'member', password: 'app-password-2' };

interface ServerKind {
  name: string;
  /** Why this server cannot run here, or null. */
  unavailable(): string | null;
  start(options: DavServerOptions): Promise<DavFolderServer>;
}

const SERVERS: ServerKind[] = [
  { name: 'webdav-server', unavailable: () => null, start: davServer },
  { name: 'Apache mod_dav', unavailable: apacheUnavailable, start: apacheDav },
];

let server: DavFolderServer;
let extensionCopy: string;

/** One computer: a browser of its own with the extension, and its panel. */
async function computer(): Promise<{ context: BrowserContext; panel: Page }> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    args: [...CHROMIUM_ARGS, '--lang=en-US', `--disable-extensions-except=${extensionCopy}`, `--load-extension=${extensionCopy}`],
  });
  const id = await extensionIdOf(context);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=0`);
  return { context, panel };
}

const syncSection = (panel: Page) => panel.getByRole('region', { name: 'Sync between computers' });
/** The panel's one announcement of what an action did; the same words are drawn beside its button. */
const result = (panel: Page) => panel.getByRole('status', { name: 'Result' });

/** Sets up sync in Settings: the writer's folder `url` (the server's /reports unless given). */
async function connect(panel: Page, { url = server.url('/reports'), password = USER.password } = {}) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  const form = panel.getByRole('form', { name: 'Set up sync' });
  await form.getByRole('textbox', { name: 'Folder address' }).fill(url);
  await form.getByRole('textbox', { name: 'User name' }).fill(USER.name);
  await form.getByLabel('App password').fill(password);
  await form.getByRole('button', { name: 'Connect and sync' }).click();
}

/** Subscribes in Settings to the server's team folder, as `user`. */
async function subscribe(panel: Page, name: string, user: { name: string; password: string }) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  const form = panel.getByRole('form', { name: 'Subscribe' });
  await form.getByRole('textbox', { name: 'Team name' }).fill(name);
  await form.getByRole('textbox', { name: 'Folder address' }).fill(server.url('/team'));
  await form.getByRole('textbox', { name: 'User name' }).fill(user.name);
  await form.getByLabel('App password').fill(user.password);
  await form.getByRole('button', { name: 'Subscribe' }).click();
}

/** When the personal folder's last sync ended, well or not, as sync's settings record it. */
const lastSyncEnd = (panel: Page) =>
  panel.evaluate(async () => {
    type Status = { lastSyncAt?: number; lastFailure?: { at: number } };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { personal?: { status: Status } }>> } } } }).chrome;
    const status = (await storage.local.get('sync')).sync?.personal?.status ?? {};
    return Math.max(status.lastSyncAt ?? 0, status.lastFailure?.at ?? 0);
  });

/**
 * Does `action`, which starts a sync, and waits for that sync to end: the words shown may be
 * those of the sync before, and a sync takes longer when the server refuses a write at first.
 */
async function untilSynced(panel: Page, action: () => Promise<void>) {
  const before = await lastSyncEnd(panel);
  await action();
  await expect.poll(() => lastSyncEnd(panel), { timeout: 15_000 }).toBeGreaterThan(before);
}

async function syncNow(panel: Page) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await untilSynced(panel, () => syncSection(panel).getByRole('button', { name: 'Sync now' }).click());
  await expect(result(panel)).toContainText('Synced:');
}

async function addSnippet(panel: Page, title: string, body: string) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await panel.getByRole('button', { name: 'New snippet' }).click();
  await panel.getByRole('textbox', { name: 'Title' }).fill(title);
  await panel.getByRole('textbox', { name: 'Body' }).fill(body);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(snippetRows(panel).filter({ hasText: title })).toHaveCount(1);
}

const snippetRows = (panel: Page) => panel.getByRole('list', { name: 'Snippets' }).getByRole('listitem');

async function editSnippet(panel: Page, title: string, body: string) {
  await panel.getByRole('tab', { name: 'Snippets' }).click();
  await snippetRows(panel).filter({ hasText: title }).getByRole('button', { name: 'Edit' }).click();
  await panel.getByRole('textbox', { name: 'Body' }).fill(body);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
}

for (const kind of SERVERS) {
  test.describe(kind.name, () => {
    test.beforeAll(async () => {
      const unavailable = kind.unavailable();
      if (unavailable) console.log(`Skipping the sync tests against ${kind.name}: ${unavailable}`);
      test.skip(unavailable !== null, unavailable ?? '');
      server = await kind.start({
        users: [
          { ...USER, rights: { '/': ['all'] } },
          { ...MEMBER, rights: { '/team': ['canRead'] } },
        ],
        folders: ['/reports', '/team'],
      });
      extensionCopy = extensionGrantingLoopback();
    });

    test.afterAll(async () => {
      await server?.close();
      if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
    });

    test('two computers share one folder: a new snippet, a change made on both, a deletion', async () => {
      test.setTimeout(120_000);
      const office = await computer();
      const home = await computer();
      try {
        await addSnippet(office.panel, '廉洁自律', '严格遵守中央八项规定精神。');
        await connect(office.panel);
        await expect(result(office.panel)).toContainText('Synced: 0 received');
        await expect(syncSection(office.panel).getByRole('status', { name: 'Last sync' })).toContainText('Last synced');

        // The home computer, set up later, receives it.
        await connect(home.panel);
        await expect(result(home.panel)).toContainText(/Synced: [1-9]\d* received/);
        await home.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(home.panel).filter({ hasText: '廉洁自律' })).toHaveCount(1);

        // Both change it before either syncs: the later sync finds the conflict and keeps both.
        await editSnippet(office.panel, '廉洁自律', '办公室的版本。');
        await editSnippet(home.panel, '廉洁自律', '家里的版本。');
        await syncNow(office.panel);
        await syncNow(home.panel);
        const conflicts = home.panel.getByRole('list', { name: 'Changed on two computers' });
        await expect(conflicts.getByRole('listitem')).toHaveCount(1);
        await expect(conflicts).toContainText('廉洁自律');
        // Keeping both syncs again.
        await untilSynced(home.panel, () => conflicts.getByRole('button', { name: 'Keep both' }).click());
        await expect(conflicts).toHaveCount(0);
        await home.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(home.panel).filter({ hasText: '廉洁自律' })).toHaveCount(2);
        await expect(snippetRows(home.panel).filter({ hasText: '办公室的版本' })).toHaveCount(1);
        await expect(snippetRows(home.panel).filter({ hasText: '家里的版本' })).toHaveCount(1);
        // The office receives both versions in turn.
        await syncNow(office.panel);
        await office.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(office.panel).filter({ hasText: '家里的版本' })).toHaveCount(1);
        await expect(snippetRows(office.panel).filter({ hasText: '办公室的版本' })).toHaveCount(1);

        // A deletion at the office reaches home.
        await snippetRows(office.panel).filter({ hasText: '办公室的版本' }).getByRole('button', { name: 'Edit' }).click();
        await office.panel.getByRole('button', { name: 'Delete' }).click();
        await expect(snippetRows(office.panel).filter({ hasText: '办公室的版本' })).toHaveCount(0);
        await syncNow(office.panel);
        await syncNow(home.panel);
        await home.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(home.panel).filter({ hasText: '办公室的版本' })).toHaveCount(0);
        await expect(snippetRows(home.panel).filter({ hasText: '家里的版本' })).toHaveCount(1);
      } finally {
        await office.context.close();
        await home.context.close();
      }
    });

    test('a wrong app password is refused in plain words, and nothing is set up', async () => {
      const office = await computer();
      try {
        await connect(office.panel, { password: 'not-the-password' });
        const refused = 'The sync did not finish: the server did not accept the user name or the app password. Nothing was lost.';
        await expect(result(office.panel)).toHaveText(refused);
        // Said beside the button that was pressed, in the form.
        await expect(office.panel.getByRole('form', { name: 'Set up sync' }).getByText(refused)).toBeVisible();
        await expect(office.panel.getByRole('form', { name: 'Set up sync' })).toBeVisible();
        await expect(syncSection(office.panel).getByRole('button', { name: 'Sync now' })).toHaveCount(0);
      } finally {
        await office.context.close();
      }
    });

    test("a member subscribes to the department's team folder, gets its updates listed, and an edit of a team item becomes their own copy", async () => {
      test.setTimeout(120_000);
      // The editor of the team folder writes it as their own sync folder.
      const editor = await computer();
      const member = await computer();
      try {
        await addSnippet(editor.panel, '通知模板', '请各单位于本月底前报送。');
        await connect(editor.panel, { url: server.url('/team') });
        await expect(result(editor.panel)).toContainText('Synced:');

        await subscribe(member.panel, '办公室', MEMBER);
        await expect(result(member.panel)).toHaveText('New: “通知模板”.');
        const teams = member.panel.getByRole('list', { name: 'Team libraries' });
        await expect(teams.getByRole('listitem')).toContainText('办公室');
        await member.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(member.panel).filter({ hasText: '通知模板' })).toHaveCount(1);

        // The editor adds one; the member's update says so by name.
        await addSnippet(editor.panel, '会议通知', '定于下周一召开会议。');
        await syncNow(editor.panel);
        await member.panel.getByRole('tab', { name: 'Settings' }).click();
        await teams.getByRole('button', { name: 'Update now' }).click();
        await expect(result(member.panel)).toHaveText('New: “会议通知”.');
        await expect(teams.getByText('New: “会议通知”.')).toBeVisible();

        // The member changes a team item: it becomes their own copy, and the team's stays as it was.
        await editSnippet(member.panel, '通知模板', '我的版本。');
        await member.panel.getByRole('tab', { name: 'Settings' }).click();
        await teams.getByRole('button', { name: 'Update now' }).click();
        await expect(result(member.panel)).toBeVisible();
        await member.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(member.panel).filter({ hasText: '我的版本' })).toHaveCount(1);
        await expect(snippetRows(member.panel).filter({ hasText: '请各单位于本月底前报送' })).toHaveCount(1);
        await syncNow(editor.panel);
        await editor.panel.getByRole('tab', { name: 'Snippets' }).click();
        await expect(snippetRows(editor.panel).filter({ hasText: '我的版本' })).toHaveCount(0);
        await expect(snippetRows(editor.panel).filter({ hasText: '请各单位于本月底前报送' })).toHaveCount(1);
      } finally {
        await editor.context.close();
        await member.context.close();
      }
    });

    test('an editor publishes a snippet and a template to the team from the panel; the member sees them marked as the team’s and cannot publish', async () => {
      test.setTimeout(120_000);
      const editor = await computer();
      const member = await computer();
      try {
        await subscribe(editor.panel, '综合科', USER);
        await expect(result(editor.panel)).toBeVisible();
        await addSnippet(editor.panel, '报送要求', '请于每月5日前报送上月数据。');
        await snippetRows(editor.panel).filter({ hasText: '报送要求' }).getByRole('button', { name: 'Edit' }).click();
        await editor.panel.getByRole('button', { name: 'Publish to “综合科”' }).click();
        await expect(result(editor.panel)).toHaveText('Published to “综合科”: members get it at their next update. Your own copy stays here.');
        await editor.panel.getByRole('button', { name: 'Cancel' }).click();
        // The editor's own snippet stays unmarked beside the team's.
        const rows = snippetRows(editor.panel).filter({ hasText: '报送要求' });
        await expect(rows).toHaveCount(2);
        await expect(rows.filter({ hasText: 'Team · 综合科' })).toHaveCount(1);

        const template = {
          id: 'tpl-monthly',
          title: '月度工作报告',
          kind: 'custom',
          description: '每月初报送',
          language: 'zh',
          sections: [{ heading: '一、本月工作', level: 1, body: '' }],
          createdAt: 1764547200000,
          updatedAt: 1764547200000,
        };
        await replaceTables(editor.panel, { templates: [template] });
        await editor.panel.getByRole('tab', { name: 'Templates' }).click();
        await editor.panel.getByRole('button', { name: '月度工作报告' }).first().click();
        await editor.panel.getByRole('button', { name: 'Publish to “综合科”' }).click();
        await expect(result(editor.panel)).toHaveText(/^Published to “综合科”/);

        await subscribe(member.panel, '综合科', MEMBER);
        await expect(result(member.panel)).toHaveText(/^New: .*“报送要求”/);
        await member.panel.getByRole('tab', { name: 'Snippets' }).click();
        const teamRow = snippetRows(member.panel).filter({ hasText: '报送要求' });
        await expect(teamRow).toContainText('Team · 综合科');
        await teamRow.getByRole('button', { name: 'Edit' }).click();
        await expect(member.panel.getByRole('note').filter({ hasText: 'From the team library “综合科”' })).toBeVisible();
        await member.panel.getByRole('button', { name: 'Cancel' }).click();
        await member.panel.getByRole('tab', { name: 'Templates' }).click();
        await expect(member.panel.getByRole('list', { name: 'From team “综合科”' }).getByRole('button')).toHaveText(['月度工作报告']);

        // The server lets the member read the team folder, not write it: publishing is refused and nothing changes there.
        const before = server.files('/team');
        await addSnippet(member.panel, '我的说明', '个人用语。');
        await snippetRows(member.panel).filter({ hasText: '我的说明' }).getByRole('button', { name: 'Edit' }).click();
        await member.panel.getByRole('button', { name: 'Publish to “综合科”' }).click();
        await expect(result(member.panel)).toHaveText('Not published to “综合科”: this user may read the folder but not write to it.');
        expect(server.files('/team')).toEqual(before);
        await member.panel.getByRole('tab', { name: 'Settings' }).click();
        await expect(member.panel.getByRole('list', { name: 'Team libraries' }).getByRole('listitem')).toContainText('read only');
      } finally {
        await editor.context.close();
        await member.context.close();
      }
    });
  });
}

test.describe('a server that fails in the middle', () => {
  // A server of their own: these tests stop it and fill it up.
  let faulty: DavTestServer;
  test.beforeAll(async () => {
    faulty = await davServer({ users: [{ ...USER, rights: { '/': ['all'] } }], folders: ['/reports'] });
    extensionCopy = extensionGrantingLoopback();
  });
  test.afterAll(async () => {
    await faulty?.close();
    if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
  });

  const library = (count: number) =>
    JSON.stringify({
      format: 'report-drafting-assistant/backup',
      version: 2,
      exportedAt: '2026-12-01T08:00:00.000Z',
      snippets: Array.from({ length: count }, (_, i) => ({
        id: `fault-${i}`,
        title: `第${i + 1}条 工作要求`,
        body: `各单位要按时报送第${i + 1}项材料。`,
        tags: ['报送'],
        createdAt: 1764547200000 + i,
        updatedAt: 1764547200000 + i,
        useCount: 0,
      })),
      templates: [],
      placeholderRules: [],
      settings: [],
    });

  async function importLibrary(panel: Page, count: number) {
    await panel.getByRole('tab', { name: 'Snippets' }).click();
    await panel.getByText('Backup, storage and abbreviations').click();
    await panel.getByLabel('Import backup…').setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(library(count)) });
    await panel.getByRole('group', { name: 'Import preview' }).getByRole('button', { name: 'Import' }).click();
    await expect(panel.getByRole('status', { name: 'Snippets found' })).toHaveText(`${count} of ${count}`);
  }

  const lastSync = (panel: Page) => syncSection(panel).getByRole('status', { name: 'Last sync' });
  /** The last sync's failure, said under the last good one until a sync completes. */
  const lastFailure = (panel: Page) => syncSection(panel).getByRole('alert');

  test('stopped in the middle of a first sync: the panel says so, nothing is lost, and the next sync sends everything', async () => {
    test.setTimeout(120_000);
    const office = await computer();
    const home = await computer();
    try {
      await importLibrary(office.panel, 300);
      // 300 snippets fill some 200 of the folder's 256 buckets: the server goes after 40 of them.
      faulty.stopAfter(40);
      await untilSynced(office.panel, () => connect(office.panel, { url: faulty.url('/reports') }));
      await expect(result(office.panel)).toHaveText('The sync did not finish: the server could not be reached. Check the address and the network. Nothing was lost.');
      expect(faulty.files('/reports').length).toBeGreaterThan(0);
      expect(faulty.files('/reports')).not.toContain('index.json');
      await expect(lastSync(office.panel)).toHaveText('Not synced yet.');
      await expect(lastFailure(office.panel)).toContainText('did not finish: the server could not be reached');
      await office.panel.getByRole('tab', { name: 'Snippets' }).click();
      await expect(office.panel.getByRole('status', { name: 'Snippets found' })).toHaveText('300 of 300');

      await faulty.start();
      await office.panel.getByRole('tab', { name: 'Settings' }).click();
      await untilSynced(office.panel, () => syncSection(office.panel).getByRole('button', { name: 'Sync now' }).click());
      await expect(result(office.panel)).toHaveText('Synced: 0 received, 300 sent.');
      await expect(lastSync(office.panel)).toContainText('Last synced');
      await expect(lastFailure(office.panel)).toHaveCount(0);

      await untilSynced(home.panel, () => connect(home.panel, { url: faulty.url('/reports') }));
      await expect(result(home.panel)).toHaveText('Synced: 300 received, 0 sent.');
    } finally {
      await office.context.close();
      await home.context.close();
    }
  });

  test('a full server (507): the change waits here, the panel says the server is full, and it goes once there is room', async () => {
    test.setTimeout(120_000);
    const office = await computer();
    try {
      faulty.mkdir('/full');
      await connect(office.panel, { url: faulty.url('/full') });
      await expect(result(office.panel)).toContainText('Synced:');

      faulty.quotaBytes = 0;
      await addSnippet(office.panel, '经费保障', '所需经费列入部门预算。');
      await office.panel.getByRole('tab', { name: 'Settings' }).click();
      await untilSynced(office.panel, () => syncSection(office.panel).getByRole('button', { name: 'Sync now' }).click());
      await expect(result(office.panel)).toHaveText('The sync did not finish: the server is full, or your space on it is. Nothing was lost.');
      await expect(lastFailure(office.panel)).toContainText('the server is full');
      await expect(lastSync(office.panel)).toContainText('Last synced');
      await office.panel.getByRole('tab', { name: 'Snippets' }).click();
      await expect(snippetRows(office.panel).filter({ hasText: '经费保障' })).toHaveCount(1);

      faulty.quotaBytes = Infinity;
      await office.panel.getByRole('tab', { name: 'Settings' }).click();
      await untilSynced(office.panel, () => syncSection(office.panel).getByRole('button', { name: 'Sync now' }).click());
      await expect(result(office.panel)).toHaveText('Synced: 0 received, 1 sent.');
      expect(faulty.files('/full').map((file) => faulty.read(`/full/${file}`)).join('')).toContain('所需经费列入部门预算。');
    } finally {
      await office.context.close();
    }
  });
});
