import { CheckRulesSettings } from './CheckRulesSettings';
import { CleanupRulesSettings } from './CleanupRulesSettings';
import { HighlightColourSettings } from './HighlightColourSettings';
import { PlaceholderRulesSettings } from './PlaceholderRulesSettings';
import { SiteSettings } from '../sites/SiteSettings';
import { SnippetBackup } from '../snippets/SnippetBackup';
import { SyncSettings } from '../sync/SyncSettings';
import './settings.css';

/** The user's rules, highlight colours, backups and sync, in one place. */
export function SettingsTab() {
  return (
    <div className="settings">
      <PlaceholderRulesSettings />
      <CleanupRulesSettings />
      <CheckRulesSettings />
      <HighlightColourSettings />
      <SiteSettings />
      {/* The same backup as in the Snippets tab; nothing is ticked here, so it exports everything. */}
      <SnippetBackup selectedIds={[]} />
      <SyncSettings />
    </div>
  );
}
