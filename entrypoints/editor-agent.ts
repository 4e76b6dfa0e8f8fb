import { createAbbreviationExpander } from '@/utils/editors/agent/abbreviation-expander';
import { setUpCaretTracking } from '@/utils/editors/agent/caret-tracking';
import { trackComposition } from '@/utils/editors/agent/composition';
import { createKnownEditors } from '@/utils/editors/agent/known-editors';
import { setUpRequestRouter, type RequestRouter } from '@/utils/editors/agent/request-router';
import { createSiteGate } from '@/utils/editors/agent/site-gate';
import { setUpQuickInsertHost } from '@/utils/editors/agent/quick-insert-host';
import { createTabStops } from '@/utils/editors/agent/tab-stops';
import { setUpWatchServer } from '@/utils/editors/agent/watch-server';

/**
 * The content script (isolated world), in every frame: editors live in iframes and about:blank
 * documents. It stays idle, a focus listener and a message listener, until an editor is focused
 * or the panel asks. Its parts live in utils/editors/agent/.
 *
 * Built as an unlisted script and declared in the manifest by wxt.config.ts, rather than with
 * defineContentScript: WXT's content-script context (location watcher, a window message to
 * every page at start) would add a quarter to its size and run on every page.
 */
export default defineUnlistedScript(() => {
  const gate = createSiteGate();
  const known = createKnownEditors();
  const composition = trackComposition();
  // The expander writes through the router, which is set up last.
  const expander = createAbbreviationExpander(known, gate, composition, { perform: (request) => router.perform(request) });
  // Tab moves between a snippet's caret stops first; otherwise it may expand an abbreviation.
  const tabStops = createTabStops();
  const onKeyDown = (event: KeyboardEvent) => tabStops.onKeyDown(event) || expander.onKeyDown(event);
  const tracking = setUpCaretTracking(known, gate, onKeyDown, expander.refresh);
  const watches = setUpWatchServer(known, gate);
  const router: RequestRouter = setUpRequestRouter(known, gate, tracking, watches, tabStops, composition);
  setUpQuickInsertHost(known, gate, router.perform);
});
