import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { checkNumbering, parseOutlineHead, renumber, type NumberingIssue } from '@/utils/report/outline';
import { startOutlineReader, type DocumentOutline } from '@/utils/workers/outline-client';
import type { LatestOnly } from '@/utils/workers/latest-only';
import { failureText } from '../target/failure-text';
import type { SendToTarget } from '../target/useTabEditors';
import { useVirtualWindow } from '../common/useVirtualWindow';
import { ActionStatus, useActionStatus } from '../common/action-status';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import { writeRenumbering } from '../templates/renumbering';
import './outline.css';

interface Props {
  /** The target editor's text as its frame sent it (not waiting for the placeholder scan); null with no editor watched. */
  text: string | null;
  send: SendToTarget;
}

const ISSUE_TEXT: Record<NumberingIssue['kind'], (issue: NumberingIssue) => string> = {
  gap: (i) => i18n.t('issueGap', [i.expected ?? '', i.found]),
  repeat: (i) => i18n.t('issueRepeat', [i.expected ?? '', i.found]),
  orphan: (i) => i18n.t('issueOrphan', [i.found]),
  mixed: (i) => i18n.t('issueMixed', [i.found]),
};

/** Fixed heights (style.css and outline.css agree): a heading's row, and each numbering problem
 * under it; a problem renumbering mends has a button, and a taller row. */
const HEADING_HEIGHT = 26;
const ISSUE_HEIGHT = 18;
const MENDABLE_ISSUE_HEIGHT = 36;

/** A gap or a repeat goes away when the heading and those after it count on from the ones before. */
const mendable = (issue: NumberingIssue) => issue.kind === 'gap' || issue.kind === 'repeat';

/** A text longer than this shows the headings of its start while the worker reads the whole. */
const HEAD_FIRST_CHARS = 50_000;
/** How much of it: a few milliseconds to read here, and more headings than a screen holds. */
const HEAD_CHARS = 10_000;

/** An outline and the text it is of; `partial`: only the headings of the text's start so far. */
interface ReadOutline {
  text: string;
  outline: DocumentOutline;
  partial?: boolean;
}

/**
 * The outline of `text`, read in a worker: a moment behind the editor while it reads, and null
 * until the first answer. Each outline comes with the text it is of. The first time, a long
 * text's first headings are read here at once, so its first rows need not wait for the worker.
 */
function useDocumentOutline(text: string | null): ReadOutline | null {
  const [read, setRead] = useState<ReadOutline | null>(null);
  const reader = useRef<LatestOnly<string> | null>(null);
  const answered = useRef(false);
  /** The text of the first headings shown, until the worker's first answer. */
  const headOf = useRef<string | null>(null);
  useEffect(() => {
    const started = startOutlineReader((text, outline) => {
      // The answer for a text overtaken while the first headings of the newer one are shown
      // would put the old one's rows back for a moment: the newer one's answer comes next.
      if (headOf.current !== null && headOf.current !== text) return;
      answered.current = true;
      headOf.current = null;
      setRead({ text, outline });
    });
    reader.current = started;
    return () => {
      started.stop();
      reader.current = null;
    };
  }, []);
  useEffect(() => {
    if (text === null) return;
    reader.current?.give(text);
    if (answered.current) return;
    const items = text.length > HEAD_FIRST_CHARS ? parseOutlineHead(text, HEAD_CHARS) : [];
    // Numbering is judged in one pass too: the first headings' problems are already theirs.
    headOf.current = items.length ? text : null;
    setRead(items.length ? { text, outline: { items, issues: checkNumbering(items) }, partial: true } : null);
  }, [text]);
  return read;
}

const NO_ITEMS = { items: [], issues: [] };

/**
 * The heading tree of the target editor's document, numbering mistakes flagged. Virtualized:
 * only the headings in view are in the DOM, so 20,000 headings render as fast as 20.
 */
export function OutlineTab({ text: liveText, send }: Props) {
  const status = useActionStatus();
  const onStatus = status.report;
  const read = useDocumentOutline(liveText);
  // Offsets and renumbering work on the text the outline was read from.
  const text = read?.text ?? '';
  const idPrefix = useId();
  const { items, issues, issuesAt, tops } = useMemo(() => {
    const { items, issues } = read?.outline ?? NO_ITEMS;
    const issuesAt = new Map<number, NumberingIssue[]>();
    for (const issue of issues) {
      const list = issuesAt.get(issue.itemIndex);
      if (list) list.push(issue);
      else issuesAt.set(issue.itemIndex, [issue]);
    }
    const tops = new Float64Array(items.length + 1);
    const issueHeight = (issue: NumberingIssue) => (mendable(issue) ? MENDABLE_ISSUE_HEIGHT : ISSUE_HEIGHT);
    for (let i = 0; i < items.length; i++) {
      tops[i + 1] = tops[i] + HEADING_HEIGHT + (issuesAt.get(i) ?? []).reduce((sum, issue) => sum + issueHeight(issue), 0);
    }
    return { items, issues, issuesAt, tops };
  }, [read]);
  const box = useRef<HTMLDivElement>(null);
  const view = useVirtualWindow(box, tops);

  if (liveText === null) {
    return <p className="empty">{i18n.t('outlineIdle')}</p>;
  }
  if (!read) {
    return <p className="empty">{i18n.t('outlineReading')}</p>;
  }
  if (!read.outline) {
    return <p className="empty" role="alert">{i18n.t('outlineFailed')}</p>;
  }
  if (items.length === 0) {
    return <p className="empty">{i18n.t('outlineEmpty')}</p>;
  }

  const select = async (start: number, end: number) => {
    const result = await send<'select'>({ type: 'select', start, end });
    if (!result.ok) onStatus(failureText(result), 'error');
  };

  /** Renumbers from the heading at `start` on, in the text the problem was found in. */
  const renumberFrom = async (start: number) => {
    const { changes } = renumber(text, start);
    if (!changes.length) return;
    const said = await writeRenumbering(send, changes, countText('renumbered', changes.length, [String(changes.length)]));
    onStatus(said.text, said.tone);
  };

  return (
    <div className="outline">
      {read.partial ? (
        <p className="outline-summary partial">
          {i18n.t('outlineReadingRest')}
        </p>
      ) : (
        <p className={issues.length ? 'outline-summary warn' : 'outline-summary'}>
          {countText('outlineSummary', items.length, [String(items.length)])} ·{' '}
          {issues.length ? countText('outlineProblems', issues.length, [String(issues.length)]) : i18n.t('outlineInOrder')}
        </p>
      )}
      <ActionStatus of={status} />
      <div ref={box} className="outline-scroll" style={{ height: view.total + 2 }} onScroll={view.onScroll}>
      <ul className="outline-list" aria-label={i18n.t('outlineList')} style={{ height: view.total }}>
        {items.slice(view.first, view.last).map((item, k) => {
          const index = view.first + k;
          const problems = issuesAt.get(index) ?? [];
          // A heading's numbering problems are read out with it.
          const issueIds = problems.map((p) => `${idPrefix}-${index}-${p.kind}`);
          return (
            <li
              key={`${item.start}`}
              aria-level={item.level}
              aria-posinset={index + 1}
              aria-setsize={read.partial ? -1 : items.length}
              style={{ top: tops[index], height: tops[index + 1] - tops[index], paddingInlineStart: `${(item.level - 1) * 14}px` }}
            >
              <button
                type="button"
                className={`heading ${item.kind}`}
                aria-describedby={issueIds.length ? issueIds.join(' ') : undefined}
                onClick={() => void select(item.start, item.end)}
              >
                {item.numbering && <span className="numbering">{item.numbering}</span>}
                <span className="title">{item.title || i18n.t('untitled')}</span>
              </button>
              {problems.map((p, i) =>
                mendable(p) ? (
                  <div key={p.kind} className="outline-issue-line">
                    <p id={issueIds[i]} className="outline-issue" role="note">
                      {ISSUE_TEXT[p.kind](p)}
                    </p>
                    <button
                      type="button"
                      className="quiet"
                      title={i18n.t('outlineRenumberHint')}
                      aria-describedby={issueIds[i]}
                      onClick={(event) => {
                        // The button goes with the problem it mends: focus stays on its heading.
                        event.currentTarget.closest('li')?.querySelector<HTMLButtonElement>('button.heading')?.focus();
                        void renumberFrom(item.start);
                      }}
                    >
                      {i18n.t('outlineRenumber')}
                    </button>
                  </div>
                ) : (
                  <p key={p.kind} id={issueIds[i]} className="outline-issue" role="note">
                    {ISSUE_TEXT[p.kind](p)}
                  </p>
                ),
              )}
            </li>
          );
        })}
      </ul>
      </div>
    </div>
  );
}
