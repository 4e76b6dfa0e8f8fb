import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { database } from '@/utils/db/database';
import type { SiteContentRequest } from '@/utils/messaging';
import { sitePatternsMatching } from '@/utils/sites/pattern';
import { setSitesOff, sitesOff } from '@/utils/sites/store';

const ASK_ADDRESS: SiteContentRequest = { type: 'page-address' };
const LIST_CHANGED: SiteContentRequest = { type: 'sites-changed' };

/**
 * Whether the extension is turned off on the site of tab `tabId`, and turning it back on. When
 * the list changes, every tab's content scripts hear of it (they keep their answer until then)
 * and the tab is scanned again.
 */
export function useSiteState(tabId: number | null, rescan: () => void) {
  const list = useLiveQuery(() => sitesOff(database()), []);
  const [address, setAddress] = useState<string | null>(null);

  // The panel has no `tabs` permission to read the tab's address: its top frame tells.
  useEffect(() => {
    if (tabId === null) return;
    const ask = () =>
      browser.tabs.sendMessage(tabId, ASK_ADDRESS, { frameId: 0 }).then(
        (answer: unknown) => setAddress(typeof answer === 'string' ? answer : null),
        () => setAddress(null),
      );
    void ask();
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void ask();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);

  const previous = useRef<string[] | undefined>(undefined);
  useEffect(() => {
    if (!list) return;
    const before = previous.current;
    previous.current = list;
    if (!before || before.join('\n') === list.join('\n')) return;
    void (async () => {
      const tabs = await browser.tabs.query({});
      await Promise.all(tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, LIST_CHANGED).catch(() => {})));
      rescan();
    })();
  }, [list, rescan]);

  const matching = useMemo(() => (list && address ? sitePatternsMatching(list, [address]) : []), [list, address]);
  const turnOnHere = useCallback(async () => {
    await setSitesOff(database(), (await sitesOff(database())).filter((pattern) => !matching.includes(pattern)));
  }, [matching]);

  return { matching, turnOnHere };
}
