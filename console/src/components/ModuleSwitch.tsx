import { useState } from 'preact/hooks';
import { gql, type TypedError } from '../api.js';
import { text } from '../i18n.js';
import type { ModuleInfo } from '../types.js';
import { T } from './T.js';

type Changed = Pick<ModuleInfo, 'id' | 'enabled' | 'source' | 'sourceRegion'>;
type Result = TypedError & { module?: Changed };

interface Props {
  module: ModuleInfo;
  regionId: string;
  onChanged: (m: Changed) => void;
}

/** the switch and its note; a refusal (e.g. a dependency) is the server's message, in words */
export function ModuleSwitch({ module, regionId, onChanged }: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = `note-${module.id}`;
  const errorId = `switch-error-${module.id}`;

  async function run(operation: 'ConsoleSetModuleEnabled' | 'ConsoleResetModuleSwitch', input: object) {
    setBusy(true);
    setError(null);
    try {
      const data = await gql<Record<string, Result>>(operation, { input: { regionId, moduleId: module.id, ...input } });
      const result = Object.values(data)[0]!;
      if (result.module) {
        onChanged(result.module);
        setNote('');
      } else setError(result.message ?? result.__typename);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const toggle = () => run('ConsoleSetModuleEnabled', { enabled: !module.enabled, note: note.trim() || null });

  return (
    <div class="switch-row">
      <label for={noteId}>
        <T k="note" />
      </label>
      <input id={noteId} value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={module.enabled}
        aria-label={`${module.title} ${module.id}`}
        aria-describedby={error ? errorId : undefined}
        disabled={busy}
        onClick={toggle}
      >
        <span aria-hidden="true">{module.enabled ? text('enabled') : text('disabled')}</span>
      </button>
      {module.source === 'SET_HERE' && (
        <button
          type="button"
          class="link"
          disabled={busy}
          onClick={() => run('ConsoleResetModuleSwitch', { note: note.trim() || null })}
        >
          <T k="reset" />
        </button>
      )}
      {error && (
        <p class="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
