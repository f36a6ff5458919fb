import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { OFFICE_ROLES, useAgencyChoice } from '../../hooks/useMyAgencies';

interface ImportProgress {
  id: number;
  agencyId: number;
  sheetName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  accepted: number;
  rejected: number;
  skipped: number;
  fileCount: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const STATUS: Record<ImportProgress['status'], { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '导入中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

async function toBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

function percent(p: ImportProgress): number {
  return p.total ? Math.floor((p.done / p.total) * 100) : 0;
}

/** Bulk import of already-published items from an old site: sheet + attachments, background progress, report of rejected rows. */
export default function ImportPage() {
  const { agencies, agencyId, setAgencyId } = useAgencyChoice(OFFICE_ROLES);
  const [sheet, setSheet] = useState<UploadFile[]>([]);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const list = useApiData<{ imports: ImportProgress[] }>('/admin/publication/imports');
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const active = (list.data?.imports ?? []).some((i) => i.status === 'queued' || i.status === 'running');

  // poll while an import runs; the state lives on the server, so a reload shows the same progress
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(list.reload, 1500);
    return () => clearInterval(timer);
  }, [active, list.reload]);

  const start = async () => {
    const sheetFile = sheet[0]?.originFileObj;
    if (!agencyId || !sheetFile) return;
    setBusy(true);
    try {
      await api.post('/admin/publication/imports', {
        agencyId,
        sheet: { name: sheetFile.name, contentBase64: await toBase64(sheetFile) },
        files: await Promise.all(
          files
            .map((f) => f.originFileObj)
            .filter((f): f is NonNullable<typeof f> => !!f)
            .map(async (f) => ({ name: f.webkitRelativePath || f.name, contentBase64: await toBase64(f) })),
        ),
      });
      void message.success('已开始导入，可离开本页，稍后回来查看进度');
      setSheet([]);
      setFiles([]);
      list.reload();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="批量导入（旧网站迁移）"
        description="把旧网站已主动公开的信息连同附件一次导入：每行一条信息，附件逐个检查格式、提取文字并做敏感信息检查；含身份证号、手机号或密级标志的行不予导入。同一表格重复导入不会产生重复信息。"
        extra={<Link to="/proactive">返回主动公开</Link>}
      />
      {agencies.length === 0 ? (
        <Alert type="info" showIcon title="批量导入由本机关政务公开办（或机关管理员）操作。" />
      ) : (
        <Card title="新建导入" style={{ marginBottom: 16 }}>
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            <Form.Item label="导入到的机关" required>
              <Select aria-label="导入到的机关" value={agencyId} onChange={setAgencyId} options={agencies} />
            </Form.Item>
            <Form.Item
              label="导入表格（XLSX）"
              required
              extra={
                <span>
                  第 1 行为表头，每行一条信息。
                  {agencyId ? (
                    <a href={`/api/v1/admin/publication/imports/template?agencyId=${agencyId}`}>
                      下载导入模板
                    </a>
                  ) : null}
                  （含示例行和本机关可选的主题分类、目录分类）
                </span>
              }
            >
              <Upload
                accept=".xlsx"
                maxCount={1}
                fileList={sheet}
                beforeUpload={() => false}
                onChange={({ fileList }) => setSheet(fileList.slice(-1))}
              >
                <Button>选择表格</Button>
              </Upload>
            </Form.Item>
            <Form.Item
              label="附件（ZIP 压缩包或多个文件）"
              extra="表格“附件文件名”列写的文件；PDF、DOCX、XLSX、JPG、PNG，单个不超过 20 MB"
            >
              <Upload.Dragger
                multiple
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>点击或拖入附件文件、ZIP 压缩包</p>
              </Upload.Dragger>
            </Form.Item>
            <Button type="primary" loading={busy} disabled={!agencyId || sheet.length === 0} onClick={start}>
              开始导入
            </Button>
          </Form>
        </Card>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card title="导入记录">
          <Table<ImportProgress>
            rowKey="id"
            loading={list.loading && !list.data}
            dataSource={list.data?.imports ?? []}
            pagination={false}
            columns={[
              { title: '表格', dataIndex: 'sheetName' },
              {
                title: '机关',
                dataIndex: 'agencyId',
                render: (a: number) => agencies.find((x) => x.value === a)?.label ?? a,
              },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: ImportProgress['status'], r) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>
                    {r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : null}
                  </Space>
                ),
              },
              {
                title: '进度',
                key: 'progress',
                width: 260,
                render: (_, r) => (
                  <div>
                    <Progress
                      percent={percent(r)}
                      status={
                        r.status === 'failed' ? 'exception' : r.status === 'done' ? 'success' : 'active'
                      }
                      aria-label={`已处理 ${r.done} / ${r.total} 行`}
                    />
                    <Typography.Text type="secondary">
                      已处理 {r.done} / {r.total} 行
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: '结果',
                key: 'result',
                render: (_, r) => (
                  <Space wrap>
                    <Tag color="green">已导入 {r.accepted}</Tag>
                    <Tag color={r.rejected ? 'red' : undefined}>拒绝 {r.rejected}</Tag>
                    <Tag>重复跳过 {r.skipped}</Tag>
                  </Space>
                ),
              },
              {
                title: '报告',
                key: 'report',
                render: (_, r) =>
                  r.rejected + r.skipped > 0 ? (
                    <a href={`/api/v1/admin/publication/imports/${r.id}/report`}>下载未导入行报告</a>
                  ) : r.status === 'done' ? (
                    '全部导入'
                  ) : null,
              },
              {
                title: '上传时间',
                dataIndex: 'createdAt',
                render: (t: string) => t.slice(0, 16).replace('T', ' '),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
