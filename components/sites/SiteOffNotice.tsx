import { i18n } from '#i18n';

interface Props {
  /** The patterns of the site list that name this page; none when the extension is on here. */
  matching: string[];
  onTurnOn(): void;
}

/** Says plainly that the extension does nothing on this page, and why, with the way back. */
export function SiteOffNotice({ matching, onTurnOn }: Props) {
  if (matching.length === 0) return null;
  return (
    <div className="site-off">
      <p>{i18n.t('siteOffHere', [matching.join(', ')])}</p>
      <button type="button" onClick={onTurnOn}>
        {i18n.t('siteTurnOnHere')}
      </button>
    </div>
  );
}
