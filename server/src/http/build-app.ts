/**
 * Builds the Fastify application — never listens (house style rule 12). main.ts listens; tests use
 * app.inject(). Route plugins: public JSON API, staff JSON API, portal pages, the staff SPA.
 */
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { agenciesAdminApi, agenciesPublicApi } from '../agencies/agency.api.ts';
import { auditApi } from '../identity/audit-log.api.ts';
import { calendarAdminApi, calendarPublicApi } from '../calendar/calendar.api.ts';
import { publicReadDeps } from '../cluster/read-replica.ts';
import { sharedRateLimitStore } from '../cluster/rate-limit-store.ts';
import { dashboardApi } from '../dashboard/dashboard.api.ts';
import { todoApi } from '../dashboard/todo.api.ts';
import { siteApi } from '../portal-frame/site.api.ts';
import { authApi } from '../identity/auth.api.ts';
import { usersApi } from '../identity/user.api.ts';
import { portalPages } from '../portal/portal.pages.ts';
import { renderErrorPage } from '../portal-frame/index.ts';
import {
  itemImportApi,
  localSubjectApi,
  publicationAdminApi,
  publicationPages,
  publicationPublicApi,
} from '../publication/index.ts';
import { reportingApi } from '../reporting/reporting.api.ts';
import { reportingPages } from '../reporting/reporting.pages.ts';
import { selfInspectionApi } from '../reporting/self-inspection.api.ts';
import { notificationsApi } from '../notifications/index.ts';
import { accountabilityApi, detectionsApi } from '../oversight/index.ts';
import { contactPages, contactsApi } from '../participation/index.ts';
import { oversightApi, oversightPages } from '../oversight/index.ts';
import {
  consultationPages,
  consultationsApi,
  pressEventPages,
  pressEventsApi,
} from '../participation/index.ts';
import { statisticsApi } from '../reporting/statistics.api.ts';
import {
  requestPages,
  requestsAdminApi,
  requestsPublicApi,
  serviceRecordsAdminApi,
} from '../requests/index.ts';
import type { Deps } from '../shared/deps.ts';
import { adminSpa } from './admin-spa.ts';
import { requireStaff } from '../identity/staff-request.ts';
import { makeErrorHandler } from './error-handler.ts';
import { inputGuard } from '../shared/input-guard.ts';
import { publicCache } from '../shared/public-cache.ts';
import { noStore, securityHeaders } from './security-headers.ts';

export interface BuildOptions {
  logger?: boolean;
  /** a logger of one's own (the fuzz tier collects what the error handler logs) */
  loggerInstance?: FastifyBaseLogger;
  /** folder of the built staff SPA; defaults to admin/dist */
  adminDist?: string;
}

export type App = FastifyInstance;

/** Every route an app registered (method, url, whether it is hidden from OpenAPI), for the contract test. */
const registered = new WeakMap<object, { method: string; url: string; hidden: boolean }[]>();
export function routesOf(app: App): readonly { method: string; url: string; hidden: boolean }[] {
  return registered.get(app) ?? [];
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const errorHandler = makeErrorHandler((req, reply, err) => renderErrorPage(deps, req, reply, err));
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ? { level: 'info' } : false }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // a malformed or overlong URL is answered like any other error, in Chinese (docs/errors.md BAD_URL)
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
    ajv: {
      customOptions: {
        allErrors: true,
        // NaN and Infinity (a query's `1e309`) are not numbers a field can hold
        strictNumbers: true,
        verbose: true,
        coerceTypes: 'array',
        removeAdditional: true,
        useDefaults: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  const routes: { method: string; url: string; hidden: boolean }[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (r) => {
    const hidden = Boolean((r.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of [r.method].flat()) routes.push({ method: String(method), url: r.url, hidden });
  });
  inputGuard(app);
  app.setNotFoundHandler((req, reply) => {
    reply.status(404);
    if (req.url.startsWith('/api/')) return reply.send({ code: 'NOT_FOUND', message: '接口不存在' });
    return renderErrorPage(deps, req, reply, null);
  });
  const https = deps.config.publicBaseUrl.startsWith('https:');
  securityHeaders(app, { https });
  // every cookie is Secure whenever the site is served over https, as the session cookie is (identity/staff-request.ts)
  await app.register(cookie, { secret: deps.config.sessionSecret, parseOptions: { secure: https } });
  // after the cookie plugin: a response that sets a cookie is never marked cacheable
  publicCache(app);
  // text answers over 1 KiB, br or gzip as the client accepts; quality 4 keeps brotli cheap per
  // request (the staff app's assets are served precompressed at quality 11, admin-spa.ts)
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(rateLimit, {
    global: false,
    // counted in the database, so the limits hold across nodes (cluster/rate-limit-store.ts)
    store: sharedRateLimitStore(deps),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `操作过于频繁，请在 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongkai 政府信息公开平台 API',
        version: '1',
        description:
          '公开接口（无需登录）与工作人员接口（需登录，写操作需携带 x-csrf-token 请求头）。错误统一为 {code, message, fields?}，错误代码见 docs/errors.md。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gk_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/') ? schema : { ...schema, hide: true },
      url,
    }),
  });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.selectFrom('agencies').select('id').limit(1).execute();
      return { status: 'ok', database: deps.dialect };
    } catch {
      reply.status(503);
      return { status: 'unavailable', database: deps.dialect };
    }
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // public reads (GET-only plugins) from the read replica when one is configured and keeping up
  const reads = publicReadDeps(deps);
  // public JSON API (no login)
  await app.register(async (pub) => {
    await pub.register(agenciesPublicApi(reads));
    await pub.register(calendarPublicApi(reads));
    await pub.register(publicationPublicApi(reads));
    await pub.register(siteApi(deps));
    // login and session answers carry the CSRF token; tracking answers an applicant's own case
    await pub.register(async (personal) => {
      noStore(personal);
      await personal.register(authApi(deps));
      await personal.register(requestsPublicApi(deps));
    });
  });
  // staff JSON API (session + CSRF)
  await app.register(async (staff) => {
    staff.addHook('preHandler', requireStaff(deps));
    noStore(staff);
    await staff.register(dashboardApi(deps));
    await staff.register(todoApi(deps));
    await staff.register(agenciesAdminApi(deps));
    await staff.register(usersApi(deps));
    await staff.register(calendarAdminApi(deps));
    await staff.register(auditApi(deps));
    await staff.register(publicationAdminApi(deps));
    await staff.register(itemImportApi(deps));
    await staff.register(localSubjectApi(deps));
    await staff.register(requestsAdminApi(deps));
    await staff.register(serviceRecordsAdminApi(deps));
    await staff.register(reportingApi(deps));
    await staff.register(statisticsApi(deps));
    await staff.register(selfInspectionApi(deps));
    await staff.register(notificationsApi(deps));
    await staff.register(detectionsApi(deps));
    await staff.register(accountabilityApi(deps));
    await staff.register(contactsApi(deps));
    await staff.register(oversightApi(deps));
    await staff.register(consultationsApi(deps));
    await staff.register(pressEventsApi(deps));
  });
  await app.register(portalPages(reads));
  await app.register(publicationPages(reads));
  await app.register(requestPages(deps));
  await app.register(contactPages(deps));
  await app.register(consultationPages(deps));
  await app.register(pressEventPages(deps));
  await app.register(reportingPages(reads));
  await app.register(oversightPages(reads));
  await app.register(adminSpa(deps, opts.adminDist));
  return app;
}
