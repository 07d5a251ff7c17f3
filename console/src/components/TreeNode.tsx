import { useEffect, useState } from 'preact/hooks';
import { gql, type RegionRef } from '../api.js';
import { LEVELS, text } from '../i18n.js';
import { href, onLinkClick, type Route } from '../router.js';

interface Props {
  region: RegionRef;
  page: 'modules' | 'figures';
  current: string | null;
  depth: number;
}

/** one region of the tree; its children are fetched the first time it is opened */
export function TreeNode({ region, page, current, depth }: Props) {
  const [open, setOpen] = useState(depth === 0);
  const [children, setChildren] = useState<RegionRef[] | null>(null);
  const leaf = region.level === 'COMMUNITY';
  useEffect(() => {
    if (!open || children || leaf) return;
    gql<{ region: { children: RegionRef[] } | null }>('ConsoleRegionChildren', { id: region.id })
      .then((d) => setChildren(d.region?.children ?? []))
      .catch(() => setChildren([]));
  }, [open, children, leaf, region.id]);
  const route: Route = { page, regionId: region.id };
  return (
    <li>
      <span class="node">
        {!leaf && (
          <button
            type="button"
            class="toggle"
            aria-expanded={open}
            aria-label={`${open ? text('collapse') : text('expand')} ${region.name}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        )}
        <a href={href(route)} onClick={onLinkClick(route)} aria-current={current === region.id ? 'page' : undefined}>
          {region.name}
        </a>
        <small>{LEVELS[region.level]}</small>
      </span>
      {open && children && children.length > 0 && (
        <ul>
          {children.map((c) => (
            <TreeNode key={c.id} region={c} page={page} current={current} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
