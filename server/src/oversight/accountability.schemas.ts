/** Request/response schemas of the accountability routes (validator + type + OpenAPI). */
import { Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import {
  CASE_SOURCES,
  CASE_STATUSES,
  DECISION_MODES,
  LINKED_TYPES,
  PERSON_ROLES,
  REVIEW_OUTCOMES,
  SANCTION_CODES,
  SEVERITIES,
  VIOLATION_CODES,
} from './accountability.ts';

const lit = <T extends string>(xs: readonly T[], title: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    { title },
  );
const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2_147_483_647 });
const Text = (title: string, maxLength = 4000) => Type.String({ title, maxLength });
const Sanctions = (title: string) => Type.Array(lit(SANCTION_CODES, title), { title, maxItems: 10 });

export const CaseQuery = Type.Object({
  status: Type.Optional(lit(CASE_STATUSES, '状态')),
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const OpenCaseBody = Type.Object(
  {
    supervisorAgencyId: Id('监督机关'),
    agencyId: Id('被监督机关'),
    title: Text('案由', 200),
    source: lit(CASE_SOURCES, '立案来源'),
    sourceId: Type.Optional(Type.Union([Id('来源编号'), Type.Null()])),
    linkedType: Type.Optional(Type.Union([lit(LINKED_TYPES, '涉及的记录类型'), Type.Null()])),
    linkedId: Type.Optional(Type.Union([Id('涉及的记录'), Type.Null()])),
    violations: Type.Array(lit(VIOLATION_CODES, '违规情形'), {
      title: '违规情形',
      minItems: 1,
      maxItems: 16,
    }),
    facts: Text('违规事实'),
    againstUnit: Type.Boolean({ title: '追究单位责任' }),
    persons: Type.Array(
      Type.Object(
        { userId: Id('被问责人'), role: lit(PERSON_ROLES, '在行为中的角色') },
        { additionalProperties: false },
      ),
      { title: '被问责人', maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const StatementBody = Type.Object(
  { personId: Id('被问责人'), statement: Text('陈述和申辩') },
  { additionalProperties: false },
);

const PersonSanctions = Type.Array(
  Type.Object(
    { personId: Id('被问责人'), sanctions: Sanctions('对个人的处理') },
    { additionalProperties: false },
  ),
  { title: '对个人的处理', maxItems: 20 },
);

export const DecisionBody = Type.Object(
  {
    decisionMode: lit(DECISION_MODES, '行为的决定方式'),
    severity: lit(SEVERITIES, '情节'),
    persons: PersonSanctions,
    unitSanctions: Sanctions('对单位的处理'),
    decisionText: Text('决定内容'),
    deliveredOn: IsoDate('送达日期'),
  },
  { additionalProperties: false },
);

export const ReviewRequestBody = Type.Object({ reason: Text('复核理由') }, { additionalProperties: false });

export const ReviewDecisionBody = Type.Object(
  {
    outcome: lit(REVIEW_OUTCOMES, '复核结论'),
    note: Text('复核意见'),
    decisionText: Type.Optional(Text('纠正后的决定')),
    persons: Type.Optional(PersonSanctions),
  },
  { additionalProperties: false },
);

export const CloseBody = Type.Object(
  { rectificationReport: Type.Optional(Type.Union([Text('书面整改报告'), Type.Null()])) },
  { additionalProperties: false },
);

const Coded = Type.Object({ code: Type.String(), label: Type.String(), basis: Type.String() });
const Named = Type.Object({ code: Type.String(), label: Type.String() });

export const CasePerson = Type.Object({
  id: Type.Integer(),
  userId: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  statement: Nullable(Type.String()),
  statementOn: Nullable(Type.String()),
  share: Nullable(Type.String()),
  shareLabel: Nullable(Type.String()),
  shareBasis: Nullable(Type.String()),
  sanctions: Type.Array(Named),
});

export const CaseSummary = Type.Object({
  id: Type.Integer(),
  caseNo: Type.String(),
  title: Type.String(),
  supervisorAgencyId: Type.Integer(),
  supervisorAgencyName: Type.String(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  source: Type.String(),
  sourceLabel: Type.String(),
  persons: Type.Array(Type.String()),
  decidedOn: Nullable(Type.String()),
  reviewDueOn: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const CaseListResponse = Type.Object({
  items: Type.Array(CaseSummary),
  total: Type.Integer(),
  /** supervising agencies on whose behalf the actor may open cases */
  offices: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      agencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
    }),
  ),
});

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  sourceId: Nullable(Type.Integer()),
  linkedType: Nullable(Type.String()),
  linkedId: Nullable(Type.Integer()),
  violations: Type.Array(Coded),
  facts: Type.String(),
  againstUnit: Type.Boolean(),
  trail: Type.Union([
    Type.Object({
      drafterUserId: Nullable(Type.Integer()),
      drafterLabel: Nullable(Type.String()),
      approverUserId: Nullable(Type.Integer()),
      approverLabel: Nullable(Type.String()),
      suggestedMode: Type.String(),
    }),
    Type.Null(),
  ]),
  decisionMode: Nullable(Type.String()),
  decisionModeLabel: Nullable(Type.String()),
  severity: Nullable(Type.String()),
  severityLabel: Nullable(Type.String()),
  unitSanctions: Type.Array(Named),
  decisionText: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  deliveredOn: Nullable(Type.String()),
  /** the decision applies (also during review, 《区督查问责办法》第十三条) */
  inForce: Type.Boolean(),
  reviewRequestedOn: Nullable(Type.String()),
  reviewReason: Nullable(Type.String()),
  reviewOutcome: Nullable(Type.String()),
  reviewOutcomeLabel: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewedOn: Nullable(Type.String()),
  rectificationReport: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  persons: Type.Array(CasePerson),
  /** the actor's own person row in the case, if they are concerned */
  myPersonId: Nullable(Type.Integer()),
  permissions: Type.Object({
    investigate: Type.Boolean(),
    recordStatement: Type.Boolean(),
    decide: Type.Boolean(),
    requestReview: Type.Boolean(),
    decideReview: Type.Boolean(),
    close: Type.Boolean(),
    downloadLetter: Type.Boolean(),
  }),
});

export const CatalogResponse = Type.Object({
  violations: Type.Array(
    Type.Object({ code: Type.String(), level: Type.String(), label: Type.String(), basis: Type.String() }),
  ),
  sanctions: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      severity: Type.String(),
      applies: Type.String(),
    }),
  ),
  severities: Type.Array(Named),
  decisionModes: Type.Array(Named),
  personRoles: Type.Array(Named),
  reviewOutcomes: Type.Array(Named),
  reviewRequestDays: Type.Integer(),
  statute: Type.String(),
});

export const PrefillQuery = Type.Object({
  linkedType: lit(LINKED_TYPES, '涉及的记录类型'),
  linkedId: Id('涉及的记录'),
  agencyId: Id('被监督机关'),
  supervisorAgencyId: Id('监督机关'),
});

export const CandidatesQuery = Type.Object({
  supervisorAgencyId: Id('监督机关'),
  agencyId: Id('被监督机关'),
});

export const CandidatesResponse = Type.Object({
  items: Type.Array(
    Type.Object({ userId: Type.Integer(), name: Type.String(), roles: Type.Array(Type.String()) }),
  ),
});
