import { useMemo } from 'react';
import type { EditorAnswers, TargetRequest } from '@/utils/messaging';
import { checkNumbering, parseOutline, type NumberingIssue } from '@/utils/report/outline';
import type { DocumentState } from './useTargetDocument';
import type { PanelFailure } from './useTabEditors';

type Send = <T extends keyof EditorAnswers>(request: TargetRequest<T>) => Promise<EditorAnswers[T] | PanelFailure>;

interface Props {
  state: DocumentState;
  send: Send;
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

const ISSUE_TEXT: Record<NumberingIssue['kind'], (issue: NumberingIssue) => string> = {
  gap: (i) => `Numbering skips: expected ${i.expected}, found ${i.found}`,
  repeat: (i) => `Number repeated: expected ${i.expected}, found ${i.found}`,
  orphan: (i) => `${i.found} stands under no heading of the level above`,
  mixed: (i) => `${i.found} mixes numbering styles at one level`,
};

/** The heading tree of the target editor's document, numbering mistakes flagged. */
export function OutlineTab({ state, send, onStatus }: Props) {
  const text = state.status === 'watching' ? state.text : '';
  const { items, issues } = useMemo(() => {
    const items = parseOutline(text);
    return { items, issues: checkNumbering(items) };
  }, [text]);

  if (state.status !== 'watching') {
    return <p className="empty">Click into the editor you are writing in: its outline will show here.</p>;
  }
  if (items.length === 0) {
    return <p className="empty">No headings yet. Number sections 一、（一）1.（1）or use # headings, and they appear here.</p>;
  }

  const issuesAt = new Map<number, NumberingIssue[]>();
  for (const issue of issues) issuesAt.set(issue.itemIndex, [...(issuesAt.get(issue.itemIndex) ?? []), issue]);

  const select = async (start: number, end: number) => {
    const result = await send<'select'>({ type: 'select', start, end });
    if (!result.ok) onStatus(result.message || 'Could not select the heading in the editor.', 'error');
  };

  return (
    <div className="outline">
      <p className={issues.length ? 'outline-summary warn' : 'outline-summary'}>
        {items.length} headings{issues.length ? ` · ${issues.length} numbering problem${issues.length > 1 ? 's' : ''}` : ' · numbering in order'}
      </p>
      <ul className="outline-list" aria-label="Outline">
        {items.map((item, index) => {
          const problems = issuesAt.get(index) ?? [];
          return (
            <li key={`${item.start}`} style={{ paddingInlineStart: `${(item.level - 1) * 14}px` }}>
              <button type="button" className={`heading ${item.kind}`} onClick={() => void select(item.start, item.end)}>
                {item.numbering && <span className="numbering">{item.numbering}</span>}
                <span className="title">{item.title || '(untitled)'}</span>
              </button>
              {problems.map((p) => (
                <p key={p.kind} className="outline-issue" role="note">
                  {ISSUE_TEXT[p.kind](p)}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
