import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'error'; readonly message: string };

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.detail : 'Something went wrong. Reload the page and try again.';
}

/** Loads once on mount; `reload` fetches again (after a change) without blanking what is shown. */
export function useLoad<T>(load: () => Promise<T>): [Loaded<T>, () => Promise<void>] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // The loader is stable for a page's lifetime (it closes over the session's api): load once.
  const reload = useCallback(async () => {
    try {
      setLoaded({ state: 'ready', value: await load() });
    } catch (error) {
      setLoaded({ state: 'error', message: messageOf(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [loaded, reload];
}
