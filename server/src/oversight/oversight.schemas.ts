/** Request/response schemas of the oversight routes (validator + type + OpenAPI). */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import { MAX_RECTIFICATION_DAYS, MIN_RECTIFICATION_DAYS } from './rectification.ts';

const Paging = {
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const InspectionKindSchema = Type.Union(
  [Type.Literal('self'), Type.Literal('supervision'), Type.Literal('special')],
  { title: '检查类型' },
);
export const PlanStatusSchema = Type.Union(
  [Type.Literal('open'), Type.Literal('concluded'), Type.Literal('published')],
  { title: '检查状态' },
);
export const RectificationStatusSchema = Type.Union(
  [Type.Literal('open'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('accepted')],
  { title: '整改状态' },
);
const EvidenceKindSchema = Type.Union(
  [Type.Literal('item'), Type.Literal('application'), Type.Literal('url')],
  { title: '证据类型' },
);
const AgencyId = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2_147_483_647 });
const WorkingDays = (title: string) =>
  Type.Integer({ title, minimum: MIN_RECTIFICATION_DAYS, maximum: MAX_RECTIFICATION_DAYS });

export const CheckPointView = Type.Object({
  code: Type.String(),
  label: Type.String(),
  description: Type.String(),
  basis: Type.String(),
});
export const CheckPointsResponse = Type.Object({ items: Type.Array(CheckPointView) });

export const CreatePlanBody = Type.Object(
  {
    organizerAgencyId: AgencyId('组织检查的机关'),
    kind: InspectionKindSchema,
    title: Type.String({ title: '检查名称', minLength: 1, maxLength: 200 }),
    periodStart: IsoDate('检查期间（起）'),
    periodEnd: IsoDate('检查期间（止）'),
    regular: Type.Boolean({ title: '定期检查' }),
    mutual: Type.Boolean({ title: '互查' }),
    sampling: Type.Boolean({ title: '抽查' }),
    agencyIds: Type.Array(AgencyId('被检查机关'), { title: '检查范围', minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const PlanListQuery = Type.Object({
  status: Type.Optional(PlanStatusSchema),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 })),
  ...Paging,
});

export const PlanAgency = Type.Object({ id: Type.Integer(), name: Type.String() });

export const PlanView = Type.Object({
  id: Type.Integer(),
  organizer: PlanAgency,
  kind: InspectionKindSchema,
  kindLabel: Type.String(),
  title: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  regular: Type.Boolean(),
  mutual: Type.Boolean(),
  sampling: Type.Boolean(),
  /** 定期/不定期 · 自查/互查 · 抽查/普查 in words */
  attributesLabel: Type.String(),
  status: PlanStatusSchema,
  statusLabel: Type.String(),
  summary: Nullable(Type.String()),
  agencies: Type.Array(PlanAgency),
  findingCount: Type.Integer(),
  createdAt: Type.String(),
  concludedAt: Nullable(Type.String()),
  concludedBy: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
});
export type PlanView = Static<typeof PlanView>;

export const PlanListResponse = Type.Object({
  items: Type.Array(PlanView),
  total: Type.Integer(),
  /** agencies for which the actor may organize a plan, by kind (what the create form offers) */
  canCreate: Type.Object({
    self: Type.Array(PlanAgency),
    supervision: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), supervised: Type.Array(PlanAgency) }),
    ),
  }),
});

export const EvidenceView = Type.Object({
  kind: EvidenceKindSchema,
  kindLabel: Type.String(),
  ref: Type.String(),
  note: Nullable(Type.String()),
  /** staff-app path or the URL itself */
  href: Type.String(),
});

export const EvidenceFileView = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String(),
  /** API path of the download */
  href: Type.String(),
});

export const UploadEvidenceBody = Type.Object(
  {
    filename: Type.String({ title: '文件名', minLength: 1, maxLength: 200 }),
    contentBase64: Type.String({ title: '文件内容', minLength: 4, maxLength: 7_500_000 }),
  },
  { additionalProperties: false },
);

export const FindingFileParams = Type.Object({
  id: Type.Integer({ title: '问题编号', minimum: 1, maximum: 2_147_483_647 }),
  fileId: Type.Integer({ title: '文件编号', minimum: 1, maximum: 2_147_483_647 }),
});

export const ReportView = Type.Object({
  id: Type.Integer(),
  round: Type.Integer(),
  body: Type.String(),
  submittedOn: Type.String(),
  submittedBy: Nullable(Type.String()),
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('returned'), Type.Null()]),
  decisionNote: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
});

export const RectificationView = Type.Object({
  id: Type.Integer(),
  findingId: Type.Integer(),
  planId: Type.Integer(),
  owner: PlanAgency,
  requirement: Type.String(),
  orderedOn: Type.String(),
  workingDays: Type.Integer(),
  dueOn: Type.String(),
  status: RectificationStatusSchema,
  statusLabel: Type.String(),
  overdue: Type.Boolean(),
  acceptedOn: Nullable(Type.String()),
});

export const FindingView = Type.Object({
  id: Type.Integer(),
  agency: PlanAgency,
  checkPoint: Type.String(),
  checkPointLabel: Type.String(),
  description: Type.String(),
  evidence: Type.Array(EvidenceView),
  recordedAt: Type.String(),
  recordedBy: Nullable(Type.String()),
  rectification: Type.Union([RectificationView, Type.Null()]),
  files: Type.Array(EvidenceFileView),
});

export const PlanActionSchema = Type.Union([
  Type.Literal('record_finding'),
  Type.Literal('conclude'),
  Type.Literal('reopen'),
  Type.Literal('publish'),
]);

export const PlanDetailResponse = Type.Object({
  plan: PlanView,
  findings: Type.Array(FindingView),
  reports: Type.Array(Type.Intersect([ReportView, Type.Object({ rectificationId: Type.Integer() })])),
  actions: Type.Array(PlanActionSchema),
});
export type PlanDetailResponse = Static<typeof PlanDetailResponse>;

export const FindingBody = Type.Object(
  {
    agencyId: AgencyId('被检查机关'),
    checkPoint: Type.String({ title: '检查要点', minLength: 1, maxLength: 64 }),
    description: Type.String({ title: '发现的问题', minLength: 1, maxLength: 5000 }),
    evidence: Type.Optional(
      Type.Array(
        Type.Object(
          {
            kind: EvidenceKindSchema,
            ref: Type.String({ title: '证据', minLength: 1, maxLength: 2000 }),
            note: Type.Optional(Nullable(Type.String({ title: '证据说明', maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        { title: '证据', maxItems: 50 },
      ),
    ),
    requirement: Type.String({ title: '整改要求', minLength: 1, maxLength: 5000 }),
    workingDays: WorkingDays('整改期限（工作日）'),
  },
  { additionalProperties: false },
);
export type FindingBody = Static<typeof FindingBody>;

export const FindingResponse = Type.Object({ finding: FindingView });

export const ConcludeBody = Type.Object(
  { summary: Type.String({ title: '检查情况通报', minLength: 1, maxLength: 20000 }) },
  { additionalProperties: false },
);

export const RectificationActionSchema = Type.Union([
  Type.Literal('submit_report'),
  Type.Literal('accept'),
  Type.Literal('return'),
]);

export const RectificationListQuery = Type.Object({
  scope: Type.Optional(
    Type.Union([Type.Literal('own'), Type.Literal('supervised')], { title: '范围', default: 'own' }),
  ),
  status: Type.Optional(RectificationStatusSchema),
  overdue: Type.Optional(Type.Boolean({ title: '只看逾期' })),
  agencyId: Type.Optional(AgencyId('机关')),
  ...Paging,
});

export const RectificationEntry = Type.Object({
  rectification: RectificationView,
  plan: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    kindLabel: Type.String(),
    organizer: PlanAgency,
  }),
  checkPointLabel: Type.String(),
  description: Type.String(),
});

export const RectificationListResponse = Type.Object({
  items: Type.Array(RectificationEntry),
  total: Type.Integer(),
});

export const OverdueResponse = Type.Object({
  items: Type.Array(RectificationEntry),
  total: Type.Integer(),
  /** per agency: how many of its tasks are overdue */
  byAgency: Type.Array(Type.Object({ agency: PlanAgency, overdue: Type.Integer() })),
});

export const RectificationDetailResponse = Type.Object({
  rectification: RectificationView,
  plan: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    kindLabel: Type.String(),
    organizer: PlanAgency,
  }),
  finding: FindingView,
  reports: Type.Array(ReportView),
  actions: Type.Array(RectificationActionSchema),
});
export type RectificationDetailResponse = Static<typeof RectificationDetailResponse>;

export const ReportBody = Type.Object(
  { body: Type.String({ title: '整改报告', minLength: 1, maxLength: 20000 }) },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('return')], { title: '验收结论' }),
    note: Type.Optional(Nullable(Type.String({ title: '验收意见', maxLength: 5000 }))),
    workingDays: Type.Optional(WorkingDays('重新整改期限（工作日）')),
  },
  { additionalProperties: false },
);
