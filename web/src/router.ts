import { useEffect, useState } from 'preact/hooks';

/** The dashboard's pages; the server answers index.html on each (src/http/plugins/dashboard.ts). */
export type Route = '/sign-in' | '/workspace' | '/keys' | '/usage' | '/webhook-secret';

const ROUTES: readonly Route[] = ['/sign-in', '/workspace', '/keys', '/usage', '/webhook-secret'];

export function currentRoute(): Route | undefined {
  return ROUTES.find((route) => route === location.pathname);
}

export function navigate(route: Route, replace = false): void {
  if (location.pathname === route) return;
  if (replace) history.replaceState(null, '', route);
  else history.pushState(null, '', route);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The page in the address bar, following links, back and forward. Undefined on `/`. */
export function useRoute(): Route | undefined {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('popstate', onChange);
    return () => removeEventListener('popstate', onChange);
  }, []);
  return route;
}
