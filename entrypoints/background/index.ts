import { setUpAbbreviationLookup } from './abbreviation-lookup';
import { setUpCommands } from './commands';
import { setUpPanelButton } from './panel-button';
import { setUpQuickInsertSearch } from './quick-insert-search';
import { setUpSiteGate } from './site-gate';
import { setUpSnippetCapture } from './snippet-capture';

/** Only wiring: each part of the background is a module beside this one. */
export default defineBackground(() => {
  setUpPanelButton();
  setUpCommands(setUpQuickInsertSearch());
  setUpSnippetCapture();
  setUpAbbreviationLookup();
  setUpSiteGate();
});
