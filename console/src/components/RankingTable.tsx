import { formatValue } from '../figures.js';
import { href, onLinkClick, type Route } from '../router.js';
import { T } from './T.js';

export interface RankingRow {
  rank: number;
  name: string;
  code: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  region: { id: string };
}

/** the children ranked by the chosen figure; each name drills down to its own figures page */
export function RankingTable({ rows, caption }: { rows: RankingRow[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <T k="rank" />
            </th>
            <th scope="col">
              <T k="name" />
            </th>
            <th scope="col" class="num">
              <T k="value" />
            </th>
            <th scope="col" class="num">
              <T k="previous" />
            </th>
            <th scope="col" class="num">
              <T k="change" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const route: Route = { page: 'figures', regionId: r.region.id };
            return (
              <tr key={r.code}>
                <td>{r.rank}</td>
                <td>
                  <a href={href(route)} onClick={onLinkClick(route)}>
                    {r.name}
                  </a>
                </td>
                <td class="num">{formatValue(r.value)}</td>
                <td class="num">{formatValue(r.previous)}</td>
                <td class="num">
                  {r.change !== null && r.change > 0 ? `+${formatValue(r.change)}` : formatValue(r.change)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
