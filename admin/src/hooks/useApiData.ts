import { useCallback, useEffect, useState } from 'react';
import { type ApiError, api, isAbortError, toApiError } from '../api';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `path` with GET whenever it changes (null = don't load); keeps the last data while reloading. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api.get<T>(path, { signal: controller.signal }).then(
      (result) => {
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
