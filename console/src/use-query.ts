import { useCallback, useEffect, useState } from 'preact/hooks';
import { gql } from './api.js';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** runs one console operation whenever its variables (or `refresh`) change; `skip` waits */
export function useQuery<T>(
  operation: string,
  variables: Record<string, unknown>,
  skip = false,
  refresh = 0,
): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    gql<T>(operation, JSON.parse(key))
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((e: Error) => live && setState({ data: null, error: e.message, loading: false }));
    return () => {
      live = false;
    };
  }, [operation, key, skip, tick, refresh]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
