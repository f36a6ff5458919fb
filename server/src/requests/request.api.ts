/**
 * JSON routes of 依申请公开: the public contract for third parties (apply, track) and the staff API
 * (queues, clock actions, dispositions, approval, letters). Handlers are thin: validate (schema) →
 * transaction → service → presenter.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { calendarFor, dueSoonDates } from '../calendar/calendar.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { inScope, readableScope, scopeList } from '../access/access.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { CHANNEL_LABELS, STATUS_LABELS } from './application.ts';
import { RECEIPT_RULE_LABELS, RECEIPT_RULES } from './clock.ts';
import { DISPOSITIONS, GROUP_LABELS } from './disposition.ts';
import { letterDocx } from './letter.docx.ts';
import { letterText } from './letter.ts';
import { type CasePermissions, caseActionKeys, requestPolicy } from './request.policy.ts';
import {
  presentApplicant,
  presentCaseFile,
  presentCaseHeader,
  presentClock,
  presentFile,
  presentItem,
  presentPublicHistory,
  presentQueueRow,
  presentTimelineDetail,
  timelineLabel,
} from './request.presenter.ts';
import { type QueueName, requestRepository as repo } from './request.repository.ts';
import { assigneesOf } from './assignees.service.ts';
import {
  AssigneesResponse,
  AssignBody,
  CaseResponse,
  ConfirmBody,
  ConsultBody,
  ConsultEndBody,
  CorrectionBody,
  CorrectionReceivedBody,
  DecideBody,
  ExtensionDecideBody,
  DelayBody,
  ExtensionBody,
  FeeBody,
  FeeSettleBody,
  IntakeBody,
  IntakeResponse,
  ItemDecisionBody,
  ItemParams,
  LetterParams,
  QueueQuery,
  QueueResponse,
  ReasonBody,
  ReplyBody,
  SubmitBody,
  SubmitResponse,
  TrackQuery,
  TrackResponse,
} from './request.schemas.ts';
import { APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS, decideAppeal } from './appeal.service.ts';
import { requestSettingsApi } from './request-settings.api.ts';
import * as svc from './request.service.ts';
import { approvalChain, letterContent } from './request.service.ts';
import { repeatsOf, sameInformationOf } from './similar.service.ts';
import {
  IDEMPOTENCY_KEY_PATTERN,
  isIdempotencyKey,
  SUBMISSION_TTL_HOURS,
  submissionFingerprint,
} from './submission.ts';
import { recordOnlineDownload } from './service-record.service.ts';
import { submitOnlineOnce } from './submission.service.ts';
import { issueThirdPartyNotice, owedNotices } from './third-party-notice.service.ts';

const TAG = ['依申请公开'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function docxFilename(title: string, regNo: string): string {
  return `attachment; filename="letter.docx"; filename*=UTF-8''${encodeURIComponent(`${title}-${regNo}.docx`)}`;
}

export function requestsPublicApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/applications',
      {
        config: { rateLimit: { max: deps.config.publicPostRateLimitPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: TAG,
          summary: '提交政府信息公开申请',
          description:
            '条例第二十九条：申请人的姓名或者名称、身份证明、联系方式；所需信息的名称、文号或者便于查询的其他特征性描述；提供形式和获取方式。自然人须提供 idType 和 idNumber，法人或其他组织须提供 orgType 和 creditCode。返回的查询码只出现这一次。',
          headers: Type.Object({
            'idempotency-key': Type.Optional(
              Type.String({
                title: '幂等键（Idempotency-Key）',
                description: `选填。重试同一次提交时带上相同的值（例如 UUID），${SUBMISSION_TTL_HOURS} 小时内返回第一次登记的登记号和查询码，不会重复登记；同一个值用于内容不同的申请时返回 422 REQUEST_IDEMPOTENCY_KEY_REUSED。`,
                pattern: IDEMPOTENCY_KEY_PATTERN,
              }),
            ),
          }),
          body: SubmitBody,
          response: { 201: SubmitResponse, ...errorResponses, 429: errorResponses[400] },
        },
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const ctx = { actor: null, ip: clientIp(req) };
        const s = isIdempotencyKey(key)
          ? await submitOnlineOnce(deps, ctx, 'api', key, submissionFingerprint(req.body), req.body)
          : await inTransaction(deps, (tx) => svc.submitOnline(deps, tx, ctx, req.body));
        if ('replayed' in s && s.replayed) reply.header('idempotent-replayed', 'true');
        reply.status(201);
        return { registrationNo: s.app.registrationNo, trackingCode: s.trackingCode };
      },
    );

    app.get(
      '/api/v1/applications/track',
      {
        config: { rateLimit: { max: deps.config.publicPostRateLimitPerMinute * 2, timeWindow: '1 minute' } },
        schema: {
          tags: TAG,
          summary: '查询申请办理进度（登记号 + 查询码）',
          description: '登记号或查询码不正确时一律返回 404 REQUEST_TRACKING_NOT_FOUND，不透露申请是否存在。',
          querystring: TrackQuery,
          response: { 200: TrackResponse, ...errorResponses },
        },
      },
      async (req) => {
        const t = await svc.findTracked(deps, req.query.registrationNo, req.query.trackingCode);
        if (!t) throw new AppError('REQUEST_TRACKING_NOT_FOUND');
        const letters = await svc.sentLettersForPublic(deps, t.app);
        const files = await svc.providedFilesForPublic(deps, t.app);
        return {
          registrationNo: t.app.registrationNo,
          agencyName: t.agency.name,
          status: t.app.status,
          statusLabel: STATUS_LABELS[t.app.status as keyof typeof STATUS_LABELS] ?? t.app.status,
          receivedOn: t.app.receivedOn,
          dueOn: t.dueOn,
          dueNote: t.dueNote,
          letters: letters.map((l) => ({
            id: l.id,
            kind: l.kind,
            title: l.title,
            issuedOn: l.issuedOn,
            text: l.text,
          })),
          files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
          repliedOn: t.app.repliedOn,
          items: (await repo.items(deps.db, t.app.id)).map((i) => ({
            seq: i.seq,
            description: i.description,
            title: i.title,
            docNo: i.docNo,
          })),
          history: presentPublicHistory(await repo.audit(deps.db, t.app.id), (iso) =>
            chinaDate(new Date(iso)),
          ),
        };
      },
    );

    app.get(
      '/api/v1/applications/track/letters/:letterId',
      {
        config: { rateLimit: { max: deps.config.publicPostRateLimitPerMinute * 2, timeWindow: '1 minute' } },
        schema: {
          tags: TAG,
          summary: '下载已发出的文书（DOCX，与送达申请人的文书一致，含申请人姓名和通信地址）',
          params: Type.Object({ letterId: Type.Integer({ title: '文书编号', minimum: 1 }) }),
          querystring: TrackQuery,
        },
      },
      async (req, reply) => {
        const t = await svc.findTracked(deps, req.query.registrationNo, req.query.trackingCode);
        if (!t) throw new AppError('REQUEST_TRACKING_NOT_FOUND');
        const l = (await svc.sentLettersForPublic(deps, t.app)).find((x) => x.id === req.params.letterId);
        if (!l) throw new AppError('REQUEST_LETTER_NOT_FOUND');
        await inTransaction(deps, (tx) => recordOnlineDownload(deps, tx, t.app, l.id)); // 在线送达
        return reply
          .type(DOCX)
          .header('content-disposition', docxFilename(l.title, t.app.registrationNo))
          .header('cache-control', 'no-store')
          .send(await letterDocx(l.content));
      },
    );

    app.get(
      '/api/v1/applications/track/files/:fileId',
      {
        config: { rateLimit: { max: deps.config.publicPostRateLimitPerMinute * 2, timeWindow: '1 minute' } },
        schema: {
          tags: TAG,
          summary: '下载本机关提供的政府信息文件（答复书发出后）',
          params: Type.Object({ fileId: Type.Integer({ title: '文件编号', minimum: 1 }) }),
          querystring: TrackQuery,
        },
      },
      async (req, reply) => {
        const t = await svc.findTracked(deps, req.query.registrationNo, req.query.trackingCode);
        if (!t) throw new AppError('REQUEST_TRACKING_NOT_FOUND');
        // only what a sent reply provides (providedFilesForPublic), never a file still under approval
        const provided = await svc.providedFilesForPublic(deps, t.app);
        const f = provided.some((x) => x.id === req.params.fileId)
          ? await repo.file(deps.db, req.params.fileId)
          : undefined;
        if (!f) throw new AppError('NOT_FOUND');
        return reply
          .type(f.mime)
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
          )
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(f.contentB64, 'base64'));
      },
    );
  };
}

export function requestsAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });
    await app.register(requestSettingsApi(deps));

    app.get(
      '/api/v1/admin/requests/meta',
      {
        schema: {
          tags: TAG,
          summary: '依申请公开的分类字典（处理结果、状态、渠道）',
          response: { 200: CaseResponse },
        },
      },
      async () => ({
        dispositions: DISPOSITIONS.map((d) => ({ ...d, groupLabel: GROUP_LABELS[d.group] })),
        statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
        channels: Object.entries(CHANNEL_LABELS).map(([value, label]) => ({
          value,
          label,
          receiptRule: RECEIPT_RULE_LABELS[RECEIPT_RULES[value as keyof typeof RECEIPT_RULES]],
        })),
      }),
    );

    app.get(
      '/api/v1/admin/requests',
      {
        schema: {
          tags: TAG,
          summary:
            '申请队列（待确认、新申请、待补正、征求意见中、待缴费、待审批、5个工作日内到期、已逾期、已办结）',
          querystring: QueueQuery,
          response: { 200: QueueResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const scope = readableScope(actor, dir);
        let agencyIds = scopeList(scope);
        if (req.query.agencyId) {
          if (!requestPolicy.canRead(actor, dir, req.query.agencyId)) throw new AppError('FORBIDDEN');
          // the agency and what lies below it, as far as the actor reads it: a role on the parent
          // government does not open the departments' queues (docs/access.md)
          agencyIds = dir.subtree(req.query.agencyId).filter((a) => inScope(scope, a));
        }
        const today = chinaDate(deps.clock.now());
        // "due within 5 working days" on each agency's own calendar (local holidays per subtree)
        const soon = await dueSoonDates(deps, agencyIds, today, 5);
        const page = req.query.page ?? 1;
        const pageSize = req.query.pageSize ?? 20;
        const base = {
          agencyIds,
          today,
          soonDate: soon.soonDate,
          soonExceptions: soon.exceptions,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        };
        const { rows, total } = await repo.queue(deps.db, {
          ...base,
          queue: (req.query.queue ?? 'open') as QueueName,
          q: req.query.q?.trim() || undefined,
          unitId: req.query.unitId,
          handlerUserId: req.query.handlerUserId,
          channel: req.query.channel,
          receivedFrom: req.query.receivedFrom,
          receivedTo: req.query.receivedTo,
        });
        const counts: Record<string, number> = await repo.queueCounts(deps.db, base);
        const cals = new Map<number, Awaited<ReturnType<typeof calendarFor>>>();
        const items = [];
        for (const r of rows) {
          let cal = cals.get(r.agencyId);
          if (!cal) {
            cal = await calendarFor(deps, r.agencyId);
            cals.set(r.agencyId, cal);
          }
          const personal = requestPolicy.canSeePersonalData(actor, dir, r);
          items.push(presentQueueRow(r, cal, today, dir.get(r.agencyId)?.name ?? '', personal));
        }
        return { items, total, today, counts };
      },
    );

    app.post(
      '/api/v1/admin/requests',
      {
        schema: {
          tags: TAG,
          summary: '登记线下申请（信函、传真、当面、口头、电子邮件）',
          description:
            '收到申请之日按条例第三十一条确定：当面/口头为提交之日；挂号信为签收之日；平信、网上、传真、电子邮件为双方确认之日。',
          body: IntakeBody,
          response: { 201: IntakeResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const s = await inTransaction(deps, (tx) => svc.registerOffline(deps, tx, ctxOf(req), req.body));
        reply.status(201);
        return { registrationNo: s.app.registrationNo, trackingCode: s.trackingCode, id: s.app.id };
      },
    );

    app.get(
      '/api/v1/admin/requests/:id',
      {
        schema: {
          tags: TAG,
          summary: '申请详情：申请人、事项、期限、文书、审批、时间线',
          params: IdParams,
          response: { 200: CaseResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const id = req.params.id;
        const l = await svc.loadCase(deps, deps.db, id);
        await svc.authorizeCase(deps, deps.db, { actor }, l.app, 'read');
        const dir = await agencyDirectory(deps);
        const personal = requestPolicy.canSeePersonalData(actor, dir, l.app);
        const today = chinaDate(deps.clock.now());
        const deadlines = await repo.deadlines(deps.db, id);
        const reply = [...deadlines]
          .reverse()
          .find((d) => d.kind === 'reply' && (d.state === 'open' || d.state === 'paused'));
        const letters = await repo.letters(deps.db, id);
        const chain = await approvalChain(deps, deps.db, l.app);
        const rules = await rulesForAgency(deps, deps.db, l.app.agencyId);
        const items = await repo.items(deps.db, id);
        const round = await svc.roundParticipants(deps.db, id);
        const stepRole = chain[round.approvedBy.length];
        const permissions: CasePermissions = {
          personalData: personal,
          manage: requestPolicy.canManage(actor, dir, l.app),
          handle: requestPolicy.canHandle(actor, dir, l.app),
          approveExtension: requestPolicy.canApproveExtension(actor, dir, l.app),
          approve:
            l.app.status === 'awaiting_approval' &&
            stepRole !== undefined &&
            requestPolicy.canApproveStep(actor, dir, l.app, stepRole) &&
            requestPolicy.canFillApprovalStep(actor.userId, round),
        };
        const header = presentCaseHeader(l.app, l.agency.name);
        return {
          ...header,
          // the server's word on what this actor may do; the admin shows no other button (docs/access.md)
          actions: caseActionKeys(permissions, {
            status: l.app.status,
            transitions: header.actions,
            extensionRequested: l.app.extensionRequestedDays !== null,
          }),
          applicant: presentApplicant(l.app, personal),
          items: items.map(presentItem),
          clock: presentClock(l.app, reply, l.cal, today),
          deadlines: deadlines.map((d) => ({
            id: d.id,
            kind: d.kind,
            startDate: d.startDate,
            workingDays: d.workingDays,
            dueDate: d.dueDate,
            state: d.state,
          })),
          letters: letters.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            issuedOn: r.issuedOn,
            sentAt: r.sentAt,
            text: personal ? letterText(letterContent(r.contentJson)) : null,
          })),
          approvals: await repo.approvals(deps.db, id),
          approvalChain: chain,
          consultations: await repo.consultations(deps.db, id),
          appeals: (await repo.appeals(deps.db, id)).map((a) => ({
            id: a.id,
            kind: a.kind,
            kindLabel: APPEAL_KIND_LABELS[a.kind as keyof typeof APPEAL_KIND_LABELS] ?? a.kind,
            filedOn: a.filedOn,
            outcome: a.outcome,
            outcomeLabel: APPEAL_OUTCOME_LABELS[a.outcome as keyof typeof APPEAL_OUTCOME_LABELS] ?? a.outcome,
            decidedOn: a.decidedOn,
            note: a.note,
          })),
          // R.36(6) and R.44: shown to everyone who reads the case; registration numbers only, no names
          repeats: await repeatsOf(deps.db, l.app, items),
          sameInformation: (await sameInformationOf(deps, deps.db, l.app, items)).filter(
            (s) => s.others.length > 0,
          ),
          thirdPartyNoticesOwed: (await owedNotices(deps.db, id)).map((c) => ({
            consultationId: c.id,
            party: c.party,
            answeredOn: c.answeredOn,
          })),
          fees: (await repo.fees(deps.db, id)).map((f) => ({
            ...f,
            lines: JSON.parse(f.linesJson) as unknown,
          })),
          files: (await repo.files(deps.db, id)).map((f) => presentCaseFile(f, personal)),
          timeline: (await repo.audit(deps.db, id)).map((e) => ({
            id: e.id,
            at: e.occurredAt,
            actor: e.actorLabel,
            action: e.action,
            label: timelineLabel(e.action),
            detail: presentTimelineDetail(e.afterJson, personal),
          })),
          // the server's day (China time): the staff app's default and latest date for steps done today
          today,
          rules: {
            replyDays: rules.replyDays,
            extensionDays: rules.extensionDays,
            correctionNoticeDays: rules.correctionNoticeDays,
          },
          permissions,
        };
      },
    );

    app.get(
      '/api/v1/admin/requests/:id/assignees',
      {
        schema: {
          tags: TAG,
          summary: '分办对象：本机关内设机构及其承办人员、政务公开工作机构人员，以及答复期限',
          params: IdParams,
          response: { 200: AssigneesResponse, ...errorResponses },
        },
      },
      async (req) => assigneesOf(deps, deps.db, { actor: staffOf(req).actor }, req.params.id),
    );

    app.get(
      '/api/v1/admin/requests/:id/letters/:letterId',
      { schema: { tags: TAG, summary: '下载文书（DOCX）', params: LetterParams } },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const l = await svc.loadCase(deps, deps.db, req.params.id);
        await svc.authorizeCase(deps, deps.db, { actor }, l.app, 'read');
        const letter = await repo.letter(deps.db, req.params.letterId);
        if (!letter || letter.applicationId !== l.app.id) throw new AppError('REQUEST_LETTER_NOT_FOUND');
        const dir = await agencyDirectory(deps);
        let c = letterContent(letter.contentJson);
        if (!requestPolicy.canSeePersonalData(actor, dir, l.app)) {
          const { maskLetter } = await import('./letter.ts');
          const { maskName } = await import('./application.ts');
          c = maskLetter(c, maskName(l.app.applicantName));
        }
        return reply
          .type(DOCX)
          .header('content-disposition', docxFilename(letter.title, l.app.registrationNo))
          .send(await letterDocx(c));
      },
    );

    app.get(
      '/api/v1/admin/requests/:id/reply-draft',
      {
        schema: {
          tags: TAG,
          summary: '预览答复书草稿（DOCX，按当前处理决定生成，不保存、不发出）',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const l = await svc.loadCase(deps, deps.db, req.params.id);
        await svc.authorizeCase(deps, deps.db, { actor }, l.app, 'read');
        let c = await svc.draftReply(deps, deps.db, l);
        if (!requestPolicy.canSeePersonalData(actor, await agencyDirectory(deps), l.app)) {
          const { maskLetter } = await import('./letter.ts');
          const { maskName } = await import('./application.ts');
          c = maskLetter(c, maskName(l.app.applicantName));
        }
        return reply
          .type(DOCX)
          .header('content-disposition', docxFilename(`${c.title}（草稿）`, l.app.registrationNo))
          .send(await letterDocx(c));
      },
    );

    // ---- actions: one route per use case; each opens the transaction and returns the case header
    const action = <B extends object>(
      path: string,
      summary: string,
      body: B | null,
      run: (
        tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
        ctx: svc.Ctx,
        id: number,
        body: any,
      ) => Promise<unknown>,
    ) => {
      app.post(
        `/api/v1/admin/requests/:id/${path}`,
        {
          schema: {
            tags: TAG,
            summary,
            params: IdParams,
            ...(body ? { body: body as never } : {}),
            response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
          },
        },
        async (req) => {
          await inTransaction(deps, (tx) =>
            run(tx, ctxOf(req), (req.params as { id: number }).id, req.body ?? {}),
          );
          return { ok: true };
        },
      );
    };

    action(
      'appeal',
      '登记行政复议或行政诉讼（年报表四）；结果为纠正时重新办理',
      Type.Object(
        {
          kind: Type.Union(
            [
              Type.Literal('reconsideration'),
              Type.Literal('litigation_direct'),
              Type.Literal('litigation_after_reconsideration'),
            ],
            { title: '类别' },
          ),
          filedOn: Type.String({ title: '申请复议或起诉日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          outcome: Type.Union(
            [
              Type.Literal('pending'),
              Type.Literal('upheld'),
              Type.Literal('corrected'),
              Type.Literal('other'),
            ],
            { title: '结果' },
          ),
          decidedOn: Type.Optional(
            Type.Union([
              Type.String({ title: '决定或判决日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
              Type.Null(),
            ]),
          ),
          note: Type.Optional(Type.Union([Type.String({ title: '备注', maxLength: 1000 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      (tx, c, id, b) => svc.recordAppeal(deps, tx, c, id, b),
    );
    action(
      'appeal/outcome',
      '登记复议或诉讼的结果（尚未审结 → 维持、纠正、其他结果；年报表四）；纠正时重新办理',
      Type.Object(
        {
          appealId: Type.Integer({ title: '复议或诉讼记录', minimum: 1 }),
          outcome: Type.Union([Type.Literal('upheld'), Type.Literal('corrected'), Type.Literal('other')], {
            title: '结果',
          }),
          decidedOn: Type.String({ title: '决定或判决日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          note: Type.Optional(Type.Union([Type.String({ title: '备注', maxLength: 1000 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      (tx, c, id, b) => decideAppeal(deps, tx, c, id, b.appealId, b),
    );
    action(
      'third-party-notice',
      '书面告知第三方决定公开的内容和理由（条例第三十二条：第三方不同意公开而决定予以公开时）',
      Type.Object(
        {
          consultationId: Type.Integer({ title: '征求意见记录', minimum: 1 }),
          disclosed: Type.String({ title: '决定公开的政府信息内容', minLength: 1, maxLength: 2000 }),
          reason: Type.String({ title: '决定公开的理由', minLength: 1, maxLength: 2000 }),
        },
        { additionalProperties: false },
      ),
      (tx, c, id, b) => issueThirdPartyNotice(deps, tx, c, id, b),
    );
    action('confirm', '确认收到申请（条例第三十一条）', ConfirmBody, (tx, c, id, b) =>
      svc.confirmReceipt(deps, tx, c, id, b),
    );
    action('assign', '受理并分办（承办科室、承办人）', AssignBody, (tx, c, id, b) =>
      svc.acceptAndAssign(deps, tx, c, id, b),
    );
    action('correction', '告知补正（条例第三十条）', CorrectionBody, (tx, c, id, b) =>
      svc.requestCorrection(deps, tx, c, id, b),
    );
    action('correction-received', '收到补正（答复期限重新计算）', CorrectionReceivedBody, (tx, c, id, b) =>
      svc.receiveCorrection(deps, tx, c, id, b),
    );
    action('correction-lapse', '逾期未补正，视为放弃申请', null, (tx, c, id) =>
      svc.lapseCorrection(deps, tx, c, id),
    );
    action('extension', '申请延长答复期限（条例第三十三条）', ExtensionBody, (tx, c, id, b) =>
      svc.requestExtension(deps, tx, c, id, b),
    );
    action(
      'extension/decision',
      '审批延期（政府信息公开工作机构负责人；答复期限届满后不能延长，条例第三十三条第二款）',
      ExtensionDecideBody,
      (tx, c, id, b) => svc.decideExtension(deps, tx, c, id, b),
    );
    action(
      'consultation',
      '征求第三方或其他机关意见（条例第三十二条、第三十四条）',
      ConsultBody,
      (tx, c, id, b) => svc.startConsultation(deps, tx, c, id, b),
    );
    action('consultation/end', '结束征求意见', ConsultEndBody, (tx, c, id, b) =>
      svc.endConsultation(deps, tx, c, id, b),
    );
    action('fee', '发出收费通知（国办函〔2020〕109号）', FeeBody, (tx, c, id, b) =>
      svc.noticeFee(deps, tx, c, id, b),
    );
    action('fee/settle', '登记缴费或减免', FeeSettleBody, (tx, c, id, b) =>
      svc.settleFee(deps, tx, c, id, b),
    );
    action('fee-lapse', '逾期未缴费，不再处理', null, (tx, c, id) => svc.lapseFee(deps, tx, c, id));
    action('suspend', '中止办理', ReasonBody, (tx, c, id, b) => svc.suspend(deps, tx, c, id, b));
    action('resume', '恢复办理', null, (tx, c, id) => svc.resume(deps, tx, c, id));
    action('delay', '延后答复（条例第三十五条）', DelayBody, (tx, c, id, b) =>
      svc.delayExcessive(deps, tx, c, id, b),
    );
    action('withdraw', '申请人撤回', ReasonBody, (tx, c, id, b) => svc.withdraw(deps, tx, c, id, b));
    action('submit', '提交审批', null, (tx, c, id) => svc.submitForApproval(deps, tx, c, id));
    action('approval', '审批答复', DecideBody, (tx, c, id, b) => svc.approve(deps, tx, c, id, b));
    action('reply', '发出答复书（纸质送达的可登记实际送达日期）', ReplyBody, (tx, c, id, b) =>
      svc.sendReply(deps, tx, c, id, b),
    );
    action('close', '办结归档', null, (tx, c, id) => svc.closeCase(deps, tx, c, id));

    app.post(
      '/api/v1/admin/requests/:id/files',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: TAG,
          summary:
            '上传文件：提供给申请人的政府信息、线下申请的扫描件、身份证明（PDF、JPG、PNG，按文件内容识别类型）',
          params: IdParams,
          body: Type.Object({
            kind: Type.Union(
              [Type.Literal('provided'), Type.Literal('scan'), Type.Literal('identity_proof')],
              { title: '文件类别' },
            ),
            filename: Type.String({ title: '文件名', minLength: 1, maxLength: 200 }),
            contentBase64: Type.String({ title: '文件内容', minLength: 4, maxLength: 7_500_000 }),
          }),
          response: {
            200: Type.Object({
              id: Type.Integer(),
              kind: Type.String(),
              filename: Type.String(),
              mime: Type.String(),
              size: Type.Integer(),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const data = Buffer.from(req.body.contentBase64, 'base64');
        if (data.length > 5 * 1024 * 1024) throw new AppError('REQUEST_FILE_REJECTED');
        return inTransaction(deps, (tx) =>
          svc.attachFile(deps, tx, ctxOf(req), req.params.id, {
            kind: req.body.kind,
            filename: req.body.filename,
            data,
          }),
        );
      },
    );

    app.get(
      '/api/v1/admin/requests/:id/files/:fileId',
      {
        schema: {
          tags: TAG,
          summary: '下载申请的文件',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) }),
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const l = await svc.loadCase(deps, deps.db, req.params.id);
        await svc.authorizeCase(deps, deps.db, { actor }, l.app, 'read');
        const f = await repo.file(deps.db, req.params.fileId);
        if (!f || f.applicationId !== l.app.id) throw new AppError('NOT_FOUND');
        // identity proofs and scans carry personal data: only staff handling the case
        if (!requestPolicy.canDownloadFile(actor, await agencyDirectory(deps), l.app, f.kind))
          throw new AppError('FORBIDDEN');
        const personal = requestPolicy.canSeePersonalData(actor, await agencyDirectory(deps), l.app);
        const { filename } = presentFile(f, l.app, personal);
        return reply
          .type(f.mime)
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(f.contentB64, 'base64'));
      },
    );

    app.put(
      '/api/v1/admin/requests/:id/items/:itemId/decision',
      {
        schema: {
          tags: TAG,
          summary: '对申请事项作出处理决定（年报表三的统一分类）',
          params: ItemParams,
          body: ItemDecisionBody,
          response: { 200: CaseResponse, ...errorResponses },
        },
      },
      async (req) => {
        const item = await inTransaction(deps, (tx) =>
          svc.decideItem(deps, tx, ctxOf(req), req.params.id, req.params.itemId, req.body),
        );
        return presentItem(item);
      },
    );
  };
}
