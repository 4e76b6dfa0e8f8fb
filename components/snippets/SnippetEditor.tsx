import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Snippet } from '@/utils/db/schema';
import { textToHtml } from '@/utils/report/html-text';
import { buildTextIndex } from '@/utils/editors/text-index';
import { sanitizeHtml } from '@/utils/sanitize';
import { checkAbbreviation, defaultTitle, formatTags, hasMarkup, parseTags, type SnippetFields } from '@/utils/snippets/record';
import { useDraft } from '../common/useDraft';
import { ActionStatus, type ActionStatusHandle } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import { FieldSummary } from './FieldSummary';

interface Props {
  /** The snippet edited, or the start of a new one (no id yet). */
  snippet: Partial<Snippet> & { body: string };
  /** Every snippet, to keep abbreviations unique. */
  library: readonly Pick<Snippet, 'id' | 'abbreviation'>[];
  /** The text came from the page's selection: the user checks it before it is saved. */
  fromPage?: boolean;
  onSave(fields: SnippetFields): Promise<void>;
  /** Puts the text as it stands at the caret, saved or not: one-off text is written here too. */
  onInsert(content: { text: string; html?: string }): Promise<void>;
  /** Where the outcome of Insert is said, beside the form's buttons. */
  status: ActionStatusHandle;
  onCancel(): void;
  onDuplicate?(): void;
  onDelete?(): void;
  /** The saved snippet's team controls, told whether the form holds unsaved changes. */
  team?(unsaved: boolean): ReactNode;
}

/** The fields as typed; `html` is the rich body once the user has edited it. */
interface FormDraft {
  title: string;
  body: string;
  rich: boolean;
  html?: string;
  tags: string;
  folder: string;
  abbreviation: string;
}

/** The key of the draft of the form for snippet `id` (a new snippet has none). */
export const snippetFormDraft = (id?: string) => `snippet-form:${id ?? 'new'}`;

const when = (time: number | undefined) => (time ? new Date(time).toLocaleString() : i18n.t('snippetNever'));

/** Title, body (plain, or rich with its formatting), tags, folder and abbreviation of one snippet. */
export function SnippetEditor({ snippet, library, fromPage, onSave, onInsert, status, onCancel, onDuplicate, onDelete, team }: Props) {
  const [saved] = useState<FormDraft>(() => ({
    title: snippet.title ?? '',
    body: snippet.body,
    rich: hasMarkup(snippet.html),
    tags: formatTags(snippet.tags ?? []),
    folder: snippet.folder ?? '',
    abbreviation: snippet.abbreviation ?? '',
  }));
  const [form, setForm] = useDraft<FormDraft>(snippetFormDraft(snippet.id), saved);
  const unsaved = form.html !== undefined || (Object.keys(saved) as (keyof FormDraft)[]).some((key) => form[key] !== saved[key]);
  const { title, body, rich, tags, folder, abbreviation } = form;
  const set = (patch: Partial<FormDraft>) => setForm((old) => ({ ...old, ...patch }));
  const [problem, setProblem] = useState('');
  const richBody = useRef<HTMLDivElement>(null);
  const titleBox = useRef<HTMLInputElement>(null);

  useEffect(() => titleBox.current?.focus(), []);

  // The rich body is the browser's own editing of the (sanitized) formatting, filled once: from
  // the draft when there is one.
  useEffect(() => {
    if (rich && richBody.current && !richBody.current.innerHTML) {
      richBody.current.innerHTML = sanitizeHtml(form.html ?? (hasMarkup(snippet.html) ? snippet.html : textToHtml(body)));
    }
  }, [rich, form.html, snippet.html, body]);

  const toggleRich = (on: boolean) => {
    // Leaving rich text keeps its words; the formatting goes.
    if (!on && richBody.current) set({ body: buildTextIndex(richBody.current).text, rich: false, html: undefined });
    else set({ rich: on });
  };

  /** The body as it stands: its text, and its formatting when kept. */
  const current = () => {
    const text = rich && richBody.current ? buildTextIndex(richBody.current).text : body;
    const html = rich && richBody.current ? sanitizeHtml(richBody.current.innerHTML) : undefined;
    return { text, html: hasMarkup(html) ? html : undefined };
  };

  const insertNow = async () => {
    const content = current();
    if (!content.text.trim()) {
      setProblem(i18n.t('snippetBodyEmpty'));
      return;
    }
    setProblem('');
    await onInsert(content);
  };

  const submit = async () => {
    const { text, html } = current();
    if (!text.trim()) {
      setProblem(i18n.t('snippetBodyEmpty'));
      return;
    }
    const code = abbreviation.trim();
    const abbreviationProblem = code ? checkAbbreviation(code, snippet.id ?? '', library) : null;
    if (abbreviationProblem) {
      setProblem(abbreviationProblem === 'taken' ? i18n.t('snippetAbbreviationTaken', [code]) : i18n.t('snippetAbbreviationInvalid'));
      return;
    }
    setProblem('');
    await onSave({
      title: title.trim() || defaultTitle(text),
      body: text,
      html,
      tags: parseTags(tags),
      folder: folder.trim() || undefined,
      abbreviation: code || undefined,
    });
  };

  return (
    <form
      className="snippet-editor"
      aria-label={snippet.id ? i18n.t('snippetEditing') : i18n.t('snippetNew')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      {fromPage && (
        <p className="hint" role="note">
          {i18n.t('snippetFromPage')}
        </p>
      )}
      <label>
        <span>{i18n.t('snippetTitle')}</span>
        <input ref={titleBox} value={title} placeholder={defaultTitle(body)} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <div className="snippet-body-field">
        <span id="snippet-body-label">{i18n.t('snippetBody')}</span>
        <label className="snippet-rich-toggle">
          <input type="checkbox" checked={rich} onChange={(e) => toggleRich(e.target.checked)} /> {i18n.t('snippetKeepFormatting')}
        </label>
        {rich ? (
          <div
            ref={richBody}
            className="snippet-rich-body"
            contentEditable
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-labelledby="snippet-body-label"
            onInput={(e) => set({ html: e.currentTarget.innerHTML })}
          />
        ) : (
          <textarea aria-labelledby="snippet-body-label" value={body} rows={6} onChange={(e) => set({ body: e.target.value })} />
        )}
        {/* The rich body's words, for its fields: tags never hold any. */}
        <FieldSummary body={rich && form.html !== undefined ? form.html.replace(/<[^>]*>/g, '') : body} />
      </div>
      <label>
        <span>{i18n.t('snippetTags')}</span>
        <input value={tags} placeholder={i18n.t('snippetTagsHint')} onChange={(e) => set({ tags: e.target.value })} />
      </label>
      <div className="snippet-editor-pair">
        <label>
          <span>{i18n.t('snippetFolder')}</span>
          <input value={folder} onChange={(e) => set({ folder: e.target.value })} />
        </label>
        <label>
          <span>{i18n.t('snippetAbbreviation')}</span>
          <input value={abbreviation} placeholder="zjbg" spellCheck={false} onChange={(e) => set({ abbreviation: e.target.value })} />
        </label>
      </div>
      {problem && (
        <p className="snippet-problem" role="alert">
          {problem}
        </p>
      )}
      {snippet.id && (
        <p className="snippet-dates">
          {countText('snippetDates', snippet.useCount ?? 0, [when(snippet.createdAt), when(snippet.updatedAt), when(snippet.lastUsedAt), String(snippet.useCount ?? 0)])}
        </p>
      )}
      {snippet.id && team?.(unsaved)}
      <div className="snippet-editor-actions">
        <button type="submit">{i18n.t('snippetSave')}</button>
        <button type="button" title={i18n.t('snippetInsertUnsavedHint')} onClick={() => void insertNow()}>
          {i18n.t('snippetInsertUnsaved')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('snippetCancel')}
        </button>
        {onDuplicate && (
          <button type="button" onClick={onDuplicate}>
            {i18n.t('snippetDuplicate')}
          </button>
        )}
        {onDelete && (
          <button type="button" className="danger" onClick={onDelete}>
            {i18n.t('snippetDelete')}
          </button>
        )}
      </div>
      <ActionStatus of={status} where="editor" />
    </form>
  );
}
