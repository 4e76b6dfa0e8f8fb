import { useLiveQuery } from 'dexie-react-hooks';
import { TeamControls, useTeamMarks, useTeams } from '../sync/team-items';
import type { ReactNode } from 'react';
import { database } from '@/utils/db/database';
import type { Template } from '@/utils/db/schema';
import type { InsertPayload } from '@/protocol/messages';
import { BUILT_IN_TEMPLATES, isBuiltInTemplate } from '@/utils/report/templates';
import { ChangePreview } from '../common/ChangePreview';
import { SAMPLE_IMPORT_DRAFT, SampleImport } from '../sample-import/SampleImport';
import { templateEditingDraft, TemplateView } from './TemplateView';
import type { InsertOutcome, SendToTarget } from '../target/useTabEditors';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { readDraft, useDraft } from '../common/useDraft';
import { useTemplateInsert } from './useTemplateInsert';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';

interface Props {
  send: SendToTarget;
  /** Inserts at the caret of the target editor. */
  onInsert(content: InsertPayload): Promise<InsertOutcome>;
  /** Whether the target editor holds no text yet; null when no editor is watched. */
  targetEmpty: boolean | null;
}

type View = { kind: 'list' } | { kind: 'template'; id: string } | { kind: 'import' };

/** The tab opens back in an import or an edit left unfinished; a template only looked at is not work to resume. */
const unfinished = (view: View) =>
  view.kind === 'import' ? readDraft<unknown>(SAMPLE_IMPORT_DRAFT, null) !== null : view.kind === 'template' && readDraft(templateEditingDraft(view.id), false);

/** Built-in and own templates to insert at the caret, and import of sample material. */
export function TemplatesTab({ send, onInsert, targetEmpty }: Props) {
  const status = useActionStatus();
  // A draft: closing the panel in the middle of an import or an edit comes back to it.
  const [view, setView] = useDraft<View>('templates.view', { kind: 'list' }, unfinished);
  const mine = useLiveQuery(() => database().templates.orderBy('updatedAt').reverse().toArray(), []);
  const teams = useTeams();
  const teamMarks = useTeamMarks('templates', teams);
  const { insertSections, renumberAfterCaret, renumberPreview, confirmRenumber, cancelRenumber } = useTemplateInsert(send, onInsert, status);

  const preview = renumberPreview && (
    <ChangePreview
      label={i18n.t('tplRenumberPreview')}
      summary={countText('tplRenumberAsk', renumberPreview.changes.length, [String(renumberPreview.changes.length)])}
      items={renumberPreview.changes.map((c, i) => ({ key: String(c.start), before: c.before, after: c.after, around: renumberPreview.around[i] }))}
      confirmLabel={i18n.t('tplRenumberConfirm')}
      onConfirm={() => void confirmRenumber()}
      onCancel={cancelRenumber}
    />
  );
  // Messages of no one button (a template saved or deleted) are said at the top, where the
  // user lands.
  const withPreview = (content: ReactNode) => (
    <>
      <ActionStatus of={status} />
      {preview}
      {content}
    </>
  );

  if (view.kind === 'import') {
    return withPreview(<SampleImport onSaved={(id) => setView({ kind: 'template', id })} onCancel={() => setView({ kind: 'list' })} status={status} />);
  }

  if (view.kind === 'template') {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === view.id) ?? mine?.find((t) => t.id === view.id);
    // A template deleted (here or in another panel) leaves for the list.
    if (template) {
      return withPreview(
        <TemplateView
          key={template.id}
          template={template}
          onBack={() => setView({ kind: 'list' })}
          onInsert={insertSections}
          onRenumber={renumberAfterCaret}
          status={status}
          targetEmpty={targetEmpty}
          team={!isBuiltInTemplate(template.id) && <TeamControls table="templates" id={template.id} mark={teamMarks.get(template.id)} teams={teams} />}
        />,
      );
    }
  }

  // Team templates are listed under their team's name, the user's own first.
  const own = (mine ?? []).filter((t) => !teamMarks.has(t.id));
  const group = (heading: string, templates: readonly Template[], id: string) => (
    <section aria-labelledby={id} className="template-group">
      <h3 id={id}>{heading}</h3>
      <ul className="template-list" aria-labelledby={id}>
        {templates.map((t) => (
          <li key={t.id}>
            <button type="button" className="template-open" onClick={() => setView({ kind: 'template', id: t.id })}>
              {t.title}
            </button>
            {t.description && <p className="template-description">{t.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );

  return withPreview(
    <div className="templates">
      <div className="templates-toolbar">
        <button type="button" onClick={() => setView({ kind: 'import' })}>
          {i18n.t('impOpen')}
        </button>
        <button type="button" className="quiet" title={i18n.t('tplRenumberHint')} onClick={() => void renumberAfterCaret()}>
          {i18n.t('tplRenumber')}
        </button>
      </div>
      <ActionStatus of={status} where="renumber" />
      {own.length ? group(i18n.t('tplMine'), own, 'templates-mine') : <p className="empty">{i18n.t('tplNoneYet')}</p>}
      {teams.map((team) => {
        const items = (mine ?? []).filter((t) => teamMarks.get(t.id)?.subscription === team.id);
        return items.length > 0 && group(i18n.t('tplTeam', [team.name]), items, `templates-team-${team.id}`);
      })}
      {group(i18n.t('tplBuiltInZh'), BUILT_IN_TEMPLATES.filter((t) => t.language === 'zh'), 'templates-zh')}
      {group(i18n.t('tplBuiltInEn'), BUILT_IN_TEMPLATES.filter((t) => t.language === 'en'), 'templates-en')}
    </div>,
  );
}
