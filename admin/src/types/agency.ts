export type AgencyKind = 'region' | 'government' | 'department' | 'unit';

export interface Agency {
  id: number;
  parentId: number | null;
  kind: AgencyKind;
  kindLabel: string;
  name: string;
  shortName: string | null;
  code: string;
  officialCode: string | null;
  regionCode: string | null;
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  officeHours: string | null;
  website: string | null;
  acceptsApplications: boolean;
  ruleProfileId: number | null;
  ruleProfileName: string | null;
  sortOrder: number;
  active: boolean;
  supervisedIds: number[];
}

/** The writable part of an agency (POST body; PATCH takes any subset). */
export type AgencyInput = Omit<Agency, 'id' | 'kindLabel' | 'ruleProfileName' | 'supervisedIds'>;
