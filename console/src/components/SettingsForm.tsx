import { useState } from 'preact/hooks';
import { gql, type TypedError } from '../api.js';
import { fromInput, toInput } from '../settings.js';
import type { ModuleInfo, SettingValue } from '../types.js';
import { useQuery } from '../use-query.js';
import { SettingField } from './SettingField.js';
import { T } from './T.js';

type Result = TypedError & { setting?: SettingValue };

/** the module's settings as a form generated from the manifest; each changed field is saved on its own */
export function SettingsForm({
  module,
  regionId,
  onSaved,
}: {
  module: ModuleInfo;
  regionId: string;
  onSaved: () => void;
}) {
  const q = useQuery<{ moduleSettings: SettingValue[] }>('ConsoleModuleSettings', { moduleId: module.id, regionId });
  // only what the user typed; a field shows its edit, else the effective value (so a late answer overwrites nothing)
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const current = new Map((q.data?.moduleSettings ?? []).map((s) => [s.key, s]));
  const stored = (key: string) => {
    const s = module.settings.find((x) => x.key === key)!;
    return toInput(s.kind, current.get(key)?.value ?? s.default);
  };
  const shown = (key: string) => edits[key] ?? stored(key);

  async function submit(e: Event) {
    e.preventDefault();
    const next: Record<string, string> = {};
    setStatus(null);
    for (const s of module.settings) {
      if (edits[s.key] === undefined || edits[s.key] === stored(s.key)) continue;
      const input = { regionId, moduleId: module.id, key: s.key, value: fromInput(s.kind, edits[s.key]) };
      try {
        const { setModuleSetting: r } = await gql<{ setModuleSetting: Result }>('ConsoleSetModuleSetting', { input });
        if (!r.setting) next[s.key] = r.issues?.map((i) => i.message).join('; ') || r.message || r.__typename;
      } catch (err) {
        next[s.key] = (err as Error).message;
      }
    }
    setErrors(next);
    // after a refusal the typed value stays in its field, next to the server's message
    if (!Object.keys(next).length) {
      setStatus('saved');
      setEdits({});
      q.reload();
    }
    onSaved();
  }

  return (
    <form noValidate onSubmit={submit} aria-label={`参数 settings ${module.title}`}>
      {module.settings.map((s) => (
        <SettingField
          key={s.key}
          moduleId={module.id}
          setting={s}
          current={current.get(s.key)}
          value={shown(s.key)}
          error={errors[s.key]}
          onInput={(v) => setEdits({ ...edits, [s.key]: v })}
        />
      ))}
      <button type="submit">
        <T k="save" />
      </button>
      {status && (
        <span role="status" class="ok">
          <T k="saved" />
        </span>
      )}
    </form>
  );
}
