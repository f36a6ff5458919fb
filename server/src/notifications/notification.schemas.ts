/** Request/response schemas of the notification routes (validator + type + OpenAPI). */
import { Type } from 'typebox';
import { Nullable } from '../shared/schema.ts';

const Paging = {
  limit: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ title: '起始位置', minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const InboxQuery = Type.Object({
  unreadOnly: Type.Optional(Type.Boolean({ title: '只看未读' })),
  ...Paging,
});

export const InboxItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Integer(),
  agencyId: Nullable(Type.Integer()),
  /** the staff SPA path, e.g. /admin/requests/12 */
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const InboxResponse = Type.Object({
  items: Type.Array(InboxItem),
  total: Type.Integer(),
  unread: Type.Integer(),
});

export const OutboxQuery = Type.Object({
  state: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')], {
      title: '发送状态',
    }),
  ),
  channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('sms')], { title: '渠道' })),
  ...Paging,
});

export const OutboxItem = Type.Object({
  id: Type.Integer(),
  channel: Type.String(),
  channelLabel: Type.String(),
  recipient: Type.String(),
  title: Type.String(),
  body: Type.String(),
  agencyId: Nullable(Type.Integer()),
  agencyName: Nullable(Type.String()),
  state: Type.String(),
  stateLabel: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  link: Nullable(Type.String()),
});

export const OutboxResponse = Type.Object({
  items: Type.Array(OutboxItem),
  total: Type.Integer(),
  counts: Type.Object({
    pending: Type.Integer(),
    sent: Type.Integer(),
    failed: Type.Integer(),
  }),
  /** where the file outbox writes when no SMTP server / SMS gateway is configured */
  transports: Type.Object({ email: Type.String(), sms: Type.String() }),
});
