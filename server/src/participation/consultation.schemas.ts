/** Request/response schemas of the consultation routes (validator + type + OpenAPI). */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import { ADOPTIONS, CHANNELS, CONSULTATION_KINDS, CONSULTATION_STATUSES } from './consultation.ts';

const lit = <T extends readonly string[]>(values: T, title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  ) as unknown as ReturnType<typeof Type.String>;

const Text = (title: string, maxLength: number, minLength = 0) =>
  Type.String({ title, maxLength, minLength, ...(minLength > 0 ? { pattern: '\\S' } : {}) });

export const KindSchema = lit(CONSULTATION_KINDS, '文件类型');
export const ChannelSchema = lit(CHANNELS, '渠道');
export const AdoptionSchema = lit(ADOPTIONS, '采纳情况');
export const StatusSchema = lit(CONSULTATION_STATUSES, '状态');

const Paging = {
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const ListQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1, maximum: 2_147_483_647 })),
  status: Type.Optional(StatusSchema),
  ...Paging,
});

const inputFields = {
  kind: KindSchema,
  title: Text('标题', 200, 1),
  draftText: Text('草案全文', 200_000, 1),
  explanation: Text('起草说明', 50_000, 1),
  startsOn: IsoDate('开始日期'),
  endsOn: IsoDate('截止日期'),
  shortReason: Type.Optional(Nullable(Text('缩短期限的理由', 2000))),
  channels: Type.Array(ChannelSchema, { title: '意见提交渠道', minItems: 1, maxItems: 5, uniqueItems: true }),
  contactEmail: Type.Optional(Nullable(Text('意见接收邮箱', 200))),
  contactAddress: Type.Optional(Nullable(Text('意见接收地址', 500))),
};

export const CreateBody = Type.Object(
  { agencyId: Type.Integer({ title: '机关', minimum: 1, maximum: 2_147_483_647 }), ...inputFields },
  { additionalProperties: false },
);
export const UpdateBody = Type.Object(inputFields, { additionalProperties: false });

export const SummaryBody = Type.Object(
  { summaryText: Text('采纳情况说明', 50_000, 1) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object(
  { itemId: Nullable(Type.Integer({ title: '通过的文件', minimum: 1, maximum: 2_147_483_647 })) },
  { additionalProperties: false },
);

export const StaffCommentBody = Type.Object(
  {
    channel: ChannelSchema,
    receivedOn: IsoDate('收到日期'),
    articleId: Type.Optional(
      Nullable(Type.Integer({ title: '针对的条款', minimum: 1, maximum: 2_147_483_647 })),
    ),
    body: Text('意见内容', 5000, 1),
    name: Type.Optional(Nullable(Text('姓名', 50))),
    contact: Type.Optional(Nullable(Text('联系方式', 100))),
    displayName: Type.Optional(Nullable(Text('公开显示的称呼', 30))),
  },
  { additionalProperties: false },
);

export const CommentParams = Type.Object({
  id: Type.Integer({ title: '编号', minimum: 1, maximum: 2_147_483_647 }),
  commentId: Type.Integer({ title: '意见编号', minimum: 1, maximum: 2_147_483_647 }),
});

export const ModerationBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('published'), Type.Literal('withheld'), Type.Literal('rejected')], {
      title: '审核结果',
    }),
    reason: Type.Optional(Nullable(Text('理由', 1000))),
  },
  { additionalProperties: false },
);

const CommentIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
  title: '意见',
  minItems: 1,
  maxItems: 500,
});

export const LedgerBody = Type.Object(
  { commentIds: CommentIds, adoption: AdoptionSchema, reason: Type.Optional(Nullable(Text('理由', 2000))) },
  { additionalProperties: false },
);

export const GroupBody = Type.Object(
  {
    commentIds: CommentIds,
    /** an existing group; or `title` for a new one; neither: ungroup */
    groupId: Type.Optional(Nullable(Type.Integer({ title: '意见分组', minimum: 1, maximum: 2_147_483_647 }))),
    title: Type.Optional(Nullable(Text('分组名称', 200))),
  },
  { additionalProperties: false },
);

export const RulesQuery = Type.Object({
  agencyId: Type.Integer({ title: '机关', minimum: 1, maximum: 2_147_483_647 }),
});

export const OverdueQuery = Type.Object({
  agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1, maximum: 2_147_483_647 })),
});

// ------------------------------------------------------------------ responses

const Counts = Type.Object({
  received: Type.Integer(),
  rejected: Type.Integer(),
  considered: Type.Integer(),
  adopted: Type.Integer(),
  partlyAdopted: Type.Integer(),
  notAdopted: Type.Integer(),
  undecided: Type.Integer(),
  items: Type.Integer(),
});

export const ListItem = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.String(),
  phase: Type.String(),
  phaseLabel: Type.String(),
  commentCount: Type.Integer(),
  pendingCount: Type.Integer(),
  summaryPublishedAt: Nullable(Type.String()),
});

export const ListResponse = Type.Object({
  items: Type.Array(ListItem),
  total: Type.Integer(),
  /** agencies where the actor may create consultations */
  creatableAgencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

const Article = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  label: Type.String(),
  heading: Nullable(Type.String()),
  body: Type.String(),
});

export const StaffComment = Type.Object({
  id: Type.Integer(),
  articleId: Nullable(Type.Integer()),
  articleLabel: Nullable(Type.String()),
  channel: Type.String(),
  channelLabel: Type.String(),
  body: Type.String(),
  /** masked for a supervising office */
  authorName: Nullable(Type.String()),
  authorContact: Nullable(Type.String()),
  displayName: Nullable(Type.String()),
  receivedOn: Type.String(),
  moderation: Type.String(),
  moderationLabel: Type.String(),
  moderationReason: Nullable(Type.String()),
  adoption: Nullable(Type.String()),
  adoptionLabel: Nullable(Type.String()),
  adoptionReason: Nullable(Type.String()),
  groupId: Nullable(Type.Integer()),
  enteredByStaff: Type.Boolean(),
});

const Period = Type.Object({
  length: Type.Integer(),
  unit: Type.String(),
  minimum: Type.Integer(),
  basis: Nullable(Type.String()),
  short: Type.Boolean(),
});

export const Detail = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  agencyCode: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  draftText: Type.String(),
  preamble: Type.String(),
  explanation: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  shortReason: Nullable(Type.String()),
  channels: Type.Array(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactAddress: Nullable(Type.String()),
  status: Type.String(),
  statusLabel: Type.String(),
  phase: Type.String(),
  phaseLabel: Type.String(),
  ruleText: Nullable(Type.String()),
  period: Type.Union([Period, Type.Null()]),
  closedOn: Nullable(Type.String()),
  summaryText: Nullable(Type.String()),
  summaryPublishedAt: Nullable(Type.String()),
  summaryDueOn: Nullable(Type.String()),
  summaryOverdue: Type.Boolean(),
  decisionItemId: Nullable(Type.Integer()),
  counts: Counts,
  articles: Type.Array(Article),
  comments: Type.Array(StaffComment),
  groups: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), size: Type.Integer() })),
  portalUrl: Nullable(Type.String()),
  permissions: Type.Object({
    edit: Type.Boolean(),
    open: Type.Boolean(),
    close: Type.Boolean(),
    moderate: Type.Boolean(),
    enterComments: Type.Boolean(),
    decide: Type.Boolean(),
    publishSummary: Type.Boolean(),
    linkDecision: Type.Boolean(),
    seesPersonalData: Type.Boolean(),
  }),
});

export const RulesResponse = Type.Object({
  consultationMajorDecisionDays: Type.Integer(),
  consultationNormativeWorkingDays: Type.Integer(),
  consultationSummaryDays: Type.Integer(),
  majorDecisionRule: Type.String(),
  normativeRule: Type.String(),
});

export const OverdueResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      consultationId: Type.Integer(),
      agencyId: Type.Integer(),
      title: Type.String(),
      endedOn: Type.String(),
      summaryDueOn: Type.String(),
    }),
  ),
});

export type DetailView = Static<typeof Detail>;
export type ListItemView = Static<typeof ListItem>;
export type StaffCommentView = Static<typeof StaffComment>;
