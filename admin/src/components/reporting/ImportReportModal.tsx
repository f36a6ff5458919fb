import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type {
  ImportReportBody,
  ReportFormat,
  ReportNarrative,
  Table2,
  Table2Of2019,
  Table3,
  Table4,
} from '../../types/reporting';
import {
  APPEAL_COLUMNS,
  APPEAL_KINDS,
  APPLICANT_COLUMNS,
  COLUMN_LABELS,
  emptyTable3,
  emptyTable4,
  FIRST_REPORT_YEAR,
  FORMAT_LABELS,
  table3Rows,
} from './reportLayout';
import styles from './reportTables.module.css';
import { Table2Grid } from './Table2Grid';
import { EMPTY_TABLE2_2019, Table2Grid2019 } from './Table2Grid2019';
import { Table3Grid } from './Table3Grid';
import { Table4Grid } from './Table4Grid';

interface ImportValues {
  year: number;
  format: ReportFormat;
  source: 'imported' | 'entered';
  table2: Table2;
  /** Table 二 when the past year is in the 2019 format (kept apart: the two layouts differ) */
  table2019: Table2Of2019;
  table3: Table3;
  table4: Table4;
  narrative: ReportNarrative;
}

interface ImportReportModalProps {
  agencyId: number;
  agencyName: string;
  defaultYear: number;
  onClose: () => void;
  onImported: (year: number) => void;
}

const EMPTY_TABLE2: Table2 = {
  rules: { issued: 0, abolished: 0, inForce: 0 },
  normativeDocs: { issued: 0, abolished: 0, inForce: 0 },
  licensing: 0,
  penalties: 0,
  enforcement: 0,
  feesTenThousandYuan: 0,
};

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Table 二 of the 2019 format with blanks as zeros. */
function table2Of2019(v: Partial<Table2Of2019> | undefined): Table2Of2019 {
  return Object.fromEntries(
    Object.entries(EMPTY_TABLE2_2019).map(([k, group]) => [
      k,
      Object.fromEntries(
        Object.keys(group).map((c) => [c, n((v?.[k as keyof Table2Of2019] as Record<string, unknown>)?.[c])]),
      ),
    ]),
  ) as unknown as Table2Of2019;
}

/** Fills in the computed 总计 cells and turns blanks into zeros; only the rows of the chosen format. */
function toFigures(v: ImportValues): ImportReportBody['figures'] {
  const table3 = Object.fromEntries(
    table3Rows(v.format).map(({ key }) => {
      const row = v.table3?.[key];
      const cells = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, n(row?.[c])]));
      const total = APPLICANT_COLUMNS.reduce((s, c) => s + (cells[c] ?? 0), 0);
      return [key, { ...cells, total }];
    }),
  ) as Table3;
  const table4 = Object.fromEntries(
    APPEAL_KINDS.map((kind) => {
      const row = v.table4?.[kind];
      const cells = Object.fromEntries(
        APPEAL_COLUMNS.filter((c) => c !== 'total').map((c) => [c, n(row?.[c])]),
      );
      return [kind, { ...cells, total: Object.values(cells).reduce((s, x) => s + x, 0) }];
    }),
  ) as Table4;
  const t2 = v.table2 ?? EMPTY_TABLE2;
  const table2: Table2 = {
    rules: { issued: n(t2.rules?.issued), abolished: n(t2.rules?.abolished), inForce: n(t2.rules?.inForce) },
    normativeDocs: {
      issued: n(t2.normativeDocs?.issued),
      abolished: n(t2.normativeDocs?.abolished),
      inForce: n(t2.normativeDocs?.inForce),
    },
    licensing: n(t2.licensing),
    penalties: n(t2.penalties),
    enforcement: n(t2.enforcement),
    feesTenThousandYuan: n(t2.feesTenThousandYuan),
  };
  return { table2: v.format === '2019' ? table2Of2019(v.table2019) : table2, table3, table4 };
}

/** The national balancing identities, checked while typing (the server checks them again). */
function identityProblems(table3: Table3, format: ReportFormat): string[] {
  const cell = (row: string, c: string) => n(table3?.[row]?.[c as 'natural']);
  const outcomeKeys = table3Rows(format)
    .map((r) => r.key)
    .filter((k) => !['new', 'carried_in', 'total', 'carried_out'].includes(k));
  const problems: string[] = [];
  for (const c of APPLICANT_COLUMNS) {
    const label = COLUMN_LABELS[c];
    const outcomes = outcomeKeys.reduce((s, k) => s + cell(k, c), 0);
    if (outcomes !== cell('total', c))
      problems.push(`“${label}”列：办理结果各项之和为 ${outcomes}，但（七）总计填写为 ${cell('total', c)}`);
    const left = cell('new', c) + cell('carried_in', c);
    const right = cell('total', c) + cell('carried_out', c);
    if (left !== right)
      problems.push(`“${label}”列：第一项加第二项为 ${left}，第三项加第四项为 ${right}，两者应相等`);
  }
  return problems;
}

/** 录入往年报告: enter (or copy from a published document) a past year's report for comparison. */
export function ImportReportModal({
  agencyId,
  agencyName,
  defaultYear,
  onClose,
  onImported,
}: ImportReportModalProps) {
  const [form] = Form.useForm<ImportValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();
  const format = (Form.useWatch('format', form) ?? '2021') as ReportFormat;
  const table3 = (Form.useWatch('table3', form) ?? emptyTable3(format)) as Table3;
  const table4 = (Form.useWatch('table4', form) ?? emptyTable4()) as Table4;
  const problems = identityProblems(table3, format);

  const onFinish = async () => {
    const v = form.getFieldsValue(true) as ImportValues;
    setSaving(true);
    try {
      const body: ImportReportBody = {
        year: v.year,
        format: v.format,
        source: v.source,
        figures: toFigures(v),
        narrative: {
          overview: v.narrative?.overview ?? '',
          problems: v.narrative?.problems ?? '',
          other: v.narrative?.other ?? '',
        },
      };
      await api.post(`/admin/reports/${agencyId}/import`, body);
      onImported(v.year);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  /** Imports the tables from an XLSX in the national layout (the same layout as this platform's export). */
  const onXlsx = async (file: File | undefined) => {
    if (!file) return;
    const v = form.getFieldsValue(true) as ImportValues;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    setSaving(true);
    try {
      await api.post(`/admin/reports/${agencyId}/import-xlsx`, {
        year: v.year,
        format: v.format,
        fileBase64: btoa(binary),
        narrative: {
          overview: v.narrative?.overview ?? '',
          problems: v.narrative?.problems ?? '',
          other: v.narrative?.other ?? '',
        },
      });
      onImported(v.year);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const number = (label: string, decimal = false, signed = false) => (
    <InputNumber
      min={signed ? undefined : 0}
      precision={decimal ? undefined : 0}
      controls={false}
      size="small"
      className={styles.input}
      aria-label={label}
    />
  );

  return (
    <Modal
      open
      width="min(1200px, 96vw)"
      title={`录入往年报告 · ${agencyName}`}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          year: defaultYear,
          format: '2021',
          source: 'entered',
          table2: EMPTY_TABLE2,
          table2019: EMPTY_TABLE2_2019,
          table3: emptyTable3('2021'),
          table4: emptyTable4(),
          narrative: { overview: '', problems: '', other: '' },
        }}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="用于录入平台上线前的往年年度报告，以便同比分析。录入后该年度报告即为已发布状态，不能再修改。"
        />
        <p>
          <label htmlFor="import-xlsx-file">
            已有 Excel 年报表格（国家格式，与本平台“导出 Excel”相同，2021 或 2019
            格式）？选择年度和格式后直接导入：
          </label>{' '}
          <input
            id="import-xlsx-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={saving}
            onChange={(e) => void onXlsx(e.target.files?.[0])}
          />
        </p>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
              <InputNumber
                min={FIRST_REPORT_YEAR}
                max={new Date().getFullYear()}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label="报告格式" name="format">
              <Radio.Group
                options={[
                  { value: '2021', label: FORMAT_LABELS['2021'] },
                  { value: '2019', label: FORMAT_LABELS['2019'] },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label="数据来源" name="source">
              <Radio.Group
                options={[
                  { value: 'entered', label: '人工录入' },
                  { value: 'imported', label: '从已发布报告导入' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Tabs
          items={[
            {
              key: 'table3',
              label: '三、依申请公开（表三）',
              forceRender: true,
              children: (
                <>
                  {problems.length > 0 && (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginBottom: 12 }}
                      title="勾稽关系不平衡，请与已发布的报告核对"
                      description={
                        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                          {problems.slice(0, 6).map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                          {problems.length > 6 && <li>另有 {problems.length - 6} 处</li>}
                        </ul>
                      }
                    />
                  )}
                  <Table3Grid
                    table3={table3}
                    format={format}
                    caption="“总计”列按行自动合计"
                    renderInput={(rowKey, column, label) => (
                      <Form.Item noStyle name={['table3', rowKey, column]}>
                        {number(label)}
                      </Form.Item>
                    )}
                  />
                </>
              ),
            },
            {
              key: 'table2',
              label: '二、主动公开（表二）',
              forceRender: true,
              children:
                format === '2019' ? (
                  <Table2Grid2019
                    table2={EMPTY_TABLE2_2019}
                    caption="2019 格式：“本年增/减”可填负数；采购总金额按原报告的单位填写"
                    renderInput={(path, label) => (
                      <Form.Item noStyle name={['table2019', ...path]}>
                        {number(
                          label,
                          path[0] === 'procurement' && path[1] === 'amount',
                          path[1] === 'change',
                        )}
                      </Form.Item>
                    )}
                  />
                ) : (
                  <Table2Grid
                    table2={EMPTY_TABLE2}
                    editable="all"
                    renderInput={(path, label) => (
                      <Form.Item noStyle name={['table2', ...path]}>
                        {number(label, path[0] === 'feesTenThousandYuan')}
                      </Form.Item>
                    )}
                  />
                ),
            },
            {
              key: 'table4',
              label: '四、复议诉讼（表四）',
              forceRender: true,
              children: (
                <Table4Grid
                  table4={table4}
                  caption="“总计”按类别自动合计"
                  renderInput={(kind, column, label) => (
                    <Form.Item noStyle name={['table4', kind, column]}>
                      {number(label)}
                    </Form.Item>
                  )}
                />
              ),
            },
            {
              key: 'narrative',
              label: '正文',
              forceRender: true,
              children: (
                <>
                  <Form.Item label="一、总体情况" name={['narrative', 'overview']}>
                    <Input.TextArea rows={6} maxLength={20000} />
                  </Form.Item>
                  <Form.Item label="五、存在的主要问题及改进情况" name={['narrative', 'problems']}>
                    <Input.TextArea rows={4} maxLength={20000} />
                  </Form.Item>
                  <Form.Item label="六、其他需要报告的事项" name={['narrative', 'other']}>
                    <Input.TextArea rows={4} maxLength={20000} />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
