import { useEffect, useState } from 'react';

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
    browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);

  return tabId;
}
