import { useCallback, useEffect, useState } from 'react';
import { ChecklistTab } from '@/components/checklist/ChecklistTab';
import { EditorList, editorName } from '@/components/target/EditorList';
import { InsertBox } from '@/components/target/InsertBox';
import { OutlineTab } from '@/components/outline/OutlineTab';
import { SettingsTab } from '@/components/settings/SettingsTab';
import { SiteOffNotice } from '@/components/sites/SiteOffNotice';
import { SnippetsTab } from '@/components/snippets/SnippetsTab';
import { Tabs } from '@/components/common/Tabs';
import { TemplatesTab } from '@/components/templates/TemplatesTab';
import { Welcome } from '@/components/common/Welcome';
import { useBoundTab } from '@/components/target/useBoundTab';
import { useSiteState } from '@/components/sites/useSiteState';
import { useTargetDocument } from '@/components/target/useTargetDocument';
import { failureText } from '@/components/target/failure-text';
import { useTabEditors } from '@/components/target/useTabEditors';
import { i18n } from '#i18n';
import { connector } from '@/protocol/connector';
import type { BackgroundToPanel, InsertPayload } from '@/protocol/messages';
import { nextPlaceholder } from '@/utils/report/checklist';
import { findPlaceholders } from '@/utils/report/placeholders';

interface Status {
  tone: 'ok' | 'error';
  text: string;
}

type TabId = 'checklist' | 'templates' | 'snippets' | 'outline' | 'settings';

export function App() {
  const tabId = useBoundTab();
  const { editors, optedOut, target, pick, scan, scanning, insert: insertIntoTarget, send, pending } = useTabEditors(tabId);
  const document = useTargetDocument(tabId, target);
  const site = useSiteState(tabId, scan);
  const [status, setStatus] = useState<Status | null>(null);
  const [activeTab, setActiveTab] = useState<TabId>('checklist');
  const report = useCallback((text: string, tone: Status['tone']) => setStatus({ text, tone }), []);

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

  const insert = async (content: InsertPayload) => {
    const result = await insertIntoTarget(content);
    if (result.ok) {
      setStatus({ tone: 'ok', text: i18n.t('insertedInto', [editorName({ ...target!, ...result.editor })]) });
      return true;
    }
    const example = editors[0];
    setStatus({
      tone: 'error',
      text: result.reason === 'no-target' && example ? i18n.t('clickEditorFirst', [editorName(example)]) : failureText(result),
    });
    return false;
  };

  return (
    <main className="panel">
      <Welcome />
      <section aria-labelledby="editors-heading">
        <div className="section-head">
          <h2 id="editors-heading">{i18n.t('editorsHeading')}</h2>
          <button type="button" className="quiet" onClick={() => void scan()}>
            {i18n.t('refresh')}
          </button>
        </div>
        <SiteOffNotice matching={site.matching} onTurnOn={() => void site.turnOnHere()} />
        <EditorList editors={editors} optedOut={optedOut} target={target} scanning={scanning} onPick={pick} pending={pending} />
      </section>
      <Tabs<TabId>
        active={activeTab}
        onChange={setActiveTab}
        tabs={[
          {
            id: 'checklist',
            label: i18n.t('tabChecklist'),
            content: (
              <ChecklistTab
                editorKey={target?.key ?? null}
                state={document.state}
                send={send}
                highlight={document.highlight}
                onStatus={report}
              />
            ),
          },
          {
            id: 'templates',
            label: i18n.t('tabTemplates'),
            content: <TemplatesTab send={send} onInsert={insert} onStatus={report} />,
          },
          {
            id: 'snippets',
            label: i18n.t('tabSnippets'),
            content: <SnippetsTab target={target} send={send} onInsert={insert} onStatus={report} />,
          },
          {
            id: 'outline',
            label: i18n.t('tabOutline'),
            content: <OutlineTab state={document.state} send={send} onStatus={report} />,
          },
          {
            id: 'settings',
            label: i18n.t('tabSettings'),
            content: <SettingsTab onStatus={report} />,
          },
        ]}
      />
      <section aria-label={i18n.t('insert')}>
        <InsertBox onInsert={(text) => insert({ text })} />
        <p role="status" aria-label={i18n.t('result')} className={status ? `status ${status.tone}` : 'status'}>
          {status?.text}
        </p>
      </section>
    </main>
  );
}
