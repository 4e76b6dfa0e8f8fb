import { useEffect, useMemo, useRef } from 'react';
import type { Snippet } from '@/utils/db/schema';
import { fieldsToAsk, renderSnippet, snippetLanguage, type AskedField, type IncludeProblem, type SnippetLookup } from '@/utils/snippets/fields';
import { escapeHtml } from '@/utils/report/html-text';
import { useDraft } from '../common/useDraft';
import { FieldInput, notANumber } from './FieldInput';
import { i18n } from '#i18n';

interface Props {
  snippet: Snippet;
  lookup: SnippetLookup;
  /** Puts the written snippet at the caret; `values` are what the form was given. */
  onInsert(values: Record<string, string>): void;
  onCancel(): void;
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** What the form starts with: each field's default (a date field today). */
function initialValues(fields: readonly AskedField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'date' && !f.default ? today() : f.default]));
}

export function includeProblemText(problem: IncludeProblem): string {
  return problem.code === 'cycle' ? i18n.t('fieldsCycle', [problem.chain.join(' → ')]) : i18n.t('fieldsUnknownSnippet', [problem.name]);
}

/**
 * The small form a snippet with fields asks before it goes in: one box per field name, and the
 * text as it will be written, updated as the boxes are filled.
 */
export function FieldsForm({ snippet, lookup, onInsert, onCancel }: Props) {
  const asked = useMemo(() => fieldsToAsk(`${snippet.body}`, lookup, snippet.title), [snippet, lookup]);
  const [values, setValues] = useDraft<Record<string, string>>(`snippet-fields:${snippet.id}`, initialValues(asked.fields));
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => first.current?.focus(), []);

  const badNumbers = asked.fields.filter((f) => notANumber(f, values[f.name]));
  const preview = useMemo(() => {
    const rendered = renderSnippet({ body: snippet.body }, { values, now: new Date(), language: snippetLanguage(snippet.body), lookup, name: snippet.title, clipboard: '' }, escapeHtml);
    return 'problem' in rendered ? null : rendered;
  }, [snippet, values, lookup]);
  const problem = asked.problem && includeProblemText(asked.problem);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));

  return (
    <form
      className="fields-form"
      aria-label={i18n.t('fieldsFormLabel', [snippet.title])}
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem && !badNumbers.length) onInsert(values);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="fields-title">{i18n.t('fieldsFormTitle', [snippet.title])}</p>
      {asked.fields.map((field, index) => (
        <FieldInput
          key={field.name}
          field={field}
          value={values[field.name] ?? ''}
          onChange={(value) => set(field.name, value)}
          inputRef={index === 0 ? (element) => void (first.current = element) : undefined}
        />
      ))}
      {problem ? (
        <p className="snippet-problem" role="alert">
          {problem}
        </p>
      ) : (
        preview && (
          <div className="fields-preview">
            <span className="fields-preview-label">{i18n.t('fieldsPreview')}</span>
            <p aria-label={i18n.t('fieldsPreview')}>{withStops(preview.text, preview.stops)}</p>
          </div>
        )
      )}
      <div className="fields-actions">
        <button type="submit" disabled={!!problem}>
          {i18n.t('fieldsInsert')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('snippetCancel')}
        </button>
      </div>
    </form>
  );
}

/** The text with a mark where each caret stop is, the first one stronger. */
function withStops(text: string, stops: readonly number[]) {
  const marks = [...new Set(stops)].sort((a, b) => a - b);
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const stop of marks) {
    pieces.push(text.slice(at, stop));
    pieces.push(<span key={stop} className={stop === stops[0] ? 'fields-stop first' : 'fields-stop'} aria-hidden="true" />);
    at = stop;
  }
  pieces.push(text.slice(at));
  return pieces;
}
