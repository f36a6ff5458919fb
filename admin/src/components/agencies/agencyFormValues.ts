import { blankToNull } from '../../lib/format';
import type { Agency, AgencyInput, AgencyKind } from '../../types/agency';

/** What the form holds: the writable fields, with blank text allowed. */
export type AgencyFormValues = AgencyInput;

const OPTIONAL_TEXT = [
  'shortName',
  'officialCode',
  'regionCode',
  'address',
  'postalCode',
  'phone',
  'fax',
  'email',
  'officeHours',
  'website',
] as const;

/** The kind a new child most likely has, given its parent's kind. */
const CHILD_KIND: Record<AgencyKind, AgencyKind> = {
  region: 'government',
  government: 'department',
  department: 'unit',
  unit: 'unit',
};

export function blankAgency(parent: Agency | null): AgencyFormValues {
  return {
    parentId: parent?.id ?? null,
    kind: parent ? CHILD_KIND[parent.kind] : 'region',
    name: '',
    shortName: null,
    code: '',
    officialCode: null,
    regionCode: parent?.regionCode ?? null,
    address: parent?.address ?? null,
    postalCode: parent?.postalCode ?? null,
    phone: null,
    fax: null,
    email: null,
    officeHours: parent?.officeHours ?? null,
    website: null,
    acceptsApplications: parent ? CHILD_KIND[parent.kind] !== 'unit' : false,
    ruleProfileId: null,
    sortOrder: 0,
    active: true,
  };
}

export function agencyToFormValues(a: Agency): AgencyFormValues {
  const { id: _id, kindLabel: _k, ruleProfileName: _r, supervisedIds: _s, ...input } = a;
  return input;
}

/** Trims the text fields and sends blank optional ones as null. */
export function normaliseAgencyValues(values: AgencyFormValues): AgencyInput {
  const result: AgencyInput = {
    ...values,
    name: values.name.trim(),
    code: values.code.trim(),
    sortOrder: values.sortOrder ?? 0,
    parentId: values.parentId ?? null,
    ruleProfileId: values.ruleProfileId ?? null,
  };
  for (const key of OPTIONAL_TEXT) result[key] = blankToNull(values[key]);
  return result;
}
