/** Request/response schemas of the press conference routes (validator + type + OpenAPI). */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../shared/schema.ts';
import { PRESS_EVENT_KINDS, PRESS_EVENT_STATUSES, QUESTION_MODERATIONS } from './press-event.ts';

const lit = <T extends readonly string[]>(values: T, title: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { title },
  ) as unknown as ReturnType<typeof Type.String>;

const Text = (title: string, maxLength: number, minLength = 0) =>
  Type.String({ title, maxLength, minLength, ...(minLength > 0 ? { pattern: '\\S' } : {}) });
const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2_147_483_647 });

export const PressKindSchema = lit(PRESS_EVENT_KINDS, '形式');
export const PressStatusSchema = lit(PRESS_EVENT_STATUSES, '状态');
export const QuestionModerationSchema = lit(QUESTION_MODERATIONS, '审核结果');

export const PressListQuery = Type.Object({
  agencyId: Type.Optional(Id('机关')),
  status: Type.Optional(PressStatusSchema),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const SpeakerSchema = Type.Object(
  { name: Text('发布人姓名', 50, 1), title: Text('发布人职务', 100, 1) },
  { additionalProperties: false },
);

const inputFields = {
  kind: PressKindSchema,
  topic: Text('主题', 200, 1),
  description: Type.Optional(Text('简介', 10_000)),
  eventDate: IsoDate('举办日期'),
  startTime: Type.String({ title: '开始时间', pattern: '^\\d{2}:\\d{2}$', description: 'HH:mm' }),
  place: Type.Optional(Nullable(Text('地点', 200))),
  onlineUrl: Type.Optional(Nullable(Text('在线访谈链接', 500))),
  speakers: Type.Array(SpeakerSchema, { title: '发布人', minItems: 1, maxItems: 20 }),
};

export const PressCreateBody = Type.Object(
  { agencyId: Id('机关'), ...inputFields },
  { additionalProperties: false },
);
export const PressUpdateBody = Type.Object(inputFields, { additionalProperties: false });

export const PressSummaryBody = Type.Object(
  { summaryText: Text('实录或摘要', 200_000, 1) },
  { additionalProperties: false },
);
export const PressCancelBody = Type.Object(
  { reason: Text('取消原因', 1000, 1) },
  { additionalProperties: false },
);

export const PressQuestionParams = Type.Object({ id: Id('编号'), questionId: Id('问题编号') });
export const PressModerationBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')], { title: '审核结果' }),
    reason: Type.Optional(Nullable(Text('理由', 1000))),
  },
  { additionalProperties: false },
);

export const PressTargetQuery = Type.Object({
  agencyId: Id('机关'),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
});
export const PressTarget = Type.Object({
  agencyId: Type.Integer(),
  year: Type.Integer(),
  target: Type.Integer({ description: '规则配置 pressEventsPerYear' }),
  held: Type.Integer({ description: '本年已举办场次' }),
  elapsedQuarters: Type.Integer(),
  expectedByNow: Type.Integer({ description: '按已过季度折算应举办场次' }),
  behind: Type.Boolean(),
});
export type PressTargetView = Static<typeof PressTarget>;

const Speaker = Type.Object({ name: Type.String(), title: Type.String() });

export const PressListItem = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  kind: PressKindSchema,
  kindLabel: Type.String(),
  topic: Type.String(),
  eventDate: Type.String(),
  startTime: Type.String(),
  status: PressStatusSchema,
  statusLabel: Type.String(),
  speakers: Type.Array(Speaker),
  questions: Type.Integer(),
  pendingQuestions: Type.Integer(),
});
export type PressListItemView = Static<typeof PressListItem>;

export const PressListResponse = Type.Object({
  items: Type.Array(PressListItem),
  total: Type.Integer(),
  creatableAgencies: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

export const PressQuestion = Type.Object({
  id: Type.Integer(),
  body: Type.String(),
  authorName: Type.String(),
  authorContact: Type.String(),
  receivedOn: Type.String(),
  moderation: QuestionModerationSchema,
  moderationLabel: Type.String(),
  moderationReason: Nullable(Type.String()),
});
export type PressQuestionView = Static<typeof PressQuestion>;

export const PressDetail = Type.Object({
  ...PressListItem.properties,
  description: Type.String(),
  place: Nullable(Type.String()),
  onlineUrl: Nullable(Type.String()),
  announcedAt: Nullable(Type.String()),
  heldAt: Nullable(Type.String()),
  summaryText: Nullable(Type.String()),
  summaryPublishedAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  acceptsQuestions: Type.Boolean(),
  publicUrl: Nullable(Type.String()),
  questionList: Type.Array(PressQuestion),
  permissions: Type.Object({
    edit: Type.Boolean(),
    moderate: Type.Boolean(),
    seesPersonalData: Type.Boolean(),
    announce: Type.Boolean(),
    hold: Type.Boolean(),
    publishSummary: Type.Boolean(),
    cancel: Type.Boolean(),
  }),
});
export type PressDetailView = Static<typeof PressDetail>;
