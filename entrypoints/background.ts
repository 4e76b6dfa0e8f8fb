/** Thin on purpose: the toolbar button opens the panel; everything else lives in the panel. */
export default defineBackground(() => {
  // Firefox opens its sidebar from `sidebar_action` and has no sidePanel API.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
