/** Staff routes of contacts (留言、来信来访、投诉举报、评议): list, register, detail and each step. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { scopeWithRole } from '../access/access.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { presentContactDetail, presentContactSummary } from './contact.presenter.ts';
import {
  AssignBody,
  ContactDetail,
  ContactListQuery,
  ContactListResponse,
  RegisterContactBody,
  ReplyBody,
  ReturnBody,
  TransferBody,
} from './contact.schemas.ts';
import {
  approveReply,
  assignContact,
  closeContact,
  contactAsHandedOver,
  contactForStaff,
  draftReply,
  listContacts,
  registerContact,
  returnReply,
  type StaffCtx,
  today,
  transferContact,
} from './contact.service.ts';

const TAG = ['留言咨询投诉'];

export function contactsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const detail = async (ctx: StaffCtx, id: number) => {
      const d = await contactForStaff(deps, ctx.actor, id);
      return presentContactDetail(
        d.row,
        d.transfers,
        await agencyDirectory(deps),
        d.personalData,
        d.actions,
        today(deps),
      );
    };
    const ctxOf = (req: Parameters<typeof staffOf>[0]): StaffCtx => ({
      actor: staffOf(req).actor,
      ip: clientIp(req),
    });

    app.get(
      '/api/v1/admin/contacts',
      {
        schema: {
          tags: TAG,
          summary: '留言、来信来访、投诉举报和评议列表（含逾期标记）',
          querystring: ContactListQuery,
          response: { 200: ContactListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await listContacts(deps, actor, {
          ...req.query,
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        const dir = await agencyDirectory(deps);
        const t = today(deps);
        const office = scopeWithRole(actor, dir, ['disclosure_office']);
        return {
          items: r.rows.map((x) => presentContactSummary(x.row, dir, x.personalData, t)),
          total: r.total,
          canRegister: office !== 'all' && office.size > 0,
        };
      },
    );

    app.post(
      '/api/v1/admin/contacts',
      {
        schema: {
          tags: TAG,
          summary: '登记来信、来电、来访或电子邮件',
          body: RegisterContactBody,
          response: { 201: ContactDetail, ...errorResponses },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const b = req.body;
        const row = await inTransaction(deps, (tx) =>
          registerContact(deps, tx, ctx, {
            agencyId: b.agencyId,
            unitId: b.unitId ?? null,
            kind: b.kind,
            channel: b.channel,
            subject: b.subject,
            body: b.body,
            senderName: b.senderName ?? null,
            senderContact: b.senderContact ?? null,
            publishConsent: b.publishConsent ?? false,
            scores: {
              content: b.scoreContent,
              form: b.scoreForm,
              system: b.scoreSystem,
              effect: b.scoreEffect,
            },
            submittedOn: b.submittedOn,
            signedForOn: b.signedForOn ?? null,
            confirmedOn: b.confirmedOn ?? null,
          }),
        );
        reply.code(201);
        return detail(ctx, row.id);
      },
    );

    app.get(
      '/api/v1/admin/contacts/:id',
      {
        schema: {
          tags: TAG,
          summary: '留言详情（含可执行的操作）',
          params: IdParams,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => detail(ctxOf(req), req.params.id),
    );

    app.post(
      '/api/v1/admin/contacts/:id/assign',
      {
        schema: {
          tags: TAG,
          summary: '分办到本机关内设机构',
          params: IdParams,
          body: AssignBody,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) => assignContact(deps, tx, ctx, req.params.id, req.body.unitId));
        return detail(ctx, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/contacts/:id/transfer',
      {
        schema: {
          tags: TAG,
          summary: '转办到其他机关（写明理由；承办机关自收到之日起重新计算期限）',
          params: IdParams,
          body: TransferBody,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) =>
          transferContact(deps, tx, ctx, req.params.id, req.body.toAgencyId, req.body.reason),
        );
        // the transferring office keeps no read right over the receiving agency: it gets the record
        // as handed over, masked and without actions
        const d = await contactAsHandedOver(deps, ctx.actor, req.params.id);
        return presentContactDetail(
          d.row,
          d.transfers,
          await agencyDirectory(deps),
          d.personalData,
          d.actions,
          today(deps),
        );
      },
    );

    app.post(
      '/api/v1/admin/contacts/:id/reply',
      {
        schema: {
          tags: TAG,
          summary: '承办单位拟写答复（提交政务公开工作机构审核）',
          params: IdParams,
          body: ReplyBody,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) =>
          draftReply(deps, tx, ctx, req.params.id, {
            text: req.body.text,
            outcome: req.body.outcome ?? null,
          }),
        );
        return detail(ctx, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/contacts/:id/approve',
      {
        schema: {
          tags: TAG,
          summary: '审核通过答复（拟稿人本人不能审核）',
          params: IdParams,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) => approveReply(deps, tx, ctx, req.params.id));
        return detail(ctx, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/contacts/:id/return',
      {
        schema: {
          tags: TAG,
          summary: '退回答复重新拟写',
          params: IdParams,
          body: ReturnBody,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) => returnReply(deps, tx, ctx, req.params.id, req.body.reason));
        return detail(ctx, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/contacts/:id/close',
      {
        schema: {
          tags: TAG,
          summary: '办结（已答复的留言）',
          params: IdParams,
          response: { 200: ContactDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await inTransaction(deps, (tx) => closeContact(deps, tx, ctx, req.params.id));
        return detail(ctx, req.params.id);
      },
    );
  };
}
