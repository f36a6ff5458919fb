/** Request/response schemas of the bulk import API (TypeBox: validator + type + OpenAPI). */
import { Type } from 'typebox';

const UploadedFile = (title: string, max: number) =>
  Type.Object(
    {
      name: Type.String({ title: `${title}文件名`, minLength: 1, maxLength: 300 }),
      contentBase64: Type.String({ title: `${title}内容`, maxLength: max }),
    },
    { additionalProperties: false },
  );

export const ImportBody = Type.Object(
  {
    agencyId: Type.Integer({ title: '导入到的机关', minimum: 1 }),
    sheet: UploadedFile('导入表格', 70_000_000),
    files: Type.Array(UploadedFile('附件', 140_000_000), { title: '附件文件（可为 ZIP）', maxItems: 500 }),
  },
  { additionalProperties: false },
);

export const ImportProgressView = Type.Object({
  id: Type.Integer(),
  agencyId: Type.Integer(),
  sheetName: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  total: Type.Integer({ description: '数据行数' }),
  done: Type.Integer({ description: '已处理行数' }),
  accepted: Type.Integer({ description: '已导入' }),
  rejected: Type.Integer({ description: '拒绝（见报告）' }),
  skipped: Type.Integer({ description: '重复跳过' }),
  fileCount: Type.Integer({ description: '上传的附件文件数' }),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
