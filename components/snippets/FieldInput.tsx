import type { Ref } from 'react';
import type { AskedField } from '@/utils/snippets/fields';
import { i18n } from '#i18n';
import './fields.css';

/** A number as people write one in a report: digits, a sign, separators, a decimal point. */
const NUMBER = /^[-+]?[\d,，]*\.?\d+$/;

/** Whether `value` cannot be what a number field asks for. */
export const notANumber = (field: AskedField, value: string | undefined) => field.kind === 'number' && !!value?.trim() && !NUMBER.test(value.trim());

interface Props {
  field: AskedField;
  value: string;
  onChange(value: string): void;
  /** Shown in an empty box: what goes in when it is left empty. */
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>;
}

/**
 * One field of a snippet or a template, labelled with its name, in the box its kind asks for:
 * a many-line box, a list of choices, a date picker, or one line (a number checked as typed).
 */
export function FieldInput({ field, value, onChange, placeholder, inputRef }: Props) {
  const wrong = notANumber(field, value);
  return (
    <label className="fields-field">
      <span>{field.name}</span>
      {field.kind === 'paragraph' ? (
        <textarea ref={inputRef} rows={3} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      ) : field.kind === 'choice' ? (
        <select ref={inputRef} value={value || field.default} onChange={(e) => onChange(e.target.value)}>
          {field.choices.map((choice) => (
            <option key={choice}>{choice}</option>
          ))}
        </select>
      ) : (
        <input
          ref={inputRef}
          type={field.kind === 'date' ? 'date' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          aria-invalid={wrong || undefined}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {wrong && (
        <span className="fields-error" role="alert">
          {i18n.t('fieldsNotANumber')}
        </span>
      )}
    </label>
  );
}
