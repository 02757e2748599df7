import type { ComponentChildren } from 'preact';
import { navigate, type Route } from '../router.ts';

const NAV: readonly { readonly route: Route; readonly label: string }[] = [
  { route: '/workspace', label: 'Screening workspace' },
  { route: '/keys', label: 'API keys' },
  { route: '/usage', label: 'Usage' },
  { route: '/webhook-secret', label: 'Webhook secret' },
];

interface LayoutProps {
  readonly route: Route;
  readonly email: string;
  readonly onSignOut: () => void;
  readonly children: ComponentChildren;
}

/** Header, navigation (real links: they open in a new tab too) and the page. */
export function Layout({ route, email, onSignOut, children }: LayoutProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site-header">
        <span class="brand">Aptly Intelligence</span>
        <nav aria-label="Dashboard">
          <ul>
            {NAV.map((item) => (
              <li key={item.route}>
                <a
                  href={item.route}
                  aria-current={item.route === route ? 'page' : undefined}
                  onClick={(event) => {
                    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    navigate(item.route);
                  }}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <span class="muted">Signed in as {email}</span>
          <button type="button" class="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
