import { useEffect, useMemo, useState } from 'react';
import type { EditorAnswers, TargetRequest } from '@/utils/messaging';
import { contextOf, groupByKind, sameAs } from '@/utils/report/checklist';
import { isValidFill, suggestValues, type Placeholder, type PlaceholderKind } from '@/utils/report/placeholders';
import type { DocumentState } from './useTargetDocument';
import type { PanelFailure } from './useTabEditors';

export const KIND_NAMES: Record<PlaceholderKind, string> = {
  year: 'Year',
  date: 'Date',
  count: 'Count',
  percent: 'Percent',
  place: 'Place',
  name: 'Name',
  named: 'Field',
  free: 'Blank',
};

const FILL_HINTS: Partial<Record<PlaceholderKind, string>> = {
  year: 'A year takes four digits, such as 2025.',
  count: 'A count takes digits or Chinese numerals, such as 12 or 十二.',
  percent: 'A percentage takes a number, such as 35 or 35%.',
};

type Send = <T extends keyof EditorAnswers>(request: TargetRequest<T>) => Promise<EditorAnswers[T] | PanelFailure>;

interface Props {
  /** Identifies the document, so progress starts afresh in another editor. */
  editorKey: string | null;
  state: DocumentState;
  send: Send;
  highlight(spans: { start: number; end: number }[], current: number | null): void;
  /** Reports the outcome of an action to the panel's status line. */
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

/** The unfilled placeholders of the target editor, to select and fill. */
export function ChecklistTab({ editorKey, state, send, highlight, onStatus }: Props) {
  const [grouped, setGrouped] = useState(true);
  const [selectedStart, setSelectedStart] = useState<number | null>(null);
  const placeholders = useMemo(() => (state.status === 'watching' ? state.placeholders : []), [state]);
  const text = state.status === 'watching' ? state.text : '';
  const currentIndex = placeholders.findIndex((p) => p.start === selectedStart);

  // Highlights follow the list: every edit brings new spans.
  useEffect(() => {
    highlight(placeholders, currentIndex < 0 ? null : currentIndex);
  }, [placeholders, currentIndex, highlight]);

  // How many there were at most in this editor, for the progress bar.
  const [peak, setPeak] = useState({ editorKey, count: 0 });
  if (peak.editorKey !== editorKey || placeholders.length > peak.count) {
    setPeak({ editorKey, count: placeholders.length });
  }

  if (state.status === 'idle') {
    return <p className="empty">Click into the editor you are writing in: its placeholders will be listed here.</p>;
  }
  if (state.status === 'gone') {
    return <p className="empty">The editor has left the page. Click into the editor you are writing in.</p>;
  }

  const select = async (p: Placeholder) => {
    setSelectedStart(p.start);
    const result = await send<'select'>({ type: 'select', start: p.start, end: p.end, text: p.text });
    if (!result.ok) onStatus(result.message || 'Could not select it in the editor.', 'error');
  };

  const fill = async (targets: Placeholder[], value: string) => {
    const result = await send<'replace'>({
      type: 'replace',
      spans: targets.map((p) => ({ start: p.start, end: p.end, text: p.text })),
      text: value,
    });
    if (result.ok) onStatus(targets.length > 1 ? `Filled ${targets.length} placeholders.` : 'Filled.', 'ok');
    else onStatus(result.message || 'The editor did not take the value.', 'error');
  };

  const ordered = grouped ? groupByKind(placeholders).flatMap((g) => g.items) : placeholders;
  const count = placeholders.length;

  return (
    <div className="checklist">
      <div className="checklist-head">
        <p className="count" role="status" aria-label="Unfilled placeholders">
          {count} unfilled
        </p>
        <progress max={Math.max(peak.count, 1)} value={peak.count - count} aria-label="Filled so far" />
        <div className="order" role="radiogroup" aria-label="Order">
          <label>
            <input type="radio" name="order" checked={grouped} onChange={() => setGrouped(true)} /> By kind
          </label>
          <label>
            <input type="radio" name="order" checked={!grouped} onChange={() => setGrouped(false)} /> In document order
          </label>
        </div>
      </div>
      {count === 0 ? (
        <p className="ready">No placeholder left: the document is ready to submit.</p>
      ) : (
        <ul className="placeholders" aria-label="Placeholders">
          {ordered.map((p, i) => (
            <PlaceholderItem
              key={`${p.start}:${p.text}`}
              placeholder={p}
              groupStart={grouped && (i === 0 || ordered[i - 1].kind !== p.kind)}
              context={contextOf(text, p)}
              same={sameAs(placeholders, p)}
              isCurrent={p.start === selectedStart}
              onSelect={select}
              onFill={fill}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface ItemProps {
  placeholder: Placeholder;
  groupStart: boolean;
  context: { before: string; after: string };
  same: Placeholder[];
  isCurrent: boolean;
  onSelect(p: Placeholder): void;
  onFill(targets: Placeholder[], value: string): Promise<void>;
}

function PlaceholderItem({ placeholder: p, groupStart, context, same, isCurrent, onSelect, onFill }: ItemProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const suggestions = suggestValues(p, new Date());

  const submit = async (targets: Placeholder[]) => {
    if (!isValidFill(p, value)) {
      setError(FILL_HINTS[p.kind] ?? 'Type a value first.');
      return;
    }
    setError('');
    await onFill(targets, value.trim());
  };

  return (
    <li className={isCurrent ? 'placeholder current' : 'placeholder'} data-group-start={groupStart || undefined}>
      {groupStart && <span className="group-name">{KIND_NAMES[p.kind]}</span>}
      <div className="placeholder-line">
        <span className="kind">{KIND_NAMES[p.kind]}</span>
        <span className="context">
          {context.before}
          <mark>{p.text}</mark>
          {context.after}
        </span>
        <button type="button" onClick={() => onSelect(p)}>
          Select
        </button>
      </div>
      <form
        className="fill"
        onSubmit={(event) => {
          event.preventDefault();
          void submit([p]);
        }}
      >
        <input
          aria-label="Value"
          value={value}
          placeholder={suggestions[0] ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {suggestions.map((suggestion) => (
          <button key={suggestion} type="button" className="suggestion" title={`Use ${suggestion}`} onClick={() => setValue(suggestion)}>
            {suggestion}
          </button>
        ))}
        <button type="submit">Fill</button>
        {same.length > 1 && (
          <button type="button" onClick={() => void submit(same)}>
            Fill all {same.length} the same
          </button>
        )}
      </form>
      {error && (
        <p className="fill-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
