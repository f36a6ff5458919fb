/** Staff routes: my in-app notifications (通知), and the outbox (发件箱) for system administrators. */
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { presentInboxItem, presentOutboxItem } from './notification.presenter.ts';
import {
  InboxQuery,
  InboxResponse,
  OutboxItem,
  OutboxQuery,
  OutboxResponse,
} from './notification.schemas.ts';
import { inbox, markAllRead, markRead, outbox, retry } from './notification.service.ts';

const TAG = ['通知'];

export function notificationsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/notifications',
      {
        schema: {
          tags: TAG,
          summary: '我的站内通知（含未读数）',
          querystring: InboxQuery,
          response: { 200: InboxResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await inbox(deps, actor, {
          unreadOnly: req.query.unreadOnly ?? false,
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        return { items: r.rows.map(presentInboxItem), total: r.total, unread: r.unread };
      },
    );

    app.post(
      '/api/v1/admin/notifications/:id/read',
      {
        schema: {
          tags: TAG,
          summary: '标记一条通知为已读（只能是本人的通知）',
          params: IdParams,
          response: { 200: Type.Object({ unread: Type.Integer() }), ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) => markRead(deps, tx, actor, req.params.id));
        const r = await inbox(deps, actor, { unreadOnly: true, limit: 1, offset: 0 });
        return { unread: r.unread };
      },
    );

    app.post(
      '/api/v1/admin/notifications/read-all',
      {
        schema: {
          tags: TAG,
          summary: '全部标记为已读',
          response: {
            200: Type.Object({ updated: Type.Integer(), unread: Type.Integer() }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const updated = await inTransaction(deps, (tx) => markAllRead(deps, tx, actor));
        return { updated, unread: 0 };
      },
    );

    app.get(
      '/api/v1/admin/notifications/outbox',
      {
        schema: {
          tags: TAG,
          summary: '发件箱：邮件和短信的发送状态（平台管理员）',
          querystring: OutboxQuery,
          response: { 200: OutboxResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await outbox(deps, actor, {
          state: req.query.state,
          channel: req.query.channel,
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        const dir = await agencyDirectory(deps);
        const c = deps.config;
        return {
          items: r.rows.map((row) => presentOutboxItem(row, dir)),
          total: r.total,
          counts: { pending: r.counts.pending ?? 0, sent: r.counts.sent ?? 0, failed: r.counts.failed ?? 0 },
          transports: {
            email:
              c.mail.transport === 'smtp'
                ? `SMTP（${new URL(c.mail.smtpUrl ?? 'smtp://-').host}）`
                : `文件发件箱 ${path.join(c.dataDir, 'outbox', 'email')}`,
            sms:
              c.sms.transport === 'http'
                ? `短信网关（${new URL(c.sms.gatewayUrl ?? 'http://-').host}）`
                : `文件发件箱 ${path.join(c.dataDir, 'outbox', 'sms')}`,
          },
        };
      },
    );

    app.post(
      '/api/v1/admin/notifications/outbox/:id/retry',
      {
        schema: {
          tags: TAG,
          summary: '重新发送一条发送失败的邮件或短信（平台管理员）',
          params: IdParams,
          response: { 200: OutboxItem, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          retry(deps, tx, { actor, ip: clientIp(req) }, req.params.id),
        );
        return presentOutboxItem(row, await agencyDirectory(deps));
      },
    );
  };
}
