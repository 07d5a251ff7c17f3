export interface SettingSchema {
  key: string;
  description: string;
  kind: 'BOOLEAN' | 'DECIMAL' | 'DURATION' | 'ENUM' | 'INTEGER' | 'JSON';
  default: unknown;
  min: number | null;
  max: number | null;
  options: string[] | null;
}

export interface ModuleInfo {
  id: string;
  title: string;
  description: string;
  enabled: boolean;
  source: 'SET_HERE' | 'INHERITED' | 'DEFAULT';
  sourceRegion: { id: string; name: string } | null;
  dependsOn: string[];
  settings: SettingSchema[];
}

export interface SettingValue {
  key: string;
  value: unknown;
  defaultValue: unknown;
  source: ModuleInfo['source'];
  sourceRegion: { id: string; name: string } | null;
}

export interface RegionDetail {
  id: string;
  code: string;
  name: string;
  level: 'PREFECTURE' | 'COUNTY' | 'TOWNSHIP' | 'COMMUNITY';
  parent: (RegionDetail['children'][number] & { parent?: RegionDetail['parent'] }) | null;
  children: { id: string; code?: string; name: string; level: string }[];
}
