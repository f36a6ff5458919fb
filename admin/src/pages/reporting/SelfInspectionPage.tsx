import { DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { ReportFilterBar } from '../../components/reporting/ReportFilterBar';
import { downloadUrl } from '../../components/reporting/reportLayout';
import { useReportFilters } from '../../components/reporting/useReportFilters';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { formatDateTime } from '../../lib/format';
import type {
  SelfInspection,
  SelfInspectionFigures,
  SelfInspectionInputs,
  SelfInspectionNarrative,
} from '../../types/reporting';

interface Values {
  inputs: SelfInspectionInputs;
  narrative: SelfInspectionNarrative;
}

const FIGURES: { key: keyof SelfInspectionFigures; label: string; unit: string }[] = [
  { key: 'documentsIssued', label: '本年制发公文', unit: '件' },
  { key: 'proactive', label: '其中：主动公开', unit: '件' },
  { key: 'onApplication', label: '其中：依申请公开', unit: '件' },
  { key: 'notDisclosed', label: '其中：不予公开', unit: '件' },
  { key: 'fullTextOnlineRate', label: '主动公开文件全文上网率', unit: '%' },
  { key: 'sentToArchives', label: '向档案馆、图书馆报送', unit: '件' },
  { key: 'interpretations', label: '政策解读', unit: '篇' },
  { key: 'applicationsReceived', label: '收到政府信息公开申请', unit: '件' },
  { key: 'applicationsClosed', label: '办结政府信息公开申请', unit: '件' },
  { key: 'disclosed', label: '其中：予以公开', unit: '件' },
  { key: 'partial', label: '其中：部分公开', unit: '件' },
];

const INPUTS: { key: keyof SelfInspectionInputs; label: string; unit: string }[] = [
  { key: 'trainings', label: '培训次数', unit: '次' },
  { key: 'trainingAttendance', label: '培训人次', unit: '人次' },
  { key: 'pressConferences', label: '新闻发布会次数', unit: '次' },
  { key: 'columnsUpdated', label: '栏目更新条数', unit: '条' },
  { key: 'messagesHandled', label: '留言办理件数', unit: '件' },
];

const NARRATIVE: { key: keyof SelfInspectionNarrative; label: string }[] = [
  { key: 'overview', label: '一、总体情况' },
  { key: 'keyTasks', label: '二、工作要点落实情况' },
  { key: 'problems', label: '三、存在的问题' },
  { key: 'nextSteps', label: '四、下一步工作打算' },
];

function figureText(value: number | null, unit: string): string {
  if (value === null || value === undefined) return '—';
  return unit === '%' ? `${value.toFixed(1)}%` : `${value} ${unit}`;
}

export default function SelfInspectionPage() {
  const { agencyId, year, setAgencyId, setYear } = useReportFilters();
  const path = agencyId === null ? null : `/admin/self-inspection/${agencyId}/${year}`;
  const { data, error, loading, reload } = useApiData<SelfInspection>(path);
  const report = data?.year === year ? data : undefined;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useErrorHandler();

  useEffect(() => {
    if (report) form.setFieldsValue({ inputs: report.inputs, narrative: report.narrative });
  }, [report, form]);

  const onFinish = async (v: Values) => {
    if (!path) return;
    setSaving(true);
    try {
      await api.put(path, {
        inputs: Object.fromEntries(INPUTS.map(({ key }) => [key, v.inputs?.[key] ?? 0])),
        narrative: Object.fromEntries(NARRATIVE.map(({ key }) => [key, v.narrative?.[key] ?? ''])),
      });
      void message.success('自查报告已保存');
      reload();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="自查报告"
        description="政务公开工作自查报告：平台记录的数据自动统计，平台未记录的工作量由工作人员填写，并撰写自查情况。"
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={path ? downloadUrl(`${path}/export`) : undefined}
              disabled={!report}
            >
              导出 Word
            </Button>
            <Button type="primary" onClick={() => form.submit()} loading={saving} disabled={!report}>
              保存
            </Button>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <ReportFilterBar
            idPrefix="self-inspection"
            agencyId={agencyId}
            onAgencyChange={setAgencyId}
            year={year}
            onYearChange={setYear}
          />
        </Card>
        {agencyId === null && (
          <Card>
            <Empty description="请选择机关" />
          </Card>
        )}
        {error && <LoadError error={error} onRetry={reload} />}
        {agencyId !== null && !report && !error && (
          <Card>
            <Spin spinning description="正在加载…">
              <div style={{ minHeight: 160 }} />
            </Spin>
          </Card>
        )}
        {report && (
          <Spin spinning={loading || saving}>
            <Form form={form} layout="vertical" onFinish={onFinish}>
              <Flex vertical gap={16}>
                <Card
                  size="small"
                  title={`${report.agencyName}${report.year}年政务公开工作自查报告`}
                  extra={
                    <Typography.Text type="secondary">
                      {report.updatedAt ? `最近保存：${formatDateTime(report.updatedAt)}` : '尚未保存'}
                    </Typography.Text>
                  }
                >
                  <Descriptions
                    title="平台统计数据（自动计算，只读）"
                    size="small"
                    bordered
                    column={{ xs: 1, sm: 2, xl: 3 }}
                    items={FIGURES.map((f) => ({
                      key: f.key,
                      label: f.label,
                      children: figureText(report.figures[f.key], f.unit),
                    }))}
                  />
                </Card>
                <Card size="small" title="工作量填报（平台未记录，请如实填写）">
                  <Row gutter={16}>
                    {INPUTS.map((f) => (
                      <Col key={f.key} xs={24} sm={12} lg={8} xxl={4}>
                        <Form.Item
                          label={f.label}
                          name={['inputs', f.key]}
                          extra={
                            f.key === 'pressConferences'
                              ? `平台“新闻发布会”记录本年已举办 ${report.recorded.pressConferences} 场；未保存过时按记录预填，可修改。`
                              : undefined
                          }
                        >
                          <InputNumber min={0} precision={0} suffix={f.unit} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </Card>
                <Card size="small" title="自查情况">
                  {NARRATIVE.map((n) => (
                    <Form.Item key={n.key} label={n.label} name={['narrative', n.key]}>
                      <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
                    </Form.Item>
                  ))}
                  <Button type="primary" htmlType="submit" loading={saving}>
                    保存
                  </Button>
                </Card>
              </Flex>
            </Form>
          </Spin>
        )}
      </Flex>
    </>
  );
}
