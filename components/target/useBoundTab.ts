import { useEffect, useRef, useState } from 'react';
import { connector } from '@/protocol/connector';

export interface BoundTab {
  tabId: number | null;
  /** The tab is a pop-up window that the window's tab opened. */
  popup: boolean;
}

/**
 * The tab the panel works on: `?tabId=N` pins it (automation and tests); otherwise it follows
 * the active tab of the panel's window. Office systems open the editor in a pop-up window,
 * which has no panel of its own: once the user focuses an editor in a pop-up that tab opened (or
 * a pop-up of that pop-up), the panel works on the pop-up, until an editor of the tab is
 * focused again, another tab is activated, or the pop-up closes.
 */
export function useBoundTab(): BoundTab {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const [base, setBase] = useState<number | null>(Number.isInteger(pinned) && pinned > 0 ? pinned : null);
  // The pop-up followed, with the tab it was followed from.
  const [followed, setFollowed] = useState<{ from: number; tab: number } | null>(null);
  const popup = followed && followed.from === base ? followed.tab : null;
  const popupNow = useRef<number | null>(null);
  useEffect(() => {
    popupNow.current = popup;
  }, [popup]);

  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    let windowId: number | undefined;
    void connector()
      .activeTab()
      .then((active) => {
        windowId = active.windowId;
        setBase(active.tabId);
      });
    return connector().onTabActivated((activated, activatedWindow) => {
      if (windowId !== undefined && activatedWindow !== windowId) return;
      setBase(activated);
      setFollowed(null);
    });
  }, [pinned]);

  useEffect(() => {
    if (base === null) return;
    // The agent announces a focus only when the user moved it (a trusted focus after a gesture).
    const offFocus = connector().onContentEvent((event, source) => {
      if (event.type !== 'editor-focused') return;
      if (source.tabId === base) setFollowed(null);
      else if (source.openerTabId !== undefined && (source.openerTabId === base || source.openerTabId === popupNow.current)) setFollowed({ from: base, tab: source.tabId });
    });
    const offRemoved = connector().onTabRemoved((removed) => setFollowed((current) => (current?.tab === removed ? null : current)));
    return () => {
      offFocus();
      offRemoved();
    };
  }, [base]);

  return { tabId: popup ?? base, popup: popup !== null };
}
