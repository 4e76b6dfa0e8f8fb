import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';

/*
 * Work in progress in the panel (a half-written snippet, a template being edited, pasted
 * material, a settings form) is kept in the localStorage of the extension's own origin, so that
 * it survives switching tabs and closing the panel. localStorage, because it outlives the panel
 * page (the page's sessionStorage does not), needs no permission (`storage.session` would need
 * `storage`), is read at once so a reopened form shows its draft without a flash, and web pages
 * cannot reach it: it belongs to the extension's origin. A draft goes when it is saved or
 * discarded, and whenever it is back to where the form started.
 */
const PREFIX = 'draft:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A stored draft of the same shape as `fallback` (a draft from an older form is dropped), else `fallback`. */
export function readDraft<T>(key: string, fallback: T): T {
  const text = storage()?.getItem(PREFIX + key);
  if (text == null) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    const sameShape =
      fallback === null || (typeof value === typeof fallback && value !== null && Array.isArray(value) === Array.isArray(fallback));
    return sameShape ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, json: string): void {
  try {
    storage()?.setItem(PREFIX + key, json);
  } catch {
    // Storage full: the draft lives on in the open panel only.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/**
 * State kept as a draft under `key` (fixed for the life of the component: give the component a
 * React key to start another). Starts from the stored draft (when `resume` takes it), else
 * `initial`; `discard` goes back to `initial` and removes the draft.
 */
export function useDraft<T>(key: string, initial: T, resume?: (draft: T) => boolean): [T, (next: SetStateAction<T>) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    const draft = readDraft(key, initial);
    return !resume || resume(draft) ? draft : initial;
  });
  // Where the form started: a draft equal to it is no draft at all.
  const start = useRef<{ value: T; json: string } | null>(null);
  start.current ??= { value: initial, json: JSON.stringify(initial) };

  useEffect(() => {
    const json = JSON.stringify(value);
    if (json === start.current!.json) clearDraft(key);
    else writeJson(key, json);
  }, [key, value]);

  // Another panel (another window's) keeps the same draft: what is typed there shows here, so
  // that neither overwrites the other's work with an older copy. Setting an unchanged value
  // raises no storage event, so the two settle at once.
  useEffect(() => {
    const adopt = (event: StorageEvent) => {
      if (event.key !== PREFIX + key || event.storageArea !== storage()) return;
      setValue(event.newValue === null ? start.current!.value : readDraft(key, start.current!.value));
    };
    addEventListener('storage', adopt);
    return () => removeEventListener('storage', adopt);
  }, [key]);

  const discard = useCallback(() => {
    clearDraft(key);
    setValue(start.current!.value);
  }, [key]);

  return [value, setValue, discard];
}
