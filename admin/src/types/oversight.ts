/** Shapes of /api/v1/admin/oversight/detections (server/src/oversight/detection.schemas.ts). */
export type DetectionState = 'open' | 'resolved';

export interface DetectionItem {
  id: number;
  kind: string;
  kindLabel: string;
  /** the statute article the rule applies */
  basis: string;
  agencyId: number;
  agencyName: string;
  subjectType: string;
  subjectId: number;
  title: string;
  /** staff SPA path of the record, e.g. /admin/requests/12 */
  link: string;
  dueOn: string | null;
  firstSeenOn: string;
  lastSeenOn: string;
  resolvedOn: string | null;
  detail: Record<string, string | number | null>;
}

export interface DetectionCount {
  open: number;
  resolved: number;
}

export interface DetectionList {
  items: DetectionItem[];
  total: number;
  byAgency: (DetectionCount & { agencyId: number; agencyName: string })[];
  byKind: (DetectionCount & { kind: string; label: string })[];
  kinds: { kind: string; label: string; basis: string }[];
  lastRunOn: string | null;
}
