/** Extensions the file button offers for other tools' libraries (kept apart so that the panel loads no importer to show the button). */
export const LIBRARY_FILE_TYPES = ['.csv', '.textexpander', '.yml', '.yaml'];
