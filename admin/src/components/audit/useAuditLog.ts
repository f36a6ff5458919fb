import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, isAbortError, toApiError, withQuery } from '../../api';
import type { AuditEvent, AuditPage } from '../../types/audit';

export interface AuditFilterValues {
  agencyId?: number | null;
  entityType?: string;
  entityId?: string;
  actorUserId?: number | null;
  /** part of the operator's name or user name */
  actor?: string;
  action?: string;
}

const PAGE_SIZE = 50;

/** Audit events newest first, fetched 50 at a time with `beforeId`; restarts when the filters change. */
export function useAuditLog(filters: AuditFilterValues) {
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(
    async (beforeId: number | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      try {
        const path = withQuery('/admin/audit', { ...filters, beforeId, limit: PAGE_SIZE });
        const page = await api.get<AuditPage>(path, { signal: controller.signal });
        setItems((prev) => (beforeId === null ? page.items : [...prev, ...page.items]));
        setNextBeforeId(page.nextBeforeId);
        setError(undefined);
      } catch (err) {
        if (isAbortError(err)) return;
        setError(toApiError(err));
      }
      setLoading(false);
    },
    [filters],
  );

  useEffect(() => {
    void load(null);
    return () => controllerRef.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    if (nextBeforeId !== null) void load(nextBeforeId);
  }, [load, nextBeforeId]);
  const reload = useCallback(() => void load(null), [load]);

  return { items, nextBeforeId, loading, error, loadMore, reload };
}
