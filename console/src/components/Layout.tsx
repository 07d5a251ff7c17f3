import type { ComponentChildren } from 'preact';
import type { Session } from '../api.js';
import { href, onLinkClick, type Route } from '../router.js';
import { RegionTree } from './RegionTree.js';
import { T } from './T.js';

interface Props {
  session: Session;
  page: 'modules' | 'figures';
  current: string | null;
  canManage: boolean;
  onLogout: () => void;
  children: ComponentChildren;
}

export function Layout({ session, page, current, canManage, onLogout, children }: Props) {
  const here = current ?? session.region.id;
  const tab = (p: 'modules' | 'figures') => {
    const route: Route = { page: p, regionId: here };
    return (
      <a href={href(route)} onClick={onLinkClick(route)} aria-current={page === p ? 'page' : undefined}>
        <T k={p} />
      </a>
    );
  };
  return (
    <div class="shell">
      <a class="skip" href="#main">
        跳到正文 Skip to content
      </a>
      <header class="top">
        <strong>
          <T k="appTitle" />
        </strong>
        <nav aria-label="页面 pages" class="tabs">
          {canManage && tab('modules')}
          {tab('figures')}
        </nav>
        <span class="who">
          {session.username} · {session.region.name}
        </span>
        <button type="button" onClick={onLogout}>
          <T k="logout" />
        </button>
      </header>
      <RegionTree root={session.region} page={page} current={current} />
      {children}
    </div>
  );
}
