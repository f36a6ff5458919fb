import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../shared/deps.ts';
import { siteIdentity } from './site.ts';

/** The site's name and host, for pages outside the portal frame (the staff login page names the site). */
export function siteApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/site',
      {
        schema: {
          tags: ['门户'],
          summary: '网站名称与主办、承办单位（公开）',
          response: {
            200: Type.Object({
              siteName: Type.String(),
              hostOrg: Type.String(),
              operator: Type.String(),
            }),
          },
        },
      },
      async () => {
        const s = await siteIdentity(deps);
        return { siteName: s.siteName, hostOrg: s.hostOrg, operator: s.operator };
      },
    );
  };
}
