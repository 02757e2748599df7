import { useState } from 'preact/hooks';
import { login } from '../api/client.ts';
import { ApiError } from '../api/http.ts';
import type { Session } from '../api/session.ts';
import { Alert } from '../components/alert.tsx';
import { PageHeading } from '../components/page-heading.tsx';

interface SignInProps {
  readonly notice: string | undefined;
  readonly onSignedIn: (session: Session) => void;
}

function signInError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'That email and password do not match.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts from this address. Wait a minute, then try again.';
  if (error instanceof ApiError) return error.detail;
  return 'Sign-in failed. Try again.';
}

/** Email and password → a JWT for this tab. */
export function SignInPage({ notice, onSignedIn }: SignInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const token = await login(email.trim(), password);
      onSignedIn({
        token: token.access_token,
        email: email.trim(),
        // A little early, so a request is never sent with a token about to lapse.
        expiresAt: Date.now() + Math.max(0, token.expires_in - 30) * 1000,
      });
    } catch (caught) {
      setError(signInError(caught));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <p class="brand">Aptly Intelligence</p>
      <PageHeading title="Sign in">Sign in to your dashboard</PageHeading>
      {notice && <Alert tone="info">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <form onSubmit={submit} class="stack">
        <label for="email">Email</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="password">Password</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="muted">
        First start? The admin login (admin@localhost) and its password were printed once by{' '}
        <code>npm start</code>.
      </p>
    </main>
  );
}
