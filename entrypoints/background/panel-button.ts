/** The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar. */
export function setUpPanelButton(): void {
  // Firefox opens its sidebar from `sidebar_action` and has no sidePanel API.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  // There the toolbar button toggles the sidebar; a click is the user action toggle() requires.
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.browserAction.onClicked.addListener(() => void sidebar.toggle());
}
