/** Request/response schemas of the detection routes (validator + type + OpenAPI). */
import { Type } from 'typebox';
import { Nullable } from '../shared/schema.ts';
import { DETECTION_KINDS } from './detection.ts';

export const DetectionKindSchema = Type.Union(
  DETECTION_KINDS.map((k) => Type.Literal(k)),
  { title: '违规类型' },
);

export const DetectionQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1, maximum: 2_147_483_647 })),
  kind: Type.Optional(DetectionKindSchema),
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')], { title: '状态' })),
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const DetectionItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  /** the statute article (or docs/ page) the rule applies */
  basis: Type.String(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Integer(),
  title: Type.String(),
  /** the staff SPA path of the record, e.g. /admin/requests/12 */
  link: Type.String(),
  dueOn: Nullable(Type.String()),
  firstSeenOn: Type.String(),
  lastSeenOn: Type.String(),
  /** null while open; the day it was done late or corrected */
  resolvedOn: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
});

const Count = { open: Type.Integer(), resolved: Type.Integer() };

export const DetectionListResponse = Type.Object({
  items: Type.Array(DetectionItem),
  total: Type.Integer(),
  byAgency: Type.Array(Type.Object({ agencyId: Type.Integer(), agencyName: Type.String(), ...Count })),
  byKind: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), ...Count })),
  kinds: Type.Array(Type.Object({ kind: Type.String(), label: Type.String(), basis: Type.String() })),
  lastRunOn: Nullable(Type.String()),
});
