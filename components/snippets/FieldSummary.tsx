import { useMemo } from 'react';
import { parseFields, type FieldError, type FieldToken } from '@/utils/snippets/fields';
import { i18n } from '#i18n';
import './fields.css';

/** Line and column (from 1) of an offset, as a writer counts them. */
function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - (before.lastIndexOf('\n') + 1) + 1];
}

function errorText(error: FieldError): string {
  switch (error.code) {
    case 'unclosed':
      return i18n.t('fieldErrorUnclosed');
    case 'empty-name':
      return i18n.t('fieldErrorEmptyName');
    case 'unknown-kind':
      return i18n.t('fieldErrorUnknownKind', [error.detail ?? '']);
    case 'no-choices':
      return i18n.t('fieldErrorNoChoices');
    case 'bad-offset':
      return i18n.t('fieldErrorBadOffset', [error.detail ?? '']);
    case 'bad-format':
      return i18n.t('fieldErrorBadFormat', [error.detail ?? '']);
    case 'no-snippet-name':
      return i18n.t('fieldErrorNoSnippetName');
  }
}

// Written out so every locale key the chips use can be found in the code.
const KIND_NAMES = {
  paragraph: () => i18n.t('fieldKind_paragraph'),
  choice: () => i18n.t('fieldKind_choice'),
  date: () => i18n.t('fieldKind_date'),
  number: () => i18n.t('fieldKind_number'),
} as const;

function chipText(token: Exclude<FieldToken, { type: 'text' }>): string {
  switch (token.type) {
    case 'field':
      return token.kind === 'text' ? token.name : `${token.name} · ${KIND_NAMES[token.kind]()}`;
    case 'stop':
      return token.cursor ? i18n.t('fieldChipCursor') : i18n.t('fieldChipTab');
    case 'date':
      return i18n.t('fieldChipDate');
    case 'time':
      return i18n.t('fieldChipTime');
    case 'clipboard':
      return i18n.t('fieldChipClipboard');
    case 'snippet':
      return i18n.t('fieldChipSnippet', [token.name]);
  }
}

/**
 * Under the body being written: each field it holds as a chip, and each mistake in its syntax
 * with its line and column, so a snippet is never saved with a field that would go in as typed.
 */
export function FieldSummary({ body, label = i18n.t('fieldChipsLabel') }: { body: string; label?: string }) {
  const parsed = useMemo(() => (body.includes('{{') ? parseFields(body) : null), [body]);
  if (!parsed) return null;
  const chips = parsed.tokens.filter((t): t is Exclude<FieldToken, { type: 'text' }> => t.type !== 'text');
  // A field named twice is one chip: it is asked once.
  const seen = new Set<string>();
  const unique = chips.filter((t) => {
    const key = t.type === 'field' ? `field:${t.name}` : `${t.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!unique.length && !parsed.errors.length) return null;
  return (
    <div className="field-summary">
      {unique.length > 0 && (
        <ul className="field-chips" aria-label={label}>
          {unique.map((token) => (
            <li key={token.start} className={`field-chip ${token.type}`}>
              {chipText(token)}
            </li>
          ))}
        </ul>
      )}
      {parsed.errors.map((error) => {
        const [line, column] = lineAndColumn(body, error.start);
        return (
          <p key={error.start} className="snippet-problem" role="alert">
            {i18n.t('fieldErrorAt', [String(line), String(column), errorText(error)])}
          </p>
        );
      })}
    </div>
  );
}
