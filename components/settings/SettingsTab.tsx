import { CleanupRulesSettings } from './CleanupRulesSettings';
import { HighlightColourSettings } from './HighlightColourSettings';
import { PlaceholderRulesSettings } from './PlaceholderRulesSettings';
import { SiteSettings } from '../sites/SiteSettings';
import { SnippetBackup } from '../snippets/SnippetBackup';
import './settings.css';

interface Props {
  onStatus(text: string, tone: 'ok' | 'error'): void;
}

/** The user's rules, highlight colours and backups, in one place. */
export function SettingsTab({ onStatus }: Props) {
  return (
    <div className="settings">
      <PlaceholderRulesSettings onStatus={onStatus} />
      <CleanupRulesSettings onStatus={onStatus} />
      <HighlightColourSettings onStatus={onStatus} />
      <SiteSettings />
      {/* The same backup as in the Snippets tab; nothing is ticked here, so it exports everything. */}
      <SnippetBackup selectedIds={[]} onStatus={onStatus} />
    </div>
  );
}
