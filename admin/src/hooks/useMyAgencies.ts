import { useMemo, useState } from 'react';
import { useMe } from '../auth/useAuth';

/** The roles that manage an agency's disclosure settings (subjects, imports). */
export const OFFICE_ROLES: readonly string[] = ['disclosure_office', 'agency_admin'];

/**
 * The agencies where the user holds a role, as select options; with `roles`, only those where the
 * user holds one of them (pass a constant, the list is memoised on it).
 */
export function useMyAgencies(roles?: readonly string[]) {
  const me = useMe();
  return useMemo(
    () =>
      [
        ...new Map(
          me.roles.filter((r) => !roles || roles.includes(r.role)).map((r) => [r.agencyId, r.agencyName]),
        ),
      ].map(([value, label]) => ({ value, label })),
    [me.roles, roles],
  );
}

/** The agency a page works on: the user's agencies (see `useMyAgencies`) and the chosen one, the first by default. */
export function useAgencyChoice(roles?: readonly string[]) {
  const agencies = useMyAgencies(roles);
  const [agencyId, setAgencyId] = useState<number | undefined>(agencies[0]?.value);
  return { agencies, agencyId, setAgencyId };
}
