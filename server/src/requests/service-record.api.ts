/**
 * Staff JSON routes of serving the letters (送达; service-record.service.ts): the case's service view
 * with the appeal periods, and one route per recorded step. Registered next to request.api.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { applicantNoticeApi } from './applicant-notice.api.ts';
import { appealsWithPeriods } from './appeal.service.ts';
import { DELIVERY_METHOD_LABELS, type DeliveryMethod } from './application.ts';
import { LetterParams } from './request.schemas.ts';
import { presentServiceRecord } from './service-record.presenter.ts';
import {
  CaseServiceView,
  CollectionBody,
  PostingBody,
  ReceiptBody,
  ReceivedBody,
  RecordParams,
  ReturnedBody,
  ServiceRecordView,
} from './service-record.schemas.ts';
import {
  attachServiceReceipt,
  recordCollection,
  recordPostReceipt,
  recordPostReturned,
  recordPosting,
  serviceView,
} from './service-record.service.ts';

const TAG = ['依申请公开'];

export function serviceRecordsAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(applicantNoticeApi(deps));
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });
    const recordResponse = { 200: ServiceRecordView, ...errorResponses };

    app.get(
      '/api/v1/admin/requests/:id/service',
      {
        schema: {
          tags: TAG,
          summary: '送达记录：各文书的送达方式、送达日期和凭证，以及自送达之日起算的行政复议、行政诉讼期限',
          params: IdParams,
          response: { 200: CaseServiceView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const v = await serviceView(deps, deps.db, actor, req.params.id);
        return {
          deliveryMethod: v.app.deliveryMethod,
          deliveryMethodLabel:
            DELIVERY_METHOD_LABELS[v.app.deliveryMethod as DeliveryMethod] ?? v.app.deliveryMethod,
          serviceDays: v.rules.serviceDays,
          canRecord: v.canRecord,
          letters: v.letters.map((x) => ({
            letterId: x.letter.id,
            kind: x.letter.kind,
            title: x.letter.title,
            issuedOn: x.letter.issuedOn,
            servedOn: x.servedOn,
            dueOn: x.dueOn,
            overdue: x.overdue,
            canStart: x.canStart,
            records: x.records.map(presentServiceRecord),
          })),
          periods:
            v.periods && v.letterId !== null
              ? {
                  letterId: v.letterId,
                  servedOn: v.periods.servedOn,
                  reconsiderationDays: v.rules.reconsiderationDays,
                  litigationMonths: v.rules.litigationMonths,
                  reconsideration: v.periods.reconsideration,
                  litigation: v.periods.litigation,
                }
              : null,
          appeals: await appealsWithPeriods(deps, deps.db, v.app),
        };
      },
    );

    app.post(
      '/api/v1/admin/requests/:id/letters/:letterId/service/collection',
      {
        schema: {
          tags: TAG,
          summary: '登记当面领取（领取日期即送达日期）',
          params: LetterParams,
          body: CollectionBody,
          response: recordResponse,
        },
      },
      async (req) =>
        presentServiceRecord(
          await inTransaction(deps, (tx) =>
            recordCollection(deps, tx, ctxOf(req), req.params.id, req.params.letterId, req.body),
          ),
        ),
    );

    app.post(
      '/api/v1/admin/requests/:id/letters/:letterId/service/post',
      {
        schema: {
          tags: TAG,
          summary: '登记邮寄（寄送单位、邮件单号；签收后登记签收日期即送达日期）',
          params: LetterParams,
          body: PostingBody,
          response: recordResponse,
        },
      },
      async (req) =>
        presentServiceRecord(
          await inTransaction(deps, (tx) =>
            recordPosting(deps, tx, ctxOf(req), req.params.id, req.params.letterId, req.body),
          ),
        ),
    );

    app.post(
      '/api/v1/admin/requests/:id/service/:recordId/received',
      {
        schema: {
          tags: TAG,
          summary: '登记邮件签收日期（送达日期）',
          params: RecordParams,
          body: ReceivedBody,
          response: recordResponse,
        },
      },
      async (req) =>
        presentServiceRecord(
          await inTransaction(deps, (tx) =>
            recordPostReceipt(deps, tx, ctxOf(req), req.params.id, req.params.recordId, req.body),
          ),
        ),
    );

    app.post(
      '/api/v1/admin/requests/:id/service/:recordId/returned',
      {
        schema: {
          tags: TAG,
          summary: '登记邮件被退回（未能送达，可重新送达）',
          params: RecordParams,
          body: ReturnedBody,
          response: recordResponse,
        },
      },
      async (req) =>
        presentServiceRecord(
          await inTransaction(deps, (tx) =>
            recordPostReturned(deps, tx, ctxOf(req), req.params.id, req.params.recordId, req.body),
          ),
        ),
    );

    app.post(
      '/api/v1/admin/requests/:id/service/:recordId/receipt',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: TAG,
          summary: '上传送达回证（PDF、JPG、PNG，按文件内容识别类型）',
          params: RecordParams,
          body: ReceiptBody,
          response: recordResponse,
        },
      },
      async (req) => {
        const data = Buffer.from(req.body.contentBase64, 'base64');
        if (data.length > 5 * 1024 * 1024) throw new AppError('REQUEST_FILE_REJECTED');
        return presentServiceRecord(
          await inTransaction(deps, (tx) =>
            attachServiceReceipt(deps, tx, ctxOf(req), req.params.id, req.params.recordId, {
              filename: req.body.filename,
              data,
            }),
          ),
        );
      },
    );
  };
}
