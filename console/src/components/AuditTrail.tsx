import { ACTIONS } from '../i18n.js';
import { useQuery } from '../use-query.js';
import { T } from './T.js';

interface Entry {
  id: string;
  action: string;
  at: string;
  data: { moduleId?: string; key?: string; value?: unknown; note?: string | null } | null;
  actor: { username: string } | null;
}

const when = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

/** the switches and settings changed at this region, newest first */
export function AuditTrail({ regionId, version }: { regionId: string; version: number }) {
  const q = useQuery<{ auditLog: { edges: { node: Entry }[] } }>(
    'ConsoleAuditLog',
    { regionId, first: 30 },
    false,
    version,
  );
  const rows = q.data?.auditLog.edges.map((e) => e.node) ?? [];
  return (
    <section class="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">
        <T k="audit" />
      </h2>
      {q.error && <p class="error">{q.error}</p>}
      {!q.loading && !rows.length && !q.error && (
        <p>
          <T k="noAudit" />
        </p>
      )}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <T k="at" />
                </th>
                <th scope="col">
                  <T k="actor" />
                </th>
                <th scope="col">
                  <T k="action" />
                </th>
                <th scope="col">
                  <T k="module" />
                </th>
                <th scope="col">
                  <T k="note" />
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{when.format(new Date(r.at))}</td>
                  <td>{r.actor?.username ?? '—'}</td>
                  <td>
                    {ACTIONS[r.action] ?? r.action}
                    {r.data?.key && ` ${r.data.key} = ${JSON.stringify(r.data.value)}`}
                  </td>
                  <td>{r.data?.moduleId}</td>
                  <td>{r.data?.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
