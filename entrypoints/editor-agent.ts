import { createAbbreviationExpander } from '@/utils/editors/agent/abbreviation-expander';
import { setUpCaretTracking } from '@/utils/editors/agent/caret-tracking';
import { trackComposition } from '@/utils/editors/agent/composition';
import { createKnownEditors } from '@/utils/editors/agent/known-editors';
import { setUpRequestRouter, type RequestRouter } from '@/utils/editors/agent/request-router';
import { createSiteGate } from '@/utils/editors/agent/site-gate';
import { setUpQuickInsertHost } from '@/utils/editors/agent/quick-insert-host';
import { createTabStops } from '@/utils/editors/agent/tab-stops';
import { takeOverFromBootstrap } from '@/utils/editors/agent/extension-listeners';
import { setUpWatchServer } from '@/utils/editors/agent/watch-server';

/**
 * The agent (isolated world): loaded into a frame by the bootstrap (editor-bootstrap.ts) the
 * first time the user focuses something editable there or the extension asks the frame
 * something. Its parts live in utils/editors/agent/.
 *
 * Built as an unlisted script and listed as a web-accessible resource by wxt.config.ts, rather
 * than with defineContentScript: WXT's content-script context (location watcher, a window
 * message to every page at start) would add a quarter to its size.
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
  // What came before the agent listened: the focus that woke it, then held messages and ports.
  takeOverFromBootstrap(tracking.focused);
});
