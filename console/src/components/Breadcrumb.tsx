import { href, onLinkClick, type Route } from '../router.js';
import type { RegionDetail } from '../types.js';

type Crumb = { id: string; name: string };

/** 州 › 县 › 乡镇 › 社区: the chosen region's ancestors, each a link to the same page there */
interface Props {
  region: RegionDetail;
  page: 'modules' | 'figures';
  /** the viewer's own region: nothing above it is shown (it is outside their area) */
  rootId: string;
}

export function Breadcrumb({ region, page, rootId }: Props) {
  let chain: Crumb[] = [];
  for (let p = region.parent as (Crumb & { parent?: unknown }) | null | undefined; p; p = p.parent as typeof p) {
    chain.unshift(p);
  }
  const top = chain.findIndex((c) => c.id === rootId);
  chain = region.id === rootId ? [] : top >= 0 ? chain.slice(top) : [];
  return (
    <nav aria-label="位置 breadcrumb" class="crumbs">
      {chain.map((c) => {
        const route: Route = { page, regionId: c.id };
        return (
          <span key={c.id}>
            <a href={href(route)} onClick={onLinkClick(route)}>
              {c.name}
            </a>
            {' › '}
          </span>
        );
      })}
      <span aria-current="page">{region.name}</span>
    </nav>
  );
}
