/** `{ KEY: '中文 English' }` → Pothos enum values with those descriptions, keeping the key types */
export const describedValues = <K extends string>(map: Record<K, string>) =>
  Object.fromEntries(Object.entries(map).map(([k, description]) => [k, { description }])) as Record<
    K,
    { description: string }
  >;
