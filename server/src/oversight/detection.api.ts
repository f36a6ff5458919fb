/** Staff route: the violations detected from the platform's records (违规自动发现). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { presentDetection, presentDetectionList } from './detection.presenter.ts';
import { DetectionItem, DetectionListResponse, DetectionQuery } from './detection.schemas.ts';
import { listDetections, readDetection } from './detection.service.ts';

const TAG = ['监督考核'];

export function detectionsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/oversight/detections',
      {
        schema: {
          tags: TAG,
          summary: '违规自动发现：本机关及所监督机关的超期、逾期和未审查情况（按机关、类型、状态筛选）',
          querystring: DetectionQuery,
          response: { 200: DetectionListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const q = req.query;
        const list = await listDetections(deps, actor, {
          ...(q.agencyId !== undefined ? { agencyId: q.agencyId } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
          ...(q.state ? { state: q.state } : {}),
          limit: q.limit ?? 50,
          offset: q.offset ?? 0,
        });
        return presentDetectionList(list);
      },
    );

    app.get(
      '/api/v1/admin/oversight/detections/:id',
      {
        schema: {
          tags: TAG,
          summary: '一项违规发现（可作为监督检查问题的证据）',
          params: IdParams,
          response: { 200: DetectionItem, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const { row, dir } = await readDetection(deps, deps.db, actor, req.params.id);
        return presentDetection(row, dir);
      },
    );
  };
}
