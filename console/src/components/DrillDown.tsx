import { LEVELS } from '../i18n.js';
import { href, onLinkClick, type Route } from '../router.js';
import type { RegionDetail } from '../types.js';
import { T } from './T.js';

/** the regions one level down, each opening its own figures page */
export function DrillDown({ region }: { region: RegionDetail }) {
  if (!region.children.length) return null;
  return (
    <section aria-labelledby="drill-title" class="panel">
      <h2 id="drill-title">
        <T k="drillDown" />
      </h2>
      <ul class="chips">
        {region.children.map((c) => {
          const route: Route = { page: 'figures', regionId: c.id };
          return (
            <li key={c.id}>
              <a href={href(route)} onClick={onLinkClick(route)}>
                {c.name} <small>{LEVELS[c.level]}</small>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
