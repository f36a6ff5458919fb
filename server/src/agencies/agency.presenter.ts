/** What leaves the server about agencies, per audience (house style rule 10). */
import type { Static } from 'typebox';
import type { AgencyRow, RuleProfileRow } from '../db/database.ts';
import { AGENCY_KIND_LABELS, type AgencyKind } from './agency.ts';
import type { AgencyDirectory } from './agency-directory.ts';
import type { AgencyPublicView, AgencyStaffView, RuleProfileView } from './agency.schemas.ts';
import { parseRules } from './rule-profile.ts';

export function presentAgencyForStaff(
  r: AgencyRow,
  dir: AgencyDirectory,
  profileNames: Map<number, string>,
): Static<typeof AgencyStaffView> {
  return {
    id: r.id,
    parentId: r.parentId,
    kind: r.kind as AgencyKind,
    kindLabel: AGENCY_KIND_LABELS[r.kind as AgencyKind] ?? r.kind,
    name: r.name,
    shortName: r.shortName,
    code: r.code,
    officialCode: r.officialCode,
    regionCode: r.regionCode,
    address: r.address,
    postalCode: r.postalCode,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    officeHours: r.officeHours,
    website: r.website,
    acceptsApplications: r.acceptsApplications === 1,
    ruleProfileId: r.ruleProfileId,
    ruleProfileName: r.ruleProfileId !== null ? (profileNames.get(r.ruleProfileId) ?? null) : null,
    sortOrder: r.sortOrder,
    active: r.active === 1,
    supervisedIds: dir.directlySupervised(r.id),
  };
}

/** The public sees an agency's public contact data only — never internal structure flags or staff. */
export function presentAgencyForPublic(r: AgencyRow, dir: AgencyDirectory): Static<typeof AgencyPublicView> {
  const parent = r.parentId !== null ? dir.get(r.parentId) : undefined;
  return {
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind as AgencyKind,
    parentCode: parent?.code ?? null,
    address: r.address,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    officeHours: r.officeHours,
    acceptsApplications: r.acceptsApplications === 1,
    portalUrl: `/a/${r.code}/`,
  };
}

export function presentRuleProfile(
  r: RuleProfileRow,
  usage: Map<number, number>,
): Static<typeof RuleProfileView> {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    isDefault: r.isDefault === 1,
    rules: parseRules(r.rulesJson),
    agencyCount: usage.get(r.id) ?? 0,
  };
}
