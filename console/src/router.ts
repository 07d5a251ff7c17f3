// A small history router under /console (the server answers index.html for every /console/* path).
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/console';

export type Route = { page: 'home' } | { page: 'modules'; regionId: string } | { page: 'figures'; regionId: string };

export function parse(pathname: string): Route {
  const [, kind, id] = pathname.slice(BASE.length).split('/');
  if ((kind === 'modules' || kind === 'figures') && id) return { page: kind, regionId: decodeURIComponent(id) };
  return { page: 'home' };
}

export const href = (route: Route) =>
  route.page === 'home' ? `${BASE}/` : `${BASE}/${route.page}/${encodeURIComponent(route.regionId)}`;

export function navigate(route: Route, replace = false) {
  const url = href(route);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parse(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}

/** a link that routes on the client (a plain click), or opens normally (middle click, ctrl-click) */
export function onLinkClick(route: Route) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(route);
  };
}
