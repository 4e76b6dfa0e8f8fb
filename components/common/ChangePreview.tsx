import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import './change-preview.css';

/** One change a bulk action will make: what goes, what comes, and the words around it. */
export interface PreviewItem {
  key: string;
  /** What the change is to (a snippet's title, a line number). */
  label?: string;
  before?: string;
  after?: string;
  /** The words just before and just after the change, as it stands now. */
  around?: readonly [string, string];
}

interface Props {
  /** The preview's accessible name. */
  label: string;
  /** One sentence: what will happen, and how many. */
  summary: string;
  items: readonly PreviewItem[];
  /** Said before the buttons: what the preview holds besides the changes (warnings). */
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

const SHOWN = 200;
const clip = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);
/** The end of the words before a change, nearest it. */
const tail = (text: string, max: number) => [...text].slice(-max).join('');
/** The start of the words after a change. */
const head = (text: string, max: number) => [...text].slice(0, max).join('');
/** Line breaks visible, so that a change of one is seen. */
const visible = (text: string) => text.replace(/\r?\n/g, '↵');

/** What a bulk action will change, item by item, asked before anything is changed. */
export function ChangePreview({ label, summary, items, children, confirmLabel, danger, busy, onConfirm, onCancel }: Props) {
  return (
    <div
      className="change-preview"
      role="group"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p>{summary}</p>
      <ul className="change-list" aria-label={label}>
        {items.slice(0, SHOWN).map((item) => (
          <li key={item.key}>
            {item.label && <span className="change-label">{item.label}</span>}
            {item.around && <span className="change-around">…{visible(tail(item.around[0], 24))}</span>}
            {item.before !== undefined && <del>{visible(clip(item.before, 80))}</del>}
            {item.after !== undefined && <ins>{visible(clip(item.after, 80))}</ins>}
            {item.around && <span className="change-around">{visible(head(item.around[1], 24))}…</span>}
          </li>
        ))}
        {items.length > SHOWN && <li className="more">{i18n.t('impMore', [String(items.length - SHOWN)])}</li>}
      </ul>
      {children}
      <div className="change-actions">
        <button type="button" className={danger ? 'danger' : undefined} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('snippetCancel')}
        </button>
      </div>
    </div>
  );
}
