/** Guide versions, filing (备案), archive volumes (归档卷) and the hand-over log (移交) — server/src/publication/archive.api.ts. */

export interface GuideSection {
  key: string;
  heading: string;
  text: string;
}

export interface GuideContact {
  office: string;
  address: string | null;
  postalCode: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

export interface GuideWorkspace {
  draft: { sections: GuideSection[]; contact: GuideContact };
  draftSaved: boolean;
  draftUpdatedAt: string | null;
  contact: GuideContact;
  versions: { version: number; publishedOn: string; nextReviewOn: string; createdAt: string }[];
  review: {
    due: boolean;
    reasons: ('never_published' | 'review_due' | 'contact_changed')[];
    changedFields: (keyof GuideContact)[];
  };
}

export interface GuideVersion {
  version: number;
  publishedOn: string;
  content: { sections: GuideSection[]; contact: GuideContact | null };
}

export interface GuideDiffSection {
  key: string;
  heading: string;
  lines: { kind: 'same' | 'added' | 'removed'; text: string }[];
}

export type FilingStatus = 'filed' | 'reviewed' | 'correction_required';

export interface Filing {
  id: number;
  itemId: number;
  title: string;
  indexNo: string | null;
  docNo: string | null;
  itemStatus: string;
  agencyId: number;
  agencyName: string;
  supervisorId: number;
  supervisorName: string;
  reportNo: string;
  filedOn: string;
  note: string | null;
  status: FilingStatus;
  statusLabel: string;
  reviewNote: string | null;
  reviewedOn: string | null;
}

export interface FilingOptions {
  supervisors: { id: number; name: string }[];
  items: { id: number; title: string; indexNo: string | null; status: string }[];
}

export interface ArchiveVolume {
  id: number;
  agencyId: number;
  year: number;
  status: 'open' | 'closed';
  statusLabel: string;
  itemCount: number;
  closedOn: string | null;
  updatedAt: string;
}

export interface ArchiveVolumeItem {
  position: number;
  itemId: number;
  indexNo: string | null;
  title: string;
  docNo: string | null;
  generatedOn: string;
  publishedOn: string | null;
  attribute: string;
  scope: string;
  status: string;
  attachmentCount: number;
}

export interface Handover {
  id: number;
  year: number;
  volumeId: number | null;
  recipientKind: 'state_archive' | 'public_library';
  recipientLabel: string;
  institution: string;
  handedOn: string;
  itemCount: number;
  receiptNo: string | null;
  note: string | null;
}
