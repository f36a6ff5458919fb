import { Type } from 'typebox';

const Count = (title: string) => Type.Integer({ title, minimum: 0, maximum: 100_000_000 });

export const InputsSchema = Type.Object(
  {
    rulesIssued: Type.Optional(Count('规章本年制发件数')),
    rulesAbolished: Type.Optional(Count('规章本年废止件数')),
    rulesInForce: Type.Optional(Count('规章现行有效件数')),
    licensing: Type.Optional(Count('行政许可本年处理决定数量')),
    penalties: Type.Optional(Count('行政处罚本年处理决定数量')),
    enforcement: Type.Optional(Count('行政强制本年处理决定数量')),
    feesTenThousandYuan: Type.Optional(
      Type.Number({ title: '行政事业性收费本年收费金额（万元）', minimum: 0, maximum: 1e9 }),
    ),
    processingFeesYuan: Type.Optional(
      Type.Number({ title: '实际收取信息处理费（元）', minimum: 0, maximum: 1e9 }),
    ),
  },
  { additionalProperties: false },
);

export const NarrativeSchema = Type.Object(
  {
    overview: Type.String({ title: '一、总体情况', maxLength: 20000 }),
    problems: Type.String({ title: '五、存在的主要问题及改进情况', maxLength: 20000 }),
    other: Type.String({ title: '六、其他需要报告的事项', maxLength: 20000 }),
  },
  { additionalProperties: false },
);

const Row = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));
export const FiguresSchema = Type.Object({
  table2: Type.Object({
    rules: Type.Object({
      issued: Type.Integer({ minimum: 0 }),
      abolished: Type.Integer({ minimum: 0 }),
      inForce: Type.Integer({ minimum: 0 }),
    }),
    normativeDocs: Type.Object({
      issued: Type.Integer({ minimum: 0 }),
      abolished: Type.Integer({ minimum: 0 }),
      inForce: Type.Integer({ minimum: 0 }),
    }),
    licensing: Type.Integer({ minimum: 0 }),
    penalties: Type.Integer({ minimum: 0 }),
    enforcement: Type.Integer({ minimum: 0 }),
    feesTenThousandYuan: Type.Number({ minimum: 0 }),
  }),
  table3: Type.Record(Type.String(), Row, { title: '表三' }),
  table4: Type.Record(Type.String(), Row, { title: '表四' }),
});

export const ReportView = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  year: Type.Integer(),
  status: Type.String(),
  statusLabel: Type.String(),
  format: Type.String(),
  source: Type.String(),
  dueOn: Type.String(),
  overdue: Type.Boolean(),
  inputs: Type.Record(Type.String(), Type.Number()),
  narrative: NarrativeSchema,
  figures: FiguresSchema,
  problems: Type.Array(
    Type.Object({
      identity: Type.String(),
      message: Type.String(),
      expected: Type.Number(),
      actual: Type.Number(),
    }),
  ),
  contributors: Type.Record(Type.String(), Type.Array(Type.Union([Type.Integer(), Type.String()]))),
  started: Type.Boolean({ description: '是否已开始编制（false 即“未编制”）' }),
  can: Type.Object({
    edit: Type.Boolean(),
    approve: Type.Boolean(),
    publish: Type.Boolean(),
    return: Type.Boolean(),
    import: Type.Boolean(),
  }),
});
