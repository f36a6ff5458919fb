/** The staff view of detections: Chinese kind labels, agency names, links to the records. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { DETECTION_KIND_INFO, DETECTION_KINDS, isDetectionKind, staffPathOf } from './detection.ts';
import type { DetectionList } from './detection.service.ts';
import type { DetectionRow } from './detection.table.ts';

function info(kind: string) {
  return isDetectionKind(kind) ? DETECTION_KIND_INFO[kind] : { label: kind, basis: '' };
}

export function presentDetection(r: DetectionRow, dir: AgencyDirectory) {
  let detail: Record<string, string | number | null> = {};
  try {
    detail = JSON.parse(r.detailJson) as Record<string, string | number | null>;
  } catch {
    // stored by this module only; an unreadable detail shows as empty
  }
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: info(r.kind).label,
    basis: info(r.kind).basis,
    agencyId: r.agencyId,
    agencyName: dir.get(r.agencyId)?.name ?? String(r.agencyId),
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    title: r.title,
    link: staffPathOf(r),
    dueOn: r.dueOn,
    firstSeenOn: r.firstSeenOn,
    lastSeenOn: r.lastSeenOn,
    resolvedOn: r.resolvedOn,
    detail,
  };
}

export function presentDetectionList(l: DetectionList) {
  const byAgency = new Map<number, { open: number; resolved: number }>();
  const byKind = new Map<string, { open: number; resolved: number }>();
  for (const c of l.counts) {
    const a = byAgency.get(c.agencyId) ?? { open: 0, resolved: 0 };
    a.open += c.open;
    a.resolved += c.resolved;
    byAgency.set(c.agencyId, a);
    const k = byKind.get(c.kind) ?? { open: 0, resolved: 0 };
    k.open += c.open;
    k.resolved += c.resolved;
    byKind.set(c.kind, k);
  }
  return {
    items: l.rows.map((r) => presentDetection(r, l.dir)),
    total: l.total,
    byAgency: [...byAgency].map(([agencyId, n]) => ({
      agencyId,
      agencyName: l.dir.get(agencyId)?.name ?? String(agencyId),
      ...n,
    })),
    byKind: DETECTION_KINDS.filter((k) => byKind.has(k)).map((k) => ({
      kind: k,
      label: DETECTION_KIND_INFO[k].label,
      ...byKind.get(k)!,
    })),
    kinds: DETECTION_KINDS.map((k) => ({ kind: k, ...DETECTION_KIND_INFO[k] })),
    lastRunOn: l.lastRun?.runOn ?? null,
  };
}
