import { useState, type ReactNode } from 'react';
import { EditorList, ForeignInsertQuestion, familyName } from './EditorList';
import type { PendingInsert, TabEditor } from './useTabEditors';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';

interface Props {
  editors: TabEditor[];
  optedOut: TabEditor[];
  target: TabEditor | null;
  /** The panel works on a pop-up window the page opened. */
  inPopup?: boolean;
  /** The target's length now, from the text the panel watches; the scan's figure is older. */
  liveChars: number | null;
  scanning: boolean;
  onPick(key: string): void;
  onRefresh(): void;
  pending: PendingInsert | null;
  /** That the extension is off on this site: said alone, in place of the editors it does not look for. */
  siteOff?: ReactNode;
}

/**
 * The editor the panel writes into, as one line at the top: its kind, its name and its length.
 * The editors of the page are listed on demand, to switch; and while there is no target, since
 * the user needs to see where they can write.
 */
export function TargetBar({ editors, optedOut, target, inPopup, liveChars, scanning, onPick, onRefresh, pending, siteOff }: Props) {
  // Open for one target: a pick closes the list, as the line above now says it.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = target !== null && openFor === target.key;
  const setOpen = (value: boolean) => setOpenFor(value && target ? target.key : null);
  const listShown = open || !target;
  const chars = target ? (liveChars ?? target.chars) : 0;
  const others = editors.length + optedOut.length - (target ? 1 : 0);
  if (siteOff) {
    return (
      <section className="target-bar" aria-label={i18n.t('editorsHeading')}>
        {siteOff}
      </section>
    );
  }
  return (
    <section className="target-bar" aria-label={i18n.t('editorsHeading')}>
      {target ? (
        // The line is the switch: what it says is where the panel writes; pressed, the choices.
        <button
          type="button"
          className="target-line"
          data-editor-key={target.key}
          aria-expanded={open}
          aria-controls="target-editors"
          title={others > 0 ? i18n.t('switchEditorCount', [String(others)]) : i18n.t('switchEditor')}
          onClick={() => setOpen(!open)}
        >
          <span className="target-badge">{i18n.t('targetBadge')}</span>
          <span className="target-kind">{familyName(target.family)}</span>
          <span className="target-label">{target.label ? `“${target.label}”` : i18n.t('unnamedEditor')}</span>
          {inPopup && <span className="target-frame">{i18n.t('inPopupWindow')}</span>}
          {target.frameId !== 0 && (
            <span className="target-frame">{target.foreignOrigin ? i18n.t('inFrameFrom', [target.foreignOrigin]) : i18n.t('inAFrame')}</span>
          )}
          <span className="target-size">{countText('targetChars', chars, [chars.toLocaleString()])}</span>
          <span className="target-chevron" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
      ) : (
        <p className="target-none">{scanning ? i18n.t('lookingForEditors') : editors.length ? i18n.t('pickAnEditor') : i18n.t('noReportEditor')}</p>
      )}
      {listShown && (
        <div id="target-editors" className="target-editors">
          <EditorList editors={editors} optedOut={optedOut} target={target} onPick={onPick} liveChars={liveChars} />
          <button type="button" className="quiet" onClick={onRefresh}>
            {i18n.t('refresh')}
          </button>
        </div>
      )}
      {/* Asked whatever the list's state: the insertion waits for it. */}
      {pending && <ForeignInsertQuestion pending={pending} />}
    </section>
  );
}
