import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api/client.ts';
import { clearSession, loadSession, type Session, saveSession } from './api/session.ts';
import { Layout } from './components/layout.tsx';
import { KeysPage } from './pages/keys-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { UsagePage } from './pages/usage-page.tsx';
import { WebhookSecretPage } from './pages/webhook-secret-page.tsx';
import { currentRoute, navigate, type Route, useRoute } from './router.ts';
import { WorkspacePage } from './workspace/workspace-page.tsx';

const EXPIRED_MESSAGE = 'Your session has ended. Sign in again to continue.';

/** Signed out: the sign-in page, whatever the address. Signed in: the page in the address bar. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [notice, setNotice] = useState<string | undefined>();
  /** The page to open after signing in: the one the session ended on, or the link that was followed. */
  const [returnTo, setReturnTo] = useState<Route | undefined>();
  const route = useRoute();

  const signOut = useCallback((message: string, keepPlace: boolean) => {
    clearSession();
    setSession(undefined);
    setNotice(message);
    setReturnTo(keepPlace ? currentRoute() : undefined);
    navigate('/sign-in');
  }, []);

  const api = useMemo(
    () => (session ? createApi(session.token, () => signOut(EXPIRED_MESSAGE, true)) : undefined),
    [session, signOut],
  );

  // A token's lifetime can run out while the tab sits open: end the session then, not at the next click.
  useEffect(() => {
    if (!session) return;
    // setTimeout fires at once beyond 2^31-1 ms (a TTL of weeks); a later 401 still ends such a session.
    const delay = Math.min(Math.max(0, session.expiresAt - Date.now()), 2_147_483_647);
    const timer = setTimeout(() => signOut(EXPIRED_MESSAGE, true), delay);
    return () => clearTimeout(timer);
  }, [session, signOut]);

  // The address bar follows what is shown: sign-in while signed out, a page of the app once signed in.
  const signedIn = session !== undefined;
  useEffect(() => {
    if (!signedIn && route !== '/sign-in') {
      setReturnTo(route);
      navigate('/sign-in', true);
    }
    if (signedIn && (route === undefined || route === '/sign-in')) navigate('/workspace', true);
  }, [signedIn, route]);

  if (!session || !api) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(signedIn) => {
          saveSession(signedIn);
          setSession(signedIn);
          setNotice(undefined);
          setReturnTo(undefined);
          navigate(returnTo ?? '/workspace');
        }}
      />
    );
  }
  const page: Route = route === undefined || route === '/sign-in' ? '/workspace' : route;
  return (
    <Layout route={page} email={session.email} onSignOut={() => signOut('You have signed out.', false)}>
      {page === '/workspace' && <WorkspacePage api={api} />}
      {page === '/keys' && <KeysPage api={api} />}
      {page === '/usage' && <UsagePage api={api} />}
      {page === '/webhook-secret' && <WebhookSecretPage api={api} />}
    </Layout>
  );
}
