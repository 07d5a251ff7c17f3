import type { ModuleInfo } from '../types.js';
import { ModuleSwitch } from './ModuleSwitch.js';
import { SettingsSection } from './SettingsSection.js';
import { Source } from './Source.js';
import { T } from './T.js';

interface Props {
  module: ModuleInfo;
  regionId: string;
  canSwitch: boolean;
  onChanged: (m: Partial<ModuleInfo> & { id: string }) => void;
  onAudited: () => void;
}

/** one installed module at a region: title, description, state and its source, the switch, the settings */
export function ModuleCard({ module, regionId, canSwitch, onChanged, onAudited }: Props) {
  return (
    <article
      class={`card ${module.enabled ? 'on' : 'off'}`}
      aria-labelledby={`title-${module.id}`}
      data-module={module.id}
    >
      <header>
        <h3 id={`title-${module.id}`}>
          {module.title} <code>{module.id}</code>
        </h3>
        <p class="state" data-state={module.enabled ? 'on' : 'off'}>
          <strong>{module.enabled ? <T k="enabled" /> : <T k="disabled" />}</strong>
          {' · '}
          <Source source={module.source} from={module.sourceRegion} />
        </p>
      </header>
      <p class="description">{module.description}</p>
      {module.dependsOn.length > 0 && (
        <p class="depends">
          <T k="dependsOn" />: {module.dependsOn.join(', ')}
        </p>
      )}
      {canSwitch && (
        <ModuleSwitch
          module={module}
          regionId={regionId}
          onChanged={(m) => {
            onChanged(m);
            onAudited();
          }}
        />
      )}
      {canSwitch && <SettingsSection module={module} regionId={regionId} onSaved={onAudited} />}
    </article>
  );
}
