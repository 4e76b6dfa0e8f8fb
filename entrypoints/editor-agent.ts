import { createAbbreviationExpander } from '@/utils/editors/agent/abbreviation-expander';
import { setUpCaretTracking } from '@/utils/editors/agent/caret-tracking';
import { createKnownEditors } from '@/utils/editors/agent/known-editors';
import { setUpRequestRouter, type RequestRouter } from '@/utils/editors/agent/request-router';
import { createSiteGate } from '@/utils/editors/agent/site-gate';
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
  // The expander writes through the router, which is set up last.
  const expander = createAbbreviationExpander(known, gate, { perform: (request) => router.perform(request) });
  const tracking = setUpCaretTracking(known, gate, expander.onKeyDown, expander.refresh);
  const watches = setUpWatchServer(known, gate);
  const router: RequestRouter = setUpRequestRouter(known, gate, tracking, watches);
});
