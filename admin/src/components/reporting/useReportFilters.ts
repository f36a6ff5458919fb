import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth/useAuth';
import { defaultReportYear } from './reportLayout';

function positiveInt(value: string | null): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/**
 * The agency and year a reporting page shows, kept in the URL (`?agencyId=&year=`) so pages can link
 * to each other; defaults to the user's active agency and last year.
 */
export function useReportFilters() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const agencyId = positiveInt(params.get('agencyId')) ?? me.active.agencyId;
  const year = positiveInt(params.get('year')) ?? defaultReportYear();

  const update = useCallback(
    (key: 'agencyId' | 'year', value: number | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === null) next.delete(key);
          else next.set(key, String(value));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const setAgencyId = useCallback((id: number | null) => update('agencyId', id), [update]);
  const setYear = useCallback((y: number | null) => update('year', y), [update]);
  return { agencyId, year, setAgencyId, setYear };
}
