import { ReportHistory } from '../../components/reporting/ReportHistory';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { ImportReportModal } from '../../components/reporting/ImportReportModal';
import { ReportFilterBar } from '../../components/reporting/ReportFilterBar';
import { OverdueTag, ReportStatusTag } from '../../components/reporting/ReportStatusTags';
import { ReportWorkflow } from '../../components/reporting/ReportWorkflow';
import { downloadUrl, reportPath } from '../../components/reporting/reportLayout';
import styles from '../../components/reporting/reportTables.module.css';
import { type Table2Path, Table2Grid } from '../../components/reporting/Table2Grid';
import { Table2Grid2019 } from '../../components/reporting/Table2Grid2019';
import { Table3Grid } from '../../components/reporting/Table3Grid';
import { Table4Grid } from '../../components/reporting/Table4Grid';
import { useReportFilters } from '../../components/reporting/useReportFilters';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type {
  AnnualReport,
  ReportAction,
  ReportInputs,
  ReportNarrative,
  ReportSource,
  RowApplication,
  Table2,
  Table2Of2019,
} from '../../types/reporting';

interface DraftValues {
  inputs: ReportInputs;
  narrative: ReportNarrative;
}

const SOURCE_LABELS: Record<ReportSource, string> = {
  computed: '按平台办理记录自动计算',
  imported: '从已发布报告导入',
  entered: '人工录入',
};

/** Table 二 cells staff enter → their field in `inputs`. */
function inputKey(path: Table2Path): keyof ReportInputs {
  if (path[0] === 'rules') {
    const map = { issued: 'rulesIssued', abolished: 'rulesAbolished', inForce: 'rulesInForce' } as const;
    return map[path[1] as keyof typeof map];
  }
  return path[0] as 'licensing' | 'penalties' | 'enforcement' | 'feesTenThousandYuan';
}

/** Table 二 as shown while editing: the entered values plus the computed normative documents. */
function liveTable2(computed: Table2, inputs: Partial<ReportInputs> | undefined): Table2 {
  if (!inputs) return computed;
  return {
    ...computed,
    rules: {
      issued: inputs.rulesIssued ?? 0,
      abolished: inputs.rulesAbolished ?? 0,
      inForce: inputs.rulesInForce ?? 0,
    },
    licensing: inputs.licensing ?? 0,
    penalties: inputs.penalties ?? 0,
    enforcement: inputs.enforcement ?? 0,
    feesTenThousandYuan: inputs.feesTenThousandYuan ?? 0,
  };
}

const ACTIONS: Record<ReportAction, { label: string; confirm: string; content: string; done: string }> = {
  submit: {
    label: '提交审批',
    confirm: '提交审批？',
    content: '将先保存当前草稿，再提交分管领导审批。提交后不能再修改，除非被退回。',
    done: '已提交审批',
  },
  approve: {
    label: '审批通过',
    confirm: '审批通过？',
    content: '审批通过后，报告中的表格数据将冻结，不再随办理记录变化。',
    done: '已审批通过',
  },
  return: {
    label: '退回修改',
    confirm: '退回修改？',
    content: '报告将退回政务公开工作机构，恢复为草稿。',
    done: '已退回修改',
  },
  publish: {
    label: '发布',
    confirm: '发布年度报告？',
    content: '发布后报告将在政府信息公开专栏向社会公开。',
    done: '年度报告已发布',
  },
};

function Narrative({ text }: { text: string }) {
  return text.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">（未填写）</Typography.Text>
  );
}

export default function AnnualReportPage() {
  const { agencyId, year, setAgencyId, setYear } = useReportFilters();
  const { data, error, loading, reload } = useApiData<AnnualReport>(
    agencyId === null ? null : reportPath(agencyId, year),
  );
  const report = data && data.agencyId === agencyId && data.year === year ? data : undefined;
  const [form] = Form.useForm<DraftValues>();
  const inputs = Form.useWatch('inputs', form) as Partial<ReportInputs> | undefined;
  const [busy, setBusy] = useState<ReportAction | 'save' | null>(null);
  const [importing, setImporting] = useState(false);
  const { message, modal } = App.useApp();
  const handleError = useErrorHandler();

  const editable = report?.can.edit === true;
  const pastYear = report !== undefined && report.source !== 'computed';
  /** figures still follow the records (not frozen by approval): the rows can be opened */
  const live =
    report !== undefined && !pastYear && (report.status === 'draft' || report.status === 'submitted');
  const reportAgency = report?.agencyId;
  const reportYear = report?.year;
  const drillDown = useCallback(
    async (rowKey: string) =>
      reportAgency === undefined || reportYear === undefined
        ? []
        : (
            await api.get<{ items: RowApplication[] }>(
              `${reportPath(reportAgency, reportYear)}/rows/${encodeURIComponent(rowKey)}`,
            )
          ).items,
    [reportAgency, reportYear],
  );

  useEffect(() => {
    if (report) form.setFieldsValue({ inputs: report.inputs, narrative: report.narrative });
  }, [report, form]);

  const saveDraft = async () => {
    if (!report) return;
    const v = form.getFieldsValue(true) as DraftValues;
    const zero = (x: number | null | undefined) => x ?? 0;
    await api.put(`${reportPath(report.agencyId, report.year)}/draft`, {
      inputs: Object.fromEntries(Object.entries(v.inputs ?? {}).map(([k, x]) => [k, zero(x)])),
      narrative: {
        overview: v.narrative?.overview ?? '',
        problems: v.narrative?.problems ?? '',
        other: v.narrative?.other ?? '',
      },
    });
  };

  const onSave = async () => {
    setBusy('save');
    try {
      await saveDraft();
      void message.success('草稿已保存');
      reload();
    } catch (err) {
      handleError(err, form);
    } finally {
      setBusy(null);
    }
  };

  const runAction = (action: ReportAction) => {
    if (!report) return;
    const a = ACTIONS[action];
    modal.confirm({
      title: a.confirm,
      content: a.content,
      okText: a.label,
      cancelText: '取消',
      onOk: async () => {
        setBusy(action);
        try {
          if (action === 'submit') await saveDraft();
          await api.post(`${reportPath(report.agencyId, report.year)}/actions/${action}`);
          void message.success(a.done);
          reload();
        } catch (err) {
          handleError(err, form);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const canReturn = report?.can.return === true;

  const title = report
    ? `${report.agencyName}${report.year}年政府信息公开工作年度报告`
    : '政府信息公开工作年度报告';
  const exportBase = agencyId === null ? null : `${reportPath(agencyId, year)}/export`;

  return (
    <>
      <PageHeader
        title="年度报告"
        description="按国办公开办函〔2021〕30号格式编制、审批并公布年度报告（条例第四十九条、第五十条）；往年报告可按 2019 或 2021 格式录入或导入。"
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={exportBase ? downloadUrl(`${exportBase}/docx`) : undefined}
              disabled={!report}
            >
              导出 Word
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={exportBase ? downloadUrl(`${exportBase}/xlsx`) : undefined}
              disabled={!report}
            >
              导出 Excel
            </Button>
            {report?.can.import && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => setImporting(true)}
                disabled={agencyId === null}
              >
                录入往年报告
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <ReportFilterBar
            idPrefix="annual-report"
            agencyId={agencyId}
            onAgencyChange={setAgencyId}
            year={year}
            onYearChange={setYear}
          />
        </Card>
        {agencyId === null && (
          <Card>
            <Empty description="请选择要编制年度报告的机关" />
          </Card>
        )}
        {error && <LoadError error={error} onRetry={reload} />}
        {agencyId !== null && !report && !error && (
          <Card>
            <Spin spinning={loading} description="正在加载…">
              <div style={{ minHeight: 160 }} />
            </Spin>
          </Card>
        )}
        {report && (
          <Spin spinning={loading || busy !== null}>
            <Form form={form} layout="vertical" component={false}>
              <Flex vertical gap={16}>
                <Card
                  size="small"
                  title={
                    <Typography.Title level={4} style={{ margin: 0 }}>
                      {title}
                    </Typography.Title>
                  }
                >
                  <Flex vertical gap={16}>
                    <Descriptions
                      size="small"
                      column={{ xs: 1, sm: 2, xl: 4 }}
                      items={[
                        {
                          key: 'status',
                          label: '状态',
                          children: (
                            <Space size={4}>
                              <ReportStatusTag status={report.status} label={report.statusLabel} />
                              {report.overdue && <OverdueTag />}
                            </Space>
                          ),
                        },
                        {
                          key: 'due',
                          label: '公布期限',
                          children: (
                            <Typography.Text type={report.overdue ? 'danger' : undefined}>
                              {report.dueOn}
                              {report.overdue ? '（已超过期限，尚未发布）' : ''}
                            </Typography.Text>
                          ),
                        },
                        {
                          key: 'format',
                          label: '报告格式',
                          children: report.formatLabel,
                        },
                        { key: 'source', label: '数据来源', children: SOURCE_LABELS[report.source] },
                      ]}
                    />
                    {pastYear ? (
                      <Alert
                        type="info"
                        showIcon
                        title={`往年报告（${SOURCE_LABELS[report.source]}），仅用于查阅和同比，不走审批流程`}
                      />
                    ) : (
                      <ReportWorkflow status={report.status} />
                    )}
                    {report.problems.length > 0 ? (
                      <Alert
                        type="error"
                        showIcon
                        title={`勾稽关系校验未通过（${report.problems.length} 项）${
                          pastYear ? '，请核对录入的数据' : '，请核对办理记录后再提交'
                        }`}
                        description={
                          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                            {report.problems.map((p) => (
                              <li key={p.identity}>
                                {p.message}（应为 {p.expected}，实为 {p.actual}）
                              </li>
                            ))}
                          </ul>
                        }
                      />
                    ) : (
                      <Alert type="success" showIcon title="勾稽关系校验通过" />
                    )}
                    <Space wrap>
                      {editable && (
                        <>
                          <Button onClick={onSave} loading={busy === 'save'}>
                            保存草稿
                          </Button>
                          <Button type="primary" onClick={() => runAction('submit')}>
                            提交审批
                          </Button>
                        </>
                      )}
                      {report.can.approve && (
                        <Button type="primary" onClick={() => runAction('approve')}>
                          审批通过
                        </Button>
                      )}
                      {canReturn && (
                        <Button danger onClick={() => runAction('return')}>
                          退回修改
                        </Button>
                      )}
                      {report.can.publish && (
                        <Button type="primary" onClick={() => runAction('publish')}>
                          发布
                        </Button>
                      )}
                      {!editable && !report.can.approve && !report.can.publish && (
                        <Typography.Text type="secondary">
                          {report.status === 'published'
                            ? '报告已发布。'
                            : '当前状态下您没有可执行的操作，报告仅供查阅。'}
                        </Typography.Text>
                      )}
                    </Space>
                  </Flex>
                </Card>

                <Card size="small" title="一、总体情况">
                  {editable ? (
                    <Form.Item
                      label="总体情况正文"
                      name={['narrative', 'overview']}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} />
                    </Form.Item>
                  ) : (
                    <Narrative text={report.narrative.overview} />
                  )}
                </Card>

                <Card size="small" title="二、主动公开政府信息情况">
                  {editable && (
                    <Typography.Paragraph type="secondary">
                      规章，行政许可、处罚、强制决定数量和行政事业性收费金额来自其他业务系统，请如实录入；行政规范性文件件数来自主动公开记录，自动计算。
                    </Typography.Paragraph>
                  )}
                  {report.format === '2019' ? (
                    <Table2Grid2019
                      table2={report.figures.table2 as Table2Of2019}
                      caption="2019 格式（国办公开办函〔2019〕60号）"
                    />
                  ) : (
                    <Table2Grid
                      table2={
                        editable
                          ? liveTable2(report.figures.table2 as Table2, inputs)
                          : (report.figures.table2 as Table2)
                      }
                      editable={editable ? 'entered' : undefined}
                      renderInput={
                        editable
                          ? (path, label) => (
                              <Form.Item noStyle name={['inputs', inputKey(path)]}>
                                <InputNumber
                                  min={0}
                                  precision={path[0] === 'feesTenThousandYuan' ? undefined : 0}
                                  controls={false}
                                  size="small"
                                  className={styles.input}
                                  aria-label={label}
                                />
                              </Form.Item>
                            )
                          : undefined
                      }
                    />
                  )}
                </Card>

                <Card size="small" title="三、收到和处理政府信息公开申请情况">
                  <Typography.Paragraph type="secondary">
                    {pastYear
                      ? `往年报告数据，按录入内容显示（${report.formatLabel}）。`
                      : `按平台办理记录自动计算${
                          live
                            ? '。点击“总计”列中带下划线的数字，可查看构成该行的申请登记号'
                            : '（审批时已冻结）'
                        }。`}
                  </Typography.Paragraph>
                  <Table3Grid
                    table3={report.figures.table3}
                    format={report.format}
                    drillDown={live ? drillDown : undefined}
                  />
                </Card>

                <Card size="small" title="四、政府信息公开行政复议、行政诉讼情况">
                  <Table4Grid table4={report.figures.table4} />
                </Card>

                <Card size="small" title="五、存在的主要问题及改进情况">
                  {editable ? (
                    <Form.Item
                      label="存在的主要问题及改进情况正文"
                      name={['narrative', 'problems']}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
                    </Form.Item>
                  ) : (
                    <Narrative text={report.narrative.problems} />
                  )}
                </Card>

                <Card size="small" title="六、其他需要报告的事项">
                  {editable ? (
                    <>
                      <Form.Item
                        label="本年度实际收取信息处理费（元）"
                        name={['inputs', 'processingFeesYuan']}
                        htmlFor="annual-report-processing-fees"
                      >
                        <InputNumber
                          id="annual-report-processing-fees"
                          min={0}
                          precision={2}
                          style={{ width: 200 }}
                        />
                      </Form.Item>
                      <Form.Item
                        label="其他需要报告的事项正文"
                        name={['narrative', 'other']}
                        style={{ marginBottom: 0 }}
                      >
                        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
                      </Form.Item>
                    </>
                  ) : (
                    <>
                      <Typography.Paragraph>
                        本年度实际收取信息处理费：{report.inputs.processingFeesYuan} 元
                      </Typography.Paragraph>
                      <Narrative text={report.narrative.other} />
                    </>
                  )}
                </Card>
                {editable && (
                  <Card size="small">
                    <Space wrap>
                      <Button onClick={onSave} loading={busy === 'save'}>
                        保存草稿
                      </Button>
                      <Button type="primary" onClick={() => runAction('submit')}>
                        提交审批
                      </Button>
                    </Space>
                  </Card>
                )}
              </Flex>
            </Form>
          </Spin>
        )}
        {agencyId !== null && <ReportHistory agencyId={agencyId} />}
      </Flex>
      {importing && agencyId !== null && (
        <ImportReportModal
          agencyId={agencyId}
          agencyName={report?.agencyName ?? ''}
          defaultYear={year - 1}
          onClose={() => setImporting(false)}
          onImported={(imported) => {
            void message.success(`${imported} 年度报告已录入`);
            setImporting(false);
            if (imported === year) reload();
            else setYear(imported);
          }}
        />
      )}
    </>
  );
}
