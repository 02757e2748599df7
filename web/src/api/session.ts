/**
 * The signed-in user's JWT, kept in sessionStorage: it lives as long as the tab, is not shared with other
 * tabs or sites, and is gone when the browser closes.
 */
export interface Session {
  readonly token: string;
  readonly email: string;
  /** Epoch milliseconds after which the server will refuse the token. */
  readonly expiresAt: number;
}

const STORAGE_KEY = 'aptly.session';

export function loadSession(now = Date.now()): Session | undefined {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return undefined;
    const session = JSON.parse(stored) as Partial<Session>;
    if (typeof session.token !== 'string' || typeof session.email !== 'string') return undefined;
    if (typeof session.expiresAt !== 'number' || session.expiresAt <= now) return undefined;
    return { token: session.token, email: session.email, expiresAt: session.expiresAt };
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
