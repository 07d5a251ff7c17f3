import { useState } from 'preact/hooks';
import type { ModuleInfo } from '../types.js';
import { SettingsForm } from './SettingsForm.js';
import { T } from './T.js';

interface Props {
  module: ModuleInfo;
  regionId: string;
  onSaved: () => void;
}

/** the settings folded away; their current values are read the first time they are opened */
export function SettingsSection(props: Props) {
  const [open, setOpen] = useState(false);
  if (!props.module.settings.length) return null;
  return (
    <details class="settings" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <T k="settings" /> ({props.module.settings.length})
      </summary>
      {open && <SettingsForm {...props} />}
    </details>
  );
}
