/** What the preview of another tool's library says: the tool, how many snippets, and what did not become a field. */
import type { LibraryFormat, LibraryImport, UnmappedVariable } from '@/utils/snippets/importers';
import { i18n } from '#i18n';
import { countText } from '@/utils/plural';
import './library-import.css';

export const FORMAT_NAMES: Record<LibraryFormat, string> = {
  textblaze: i18n.t('libraryFormatTextblaze'),
  'textexpander-csv': i18n.t('libraryFormatTextexpanderCsv'),
  'textexpander-group': i18n.t('libraryFormatTextexpanderGroup'),
  briskine: i18n.t('libraryFormatBriskine'),
  espanso: i18n.t('libraryFormatEspanso'),
};

function unmappedText({ title, variable, reason }: UnmappedVariable): string {
  switch (reason) {
    case 'no-counterpart':
      return i18n.t('libraryNoCounterpart', [title, variable]);
    case 'asked':
      return i18n.t('libraryAsked', [title, variable]);
    case 'plain-only':
      return i18n.t('libraryPlainOnly', [title, variable]);
    case 'abbreviation':
      return i18n.t('libraryAbbreviation', [title, variable]);
    case 'script':
      return i18n.t('libraryScript', [title, variable]);
    case 'email-field':
      return i18n.t('libraryEmailField', [title, variable]);
  }
}

export function LibraryNotes({ library }: { library: LibraryImport }) {
  return (
    <div className="library-notes">
      <p>{countText('libraryRead', library.drafts.length, [FORMAT_NAMES[library.format], String(library.drafts.length)])}</p>
      {library.unmapped.length ? (
        <>
          <p className="library-notes-heading">{i18n.t('libraryUnmappedHeading')}</p>
          <ul className="library-unmapped" aria-label={i18n.t('libraryUnmappedHeading')}>
            {library.unmapped.map((note, i) => (
              <li key={i}>{unmappedText(note)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{i18n.t('libraryUnmappedNone')}</p>
      )}
    </div>
  );
}
