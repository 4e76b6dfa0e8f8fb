import { useEffect, useState } from 'react';
import { connector } from '@/protocol/connector';

/**
 * The tab the panel works on: `?tabId=N` pins it (automation and tests); otherwise it follows
 * the active tab of the panel's window.
 */
export function useBoundTab(): number | null {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(pinned) && pinned > 0 ? pinned : null);

  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    let windowId: number | undefined;
    void connector()
      .activeTab()
      .then((active) => {
        windowId = active.windowId;
        setTabId(active.tabId);
      });
    return connector().onTabActivated((activated, activatedWindow) => {
      if (windowId === undefined || activatedWindow === windowId) setTabId(activated);
    });
  }, [pinned]);

  return tabId;
}
