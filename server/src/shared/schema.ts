/** Schema helpers shared by every module's *.schemas.ts (TypeBox = validator + type + OpenAPI). */
import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    code: Type.String({ description: '错误代码，见 docs/errors.md' }),
    message: Type.String({ description: '中文说明' }),
    fields: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), label: Type.String(), message: Type.String() })),
    ),
  },
  { $id: undefined },
);

export const IsoDate = (title: string) =>
  Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) =>
  Type.Union([t, Type.Null()]);
export const IdParams = Type.Object({ id: Type.Integer({ title: '编号', minimum: 1 }) });

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
