import type { JSX } from 'preact';
import { range, toInput } from '../settings.js';
import type { SettingSchema, SettingValue } from '../types.js';
import { Source } from './Source.js';

interface Props {
  moduleId: string;
  setting: SettingSchema;
  current: SettingValue | undefined;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

/** one field generated from a setting's kind; the server's validation message sits right under it */
export function SettingField({ moduleId, setting, current, value, error, onInput }: Props) {
  const id = `setting-${moduleId}-${setting.key}`;
  const hint = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint, error ? errorId : ''].filter(Boolean).join(' ');
  const common = { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined };
  const unit = setting.kind === 'DURATION' ? ' (小时 hours)' : '';
  let input: JSX.Element;
  if (setting.kind === 'BOOLEAN') {
    input = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        <option value="true">是 yes</option>
        <option value="false">否 no</option>
      </select>
    );
  } else if (setting.kind === 'ENUM') {
    input = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        {(setting.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (setting.kind === 'JSON') {
    input = <textarea {...common} rows={4} value={value} onInput={(e) => onInput(e.currentTarget.value)} />;
  } else {
    const step = setting.kind === 'INTEGER' ? 1 : 'any';
    input = (
      <input {...common} type="number" step={step} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    );
  }
  return (
    <div class="field">
      <label for={id}>
        {setting.description}
        {unit}
      </label>
      {input}
      <small id={hint}>
        <code>{setting.key}</code> · 默认 default {toInput(setting.kind, setting.default)}
        {range(setting) && <> · 范围 range {range(setting)}</>}
        {current && (
          <>
            {' · '}
            <Source source={current.source} from={current.sourceRegion} />
          </>
        )}
      </small>
      {error && (
        <p class="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
