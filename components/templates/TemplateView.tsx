import { useState, type ReactNode } from 'react';
import { database } from '@/utils/db/database';
import type { Template, TemplateSection } from '@/utils/db/schema';
import { FieldInput } from '../snippets/FieldInput';
import { isBuiltInTemplate, templateFields, templateFileName, templateToJson } from '@/utils/report/templates';
import { TemplateEditor, templateFormDraft } from './TemplateEditor';
import type { TitleRule } from './useTemplateInsert';
import './templates.css';
import { clearDraft, useDraft } from '../common/useDraft';
import { ActionStatus, type ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';

interface Props {
  template: Template;
  onBack(): void;
  /** `where` names the button that asked, for its message. */
  onInsert(sections: readonly TemplateSection[], language: Template['language'], values: Record<string, string>, where: string, title?: TitleRule): Promise<boolean>;
  onRenumber(): Promise<void>;
  status: ActionStatusHandle;
  /** Whether the target editor holds no text yet; null when no editor is watched. */
  targetEmpty: boolean | null;
  /** The template's team controls (its team, or publishing it to one). */
  team?: ReactNode;
}

/** The key of the draft that says template `id` is being edited. */
export const templateEditingDraft = (id: string) => `template-editing:${id}`;

/** One template: fields to fill, its sections to insert one by one or all at once. */
export function TemplateView({ template, onBack, onInsert, onRenumber, status, targetEmpty, team }: Props) {
  const onStatus = status.report;
  // Drafts: the fields typed and an edit in progress come back after the panel is closed.
  const [values, setValues, discardValues] = useDraft<Record<string, string>>(`template-values:${template.id}`, {});
  const [editing, setEditing] = useDraft(templateEditingDraft(template.id), false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  // Into a report already begun a whole template goes without its title, unless asked.
  const [withTitle, setWithTitle] = useState(false);
  const title = template.sections.find((s) => s.level === 0 && s.heading.trim())?.heading;
  const fields = templateFields(template.sections);
  const own = !isBuiltInTemplate(template.id);

  const insert = async (sections: readonly TemplateSection[], where: string, titleRule?: TitleRule) => {
    if (busy) return;
    setBusy(true);
    try {
      await onInsert(sections, template.language, values, where, titleRule);
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([templateToJson(template)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = templateFileName(template.title);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const remove = async () => {
    try {
      await database().templates.delete(template.id);
      onStatus(i18n.t('tplDeleted', [template.title]), 'ok');
      discardValues();
      onBack();
    } catch (error) {
      onStatus(i18n.t('tplSaveFailed', [String(error)]), 'error');
    }
  };

  if (editing) {
    return (
      <TemplateEditor
        template={template}
        onDone={() => {
          clearDraft(templateFormDraft(template.id));
          setEditing(false);
        }}
        status={status}
      />
    );
  }

  const sectionList = (sections: readonly TemplateSection[], path: string) => (
    <ol className="template-sections">
      {sections.map((section, index) => (
        <li key={index} className={`template-section level-${section.level}`}>
          <div className="template-section-line">
            <span className={section.heading ? 'template-heading' : 'template-heading untitled'}>
              {section.heading || section.body.split('\n', 1)[0] || i18n.t('tplNoHeading')}
            </span>
            <button type="button" disabled={busy} onClick={() => void insert([section], `${path}${index}`)}>
              {i18n.t('tplInsertSection')}
            </button>
          </div>
          <ActionStatus of={status} where={`${path}${index}`} />
          {section.guidance && <p className="template-guidance">{section.guidance}</p>}
          {section.children?.length ? sectionList(section.children, `${path}${index}.`) : null}
        </li>
      ))}
    </ol>
  );

  return (
    <article className="template-view" aria-labelledby="template-title">
      <div className="section-head">
        <button
          type="button"
          className="quiet"
          onClick={() => {
            discardValues();
            onBack();
          }}
        >
          ‹ {i18n.t('tplBack')}
        </button>
        <span className="template-actions">
          {own && (
            <button type="button" className="quiet" onClick={() => setEditing(true)}>
              {i18n.t('tplEdit')}
            </button>
          )}
          <button type="button" className="quiet" onClick={exportJson}>
            {i18n.t('tplExport')}
          </button>
          {own &&
            (confirmDelete ? (
              // Focused, so that moving away cancels.
              <button type="button" className="danger" autoFocus onClick={() => void remove()} onBlur={() => setConfirmDelete(false)}>
                {i18n.t('tplDeleteConfirm')}
              </button>
            ) : (
              <button type="button" className="quiet" onClick={() => setConfirmDelete(true)}>
                {i18n.t('tplDelete')}
              </button>
            ))}
        </span>
      </div>
      <h3 id="template-title">{template.title}</h3>
      {template.description && <p className="template-description">{template.description}</p>}
      {team}
      {fields.length > 0 && (
        <fieldset className="template-fields">
          <legend>{i18n.t('tplFields')}</legend>
          {fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name] ?? ''}
              placeholder={field.default || undefined}
              onChange={(value) => setValues({ ...values, [field.name]: value })}
            />
          ))}
          <p className="hint">{i18n.t('tplFieldsHint')}</p>
        </fieldset>
      )}
      <div className="template-insert-all">
        <button type="button" disabled={busy} onClick={() => void insert(template.sections, 'whole', withTitle ? 'always' : 'when-empty')}>
          {i18n.t('tplInsertWhole')}
        </button>
        {title && targetEmpty === false && (
          <label className="template-with-title" title={i18n.t('tplWithTitleHint')}>
            <input type="checkbox" checked={withTitle} onChange={(event) => setWithTitle(event.target.checked)} />
            {i18n.t('tplWithTitle')}
          </label>
        )}
        <button type="button" className="quiet" title={i18n.t('tplRenumberHint')} onClick={() => void onRenumber()}>
          {i18n.t('tplRenumber')}
        </button>
      </div>
      <ActionStatus of={status} where="whole" />
      <ActionStatus of={status} where="renumber" />
      <section aria-label={i18n.t('tplSections')}>{sectionList(template.sections, '')}</section>
    </article>
  );
}
