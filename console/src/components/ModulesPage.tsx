import { useEffect, useState } from 'preact/hooks';
import type { ModuleInfo, RegionDetail } from '../types.js';
import { useQuery } from '../use-query.js';
import { AuditTrail } from './AuditTrail.js';
import { Breadcrumb } from './Breadcrumb.js';
import { ModuleCard } from './ModuleCard.js';
import { T } from './T.js';

/** 模块: one card per installed module at the chosen region, then the audit trail of its switches */
export function ModulesPage({ regionId, rootId }: { regionId: string; rootId: string }) {
  const region = useQuery<{ region: RegionDetail | null }>('ConsoleRegion', { id: regionId });
  const q = useQuery<{ modules: ModuleInfo[] }>('ConsoleModules', { regionId });
  const [modules, setModules] = useState<ModuleInfo[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => setModules(q.data?.modules ?? []), [q.data]);
  const r = region.data?.region;
  // switches and settings are set at township level or above; a community shows its township's state
  const canSwitch = !!r && r.level !== 'COMMUNITY';
  const changed = (m: Partial<ModuleInfo> & { id: string }) => {
    // a switch can change what depends on it: the cards are read again, the changed one updated at once
    setModules((all) => all.map((x) => (x.id === m.id ? { ...x, ...m } : x)));
    q.reload();
  };
  return (
    <main id="main" class="page" aria-busy={q.loading}>
      {r && <Breadcrumb region={r} page="modules" rootId={rootId} />}
      <h1>
        {r?.name ?? '…'} · <T k="modules" />
      </h1>
      {r && !canSwitch && (
        <p class="hint">
          <T k="switchesAt" />
        </p>
      )}
      {(q.error || region.error) && (
        <p class="error" role="alert">
          {q.error ?? region.error}
        </p>
      )}
      <div class="cards">
        {modules.map((m) => (
          <ModuleCard
            key={m.id}
            module={m}
            regionId={regionId}
            canSwitch={canSwitch}
            onChanged={changed}
            onAudited={() => setVersion((v) => v + 1)}
          />
        ))}
      </div>
      {canSwitch && <AuditTrail regionId={regionId} version={version} />}
    </main>
  );
}
