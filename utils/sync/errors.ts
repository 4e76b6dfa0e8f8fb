/**
 * Why a sync stopped, as a code the panel turns into words. Every failure of the client, the
 * server or its data ends as one of these; none leaves the local library changed.
 */
export type SyncReason =
  /** No server has been set up. */
  | 'not-configured'
  /** The server refused the user name or app password (401). */
  | 'unauthorized'
  /** The server refused this user the folder (403). */
  | 'forbidden'
  /** A team folder this user may read but not write. */
  | 'read-only'
  /** The folder, or the folder it is in, is not on the server (404, 409). */
  | 'not-found'
  /** The server is full, or the user's quota is (507). */
  | 'insufficient-storage'
  /** No answer: the server is down, the address wrong, or the connection dropped. */
  | 'unreachable'
  /** The server did not answer in time. */
  | 'timeout'
  /** Another device kept writing the folder at the same moment, every time this one tried. */
  | 'conflict-retry-exhausted'
  /** The server gave a file that is not a sync file, or a damaged one. */
  | 'bad-data'
  /** A record here has a field other devices would refuse, so it is not sent. */
  | 'unsendable'
  /** The folder was written by a later version of the extension. */
  | 'newer-format'
  /** Any other answer of the server (5xx, an unexpected status). */
  | 'server-error'
  /** This device could not read or write its own library. */
  | 'local-error';

export class SyncError extends Error {
  constructor(
    readonly reason: SyncReason,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The reason an error stands for: a SyncError's own; anything else failed here, not on the server. */
export const reasonOf = (error: unknown): SyncReason => (error instanceof SyncError ? error.reason : 'local-error');
