import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connector } from '@/protocol/connector';
import { database } from '@/utils/db/database';
import { sitePatternsMatching } from '@/utils/sites/pattern';
import { setSitesOff, sitesOff } from '@/utils/db/settings';

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
    const ask = () => connector().ask(tabId, 0, { type: 'page-address' }).then(setAddress);
    void ask();
    return connector().onTabLoaded((id) => {
      if (id === tabId) void ask();
    });
  }, [tabId]);

  const previous = useRef<string[] | undefined>(undefined);
  useEffect(() => {
    if (!list) return;
    const before = previous.current;
    previous.current = list;
    if (!before || before.join('\n') === list.join('\n')) return;
    void (async () => {
      await connector().tell(null, { type: 'sites-changed' });
      rescan();
    })();
  }, [list, rescan]);

  const matching = useMemo(() => (list && address ? sitePatternsMatching(list, [address]) : []), [list, address]);
  const turnOnHere = useCallback(async () => {
    await setSitesOff(database(), (await sitesOff(database())).filter((pattern) => !matching.includes(pattern)));
  }, [matching]);

  return { matching, turnOnHere };
}
