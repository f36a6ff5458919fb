import { useMemo } from 'react';
import { type AgencyNode, buildAgencyTree } from '../lib/agencyTree';
import type { Agency } from '../types/agency';
import { useApiData } from './useApiData';

const EMPTY: Agency[] = [];

/** The flat agency list plus its tree, shared by every page that picks an agency. */
export function useAgencies() {
  const { data, error, loading, reload } = useApiData<{ items: Agency[] }>('/admin/agencies');
  const agencies = data?.items ?? EMPTY;
  const tree = useMemo<AgencyNode[]>(() => buildAgencyTree(agencies), [agencies]);
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  return { agencies, tree, byId, error, loading, reload };
}
