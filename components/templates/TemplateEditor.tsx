import { useState } from 'react';
import { database } from '@/utils/db/database';
import type { Template, TemplateSection } from '@/utils/db/schema';
import { useDraft } from '../common/useDraft';
import type { ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';
import { FieldSummary } from '../snippets/FieldSummary';

interface Props {
  template: Template;
  onDone(): void;
  status: ActionStatusHandle;
}

/** The key of the draft of an edit of template `id`; the view clears it when the edit ends. */
export const templateFormDraft = (id: string) => `template-form:${id}`;

/** Rename a template of one's own and edit its top-level sections; saved in one write. */
export function TemplateEditor({ template, onDone, status }: Props) {
  const onStatus = status.report;
  const [form, setForm] = useDraft(templateFormDraft(template.id), {
    title: template.title,
    description: template.description,
    sections: template.sections,
  });
  const { title, description, sections } = form;
  const setTitle = (value: string) => setForm((old) => ({ ...old, title: value }));
  const setDescription = (value: string) => setForm((old) => ({ ...old, description: value }));
  const setSections = (value: TemplateSection[]) => setForm((old) => ({ ...old, sections: value }));
  const [error, setError] = useState('');

  const change = (index: number, patch: Partial<TemplateSection>) =>
    setSections(sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const save = async () => {
    if (!title.trim()) {
      setError(i18n.t('tplTitleMissing'));
      return;
    }
    try {
      await database().templates.put({ ...template, title: title.trim(), description, sections, updatedAt: Date.now() });
      onStatus(i18n.t('tplSaved', [title.trim()]), 'ok');
      onDone();
    } catch (failure) {
      onStatus(i18n.t('tplSaveFailed', [String(failure)]), 'error');
    }
  };

  return (
    <form
      className="template-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{i18n.t('tplTitle')}</span>
        <input value={title} aria-invalid={error ? true : undefined} onChange={(event) => setTitle(event.target.value)} />
      </label>
      {error && (
        <p className="fill-error" role="alert">
          {error}
        </p>
      )}
      <label>
        <span>{i18n.t('tplDescription')}</span>
        <textarea rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <ol className="template-edit-sections">
        {sections.map((section, index) => (
          <li key={index}>
            <label>
              <span>{i18n.t('tplHeading')}</span>
              <input value={section.heading} onChange={(event) => change(index, { heading: event.target.value })} />
            </label>
            <label>
              <span>{i18n.t('tplBody')}</span>
              <textarea rows={4} value={section.body} onChange={(event) => change(index, { body: event.target.value })} />
            </label>
            <FieldSummary body={section.body} label={i18n.t('tplFieldChipsLabel')} />
            <label>
              <span>{i18n.t('tplGuidance')}</span>
              <input value={section.guidance ?? ''} onChange={(event) => change(index, { guidance: event.target.value || undefined })} />
            </label>
            <button type="button" className="quiet" onClick={() => setSections(sections.filter((_, i) => i !== index))}>
              {i18n.t('tplRemoveSection')}
            </button>
          </li>
        ))}
      </ol>
      <div className="template-editor-actions">
        <button type="submit">{i18n.t('tplSave')}</button>
        <button type="button" className="quiet" onClick={onDone}>
          {i18n.t('tplCancel')}
        </button>
      </div>
    </form>
  );
}
