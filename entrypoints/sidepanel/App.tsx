import { useEffect, useState } from 'react';
import { lazyTab } from '@/components/common/lazy-tab';
import { Announcer, useClearStatus, useClearWhenChanged } from '@/components/common/action-status';
import { ChecklistTab } from '@/components/checklist/ChecklistTab';
import { editorName } from '@/components/target/EditorList';
import { TargetBar } from '@/components/target/TargetBar';
import { SiteOffNotice } from '@/components/sites/SiteOffNotice';
import { useSyncSchedule } from '@/components/sync/useSyncSchedule';
import { Tabs } from '@/components/common/Tabs';
import { Welcome } from '@/components/common/Welcome';
import { useBoundTab } from '@/components/target/useBoundTab';
import { useSiteState } from '@/components/sites/useSiteState';
import { useTargetDocument } from '@/components/target/useTargetDocument';
import { failureText } from '@/components/target/failure-text';
import { copyToClipboard } from '@/components/target/clipboard';
import { useTabEditors, type InsertOutcome } from '@/components/target/useTabEditors';
import { i18n } from '#i18n';
import { connector } from '@/protocol/connector';
import type { BackgroundToPanel, InsertPayload } from '@/protocol/messages';
import { nextPlaceholder } from '@/utils/report/checklist';
import { prepareOutlineReader } from '@/utils/workers/outline-client';
import { findPlaceholders } from '@/utils/report/placeholders';

type TabId = 'checklist' | 'templates' | 'snippets' | 'outline' | 'settings';

// The checklist is what the panel opens on; the other tabs load on their first click, or a
// moment after the panel has opened when it is idle, so that its first script is the checklist's
// (the outline's as soon as there is an editor to read: see below).
const templatesTab = lazyTab(() => import('@/components/templates/TemplatesTab').then((m) => m.TemplatesTab));
const snippetsTab = lazyTab(() => import('@/components/snippets/SnippetsTab').then((m) => m.SnippetsTab));
const outlineTab = lazyTab(() => import('@/components/outline/OutlineTab').then((m) => m.OutlineTab));
const settingsTab = lazyTab(() => import('@/components/settings/SettingsTab').then((m) => m.SettingsTab));
const { Component: TemplatesTab } = templatesTab;
const { Component: SnippetsTab } = snippetsTab;
const { Component: OutlineTab } = outlineTab;
const { Component: SettingsTab } = settingsTab;

/** How long after opening the panel waits before loading the other tabs, so as not to slow its first list. */
const PRELOAD_AFTER_MS = 1500;

/** Loads the other tabs one at a time, each when the panel is idle: together they would hold it up. */
function usePreloadedTabs() {
  useEffect(() => {
    const waiting = [templatesTab, snippetsTab, outlineTab, settingsTab];
    let idle = 0;
    let stopped = false;
    const next = () => {
      const tab = waiting.shift();
      if (!tab || stopped) return;
      idle = requestIdleCallback(() => void tab.preload().then(next, next));
    };
    const timer = setTimeout(next, PRELOAD_AFTER_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, []);
}

export function App() {
  const { tabId, popup } = useBoundTab();
  const { editors, optedOut, target, pick, scan, scanning, insert: insertIntoTarget, send, pending } = useTabEditors(tabId);
  const document = useTargetDocument(tabId, target);
  const site = useSiteState(tabId, scan);
  const siteOff = site.matching.length > 0;
  const [activeTab, setActiveTab] = useState<TabId>('checklist');
  const clearStatus = useClearStatus();
  // Once a sync folder is set up: a sync when the panel opens, and every ten minutes.
  useSyncSchedule();
  usePreloadedTabs();
  // A message is about the moment it was said in: another tab or another editor ends it. An
  // editor lost is not one: the message says why it was lost.
  const targetKey = target?.key ?? null;
  useEffect(clearStatus, [activeTab, clearStatus]);
  useEffect(() => {
    if (targetKey !== null) clearStatus();
  }, [targetKey, clearStatus]);
  useClearWhenChanged(document.state.status === 'watching' ? document.state.text : null);
  // With an editor to read, the outline's code and its worker get ready while the text comes.
  const reading = target !== null;
  useEffect(() => {
    if (!reading) return;
    prepareOutlineReader();
    void outlineTab.preload();
  }, [reading]);

  // Next / previous placeholder, from the keyboard commands, relative to the caret. The text is
  // read afresh: the writer may have typed a moment ago, before the live list caught up.
  useEffect(() => {
    const step = async (message: BackgroundToPanel) => {
      const [fresh, caret] = [await send<'read-text'>({ type: 'read-text' }), await send<'read-selection'>({ type: 'read-selection' })];
      if (!fresh.ok) return;
      const from = caret.ok ? caret.selection : null;
      // The live list when it is of this very text; else the built-in rules only, here on the
      // panel's thread (the user's own rules run in the worker, where they cannot freeze it).
      const live = document.state.status === 'watching' && document.state.text === fresh.text ? document.state.placeholders : null;
      const next = nextPlaceholder(live ?? findPlaceholders(fresh.text), from, message.direction);
      if (next) await send<'select'>({ type: 'select', start: next.start, end: next.end });
    };
    return connector().onBackgroundEvent((message) => {
      if (message.tabId === tabId) void step(message);
    });
  }, [tabId, document.state, send]);

  const insert = async (content: InsertPayload): Promise<InsertOutcome> => {
    const result = await insertIntoTarget(content);
    if (result.ok) return { ok: true, message: i18n.t('insertedInto', [editorName({ ...target!, ...result.editor })]) };
    // An editor that will not take the text (a canvas, a closed shadow root, a field that
    // undoes every change): the text waits on the clipboard for the user's own paste.
    if (result.reason === 'refused' && (await copyToClipboard(content))) return { ok: false, message: i18n.t('editorRefusedOnClipboard') };
    const example = editors[0];
    return {
      ok: false,
      message: result.reason === 'no-target' && example ? i18n.t('clickEditorFirst', [editorName(example)]) : failureText(result),
    };
  };

  return (
    <main className="panel">
      <Welcome />
      <TargetBar
        editors={editors}
        optedOut={optedOut}
        target={target}
        inPopup={popup}
        liveChars={document.state.status === 'watching' ? document.state.text.length : null}
        scanning={scanning}
        onPick={pick}
        onRefresh={() => void scan()}
        pending={pending}
        siteOff={siteOff ? <SiteOffNotice matching={site.matching} onTurnOn={() => void site.turnOnHere()} /> : undefined}
      />
      <Tabs<TabId>
        active={activeTab}
        onChange={setActiveTab}
        tabs={[
          {
            id: 'checklist',
            label: i18n.t('tabChecklist'),
            // Off on this site: the notice above says so, and no tab asks to click into an editor.
            content: siteOff ? null : (
              <ChecklistTab
                editorKey={target?.key ?? null}
                editorFamily={target?.family ?? null}
                state={document.state}
                send={send}
                highlight={document.highlight}
              />
            ),
          },
          {
            id: 'templates',
            label: i18n.t('tabTemplates'),
            content: <TemplatesTab send={send} onInsert={insert} targetEmpty={document.state.status === 'watching' ? !document.state.text.trim() : null} />,
          },
          {
            id: 'snippets',
            label: i18n.t('tabSnippets'),
            content: <SnippetsTab target={target} send={send} onInsert={insert} />,
          },
          {
            id: 'outline',
            label: i18n.t('tabOutline'),
            content: siteOff ? null : <OutlineTab text={document.text} send={send} />,
          },
          {
            id: 'settings',
            label: i18n.t('tabSettings'),
            content: <SettingsTab />,
          },
        ]}
      />
      <Announcer />
    </main>
  );
}
