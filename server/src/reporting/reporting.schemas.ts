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
const N = (title: string) => Type.Integer({ title, minimum: 0 });
const Signed = (title: string) => Type.Integer({ title });

/** Table 二 of the 2021 format. */
export const Table2Schema2021 = Type.Object(
  {
    rules: Type.Object({
      issued: N('规章本年制发件数'),
      abolished: N('规章本年废止件数'),
      inForce: N('规章现行有效件数'),
    }),
    normativeDocs: Type.Object({
      issued: N('行政规范性文件本年制发件数'),
      abolished: N('行政规范性文件本年废止件数'),
      inForce: N('行政规范性文件现行有效件数'),
    }),
    licensing: N('行政许可本年处理决定数量'),
    penalties: N('行政处罚本年处理决定数量'),
    enforcement: N('行政强制本年处理决定数量'),
    feesTenThousandYuan: Type.Number({ title: '行政事业性收费本年收费金额（万元）', minimum: 0 }),
  },
  { title: '表二（2021 格式）' },
);

const MadePublished = (l: string) =>
  Type.Object({
    made: N(`${l}本年新制作数量`),
    published: N(`${l}本年新公开数量`),
    totalPublic: N(`${l}对外公开总数量`),
  });
const ItemChange = (l: string) =>
  Type.Object({
    previous: N(`${l}上一年项目数量`),
    change: Signed(`${l}本年增/减`),
    decisions: N(`${l}处理决定数量`),
  });

/** Table 二 of the 2019 trial format (国办公开办函〔2019〕60号). */
export const Table2Schema2019 = Type.Object(
  {
    rules: MadePublished('规章'),
    normativeDocs: MadePublished('规范性文件'),
    licensing: ItemChange('行政许可'),
    otherServices: ItemChange('其他对外管理服务事项'),
    penalties: ItemChange('行政处罚'),
    enforcement: ItemChange('行政强制'),
    fees: Type.Object({
      previous: N('行政事业性收费上一年项目数量'),
      change: Signed('行政事业性收费本年增/减'),
    }),
    procurement: Type.Object({
      projects: N('政府集中采购采购项目数量'),
      amount: Type.Number({ title: '政府集中采购采购总金额', minimum: 0 }),
    }),
  },
  { title: '表二（2019 格式）' },
);

export const FiguresSchema = Type.Object({
  table2: Type.Union([Table2Schema2021, Table2Schema2019], { title: '表二' }),
  table3: Type.Record(Type.String(), Row, { title: '表三' }),
  table4: Type.Record(Type.String(), Row, { title: '表四' }),
});

export const FormatSchema = Type.Union([Type.Literal('2019'), Type.Literal('2021')], {
  title: '报告格式',
  description: '2021 = 国办公开办函〔2021〕30号；2019 = 国办公开办函〔2019〕60号（仅用于往年报告）',
});

export const ReportView = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  year: Type.Integer(),
  status: Type.String(),
  statusLabel: Type.String(),
  format: Type.String({ description: '2021 或 2019（往年报告）' }),
  formatLabel: Type.String(),
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
  started: Type.Boolean({ description: '是否已开始编制（false 即“未编制”）' }),
  can: Type.Object({
    edit: Type.Boolean(),
    approve: Type.Boolean(),
    publish: Type.Boolean(),
    return: Type.Boolean(),
    import: Type.Boolean(),
  }),
});
