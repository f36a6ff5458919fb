import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { LoadError } from '../../components/LoadError';
import { MyAgencySelect } from '../../components/MyAgencySelect';
import { PageHeader } from '../../components/PageHeader';
import { downloadUrl } from '../../components/reporting/reportLayout';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useAgencyChoice } from '../../hooks/useMyAgencies';
import type { ArchiveVolume, ArchiveVolumeItem, Handover } from '../../types/archive';
import { validateForm } from '../../lib/validateForm';

const ATTRIBUTE: Record<string, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  not_public: '不予公开',
};

/** 归档 (《县局政务公开制度汇编》 "分年度统一归档") and 移交 to the state archive and the public library (R.25). */
export default function ArchivePage() {
  const { agencies, agencyId, setAgencyId } = useAgencyChoice();
  const base = agencyId ? `/admin/publication/agencies/${agencyId}/archive` : null;
  const volumes = useApiData<{ items: ArchiveVolume[] }>(base && `${base}/volumes`);
  const handovers = useApiData<{ items: Handover[] }>(base && `${base}/handovers`);
  const [openId, setOpenId] = useState<number | null>(null);
  const volume = useApiData<{ volume: ArchiveVolume; agencyName: string; items: ArchiveVolumeItem[] }>(
    openId ? `/admin/publication/archive/volumes/${openId}` : null,
  );
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [handoverOpen, setHandoverOpen] = useState(false);
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message, modal } = App.useApp();

  const reloadAll = () => {
    volumes.reload();
    handovers.reload();
    volume.reload();
  };

  const build = async () => {
    try {
      const v = await api.post<ArchiveVolume>(`${base}/volumes`, { year });
      void message.success(`${v.year}年度归档卷已整理，共 ${v.itemCount} 件`);
      setOpenId(v.id);
      reloadAll();
    } catch (err) {
      onError(err);
    }
  };

  const close = (v: ArchiveVolume) =>
    modal.confirm({
      title: `封卷：${v.year}年度`,
      content: '封卷时按当前记录最后整理一次卷内目录，封卷后目录不再变化。',
      okText: '封卷',
      onOk: async () => {
        try {
          await api.post(`/admin/publication/archive/volumes/${v.id}/close`);
          void message.success('已封卷');
          reloadAll();
        } catch (err) {
          onError(err);
        }
      },
    });

  const saveHandover = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      await api.post(`${base}/handovers`, {
        year: v.year,
        volumeId: v.volumeId ?? null,
        recipientKind: v.recipientKind,
        institution: v.institution,
        handedOn: v.handedOn,
        itemCount: v.itemCount ?? null,
        receiptNo: v.receiptNo || null,
        note: v.note || null,
      });
      void message.success('移交已登记');
      setHandoverOpen(false);
      handovers.reload();
    } catch (err) {
      onError(err, form);
    }
  };

  const closedVolumes = (volumes.data?.items ?? []).filter((v) => v.status === 'closed');

  return (
    <>
      <PageHeader
        title="归档与移交"
        description="按年度整理归档卷（含依申请公开、不予公开和机关内部公开的信息，仅本机关可见），年度结束后封卷并导出卷内目录；登记向国家档案馆、公共图书馆送交主动公开信息的情况（条例第二十五条）。"
        extra={<Link to="/proactive">返回主动公开</Link>}
      />
      <MyAgencySelect
        value={agencyId}
        onChange={(v) => {
          setAgencyId(v);
          setOpenId(null);
        }}
        options={agencies}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title="年度归档卷"
          extra={
            <Space>
              <InputNumber
                aria-label="年度"
                min={2008}
                max={2100}
                value={year}
                onChange={(v) => v && setYear(v)}
              />
              <Button type="primary" onClick={() => void build()}>
                整理归档卷
              </Button>
            </Space>
          }
        >
          {volumes.error ? (
            <LoadError error={volumes.error} onRetry={volumes.reload} />
          ) : (
            <Table<ArchiveVolume>
              rowKey="id"
              size="small"
              loading={volumes.loading}
              pagination={false}
              dataSource={volumes.data?.items ?? []}
              locale={{ emptyText: '尚未整理归档卷' }}
              columns={[
                { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年度` },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string, r) => (
                    <Tag color={s === 'closed' ? 'green' : 'blue'}>
                      {r.statusLabel}
                      {r.closedOn ? `（${r.closedOn}）` : ''}
                    </Tag>
                  ),
                },
                { title: '卷内件数', dataIndex: 'itemCount' },
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r) => (
                    <Space>
                      <Button size="small" onClick={() => setOpenId(r.id)}>
                        卷内目录
                      </Button>
                      {r.status === 'open' && (
                        <Button size="small" onClick={() => close(r)}>
                          封卷
                        </Button>
                      )}
                      <a href={downloadUrl(`/admin/publication/archive/volumes/${r.id}/export?format=xlsx`)}>
                        导出目录（XLSX）
                      </a>
                      <a href={downloadUrl(`/admin/publication/archive/volumes/${r.id}/export?format=docx`)}>
                        封面和目录（DOCX）
                      </a>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
        {openId && volume.data && (
          <Card
            title={`${volume.data.agencyName}${volume.data.volume.year}年度 · 卷内目录（${volume.data.items.length} 件）`}
            extra={<Button onClick={() => setOpenId(null)}>收起</Button>}
          >
            <Table<ArchiveVolumeItem>
              rowKey="itemId"
              size="small"
              loading={volume.loading}
              dataSource={volume.data.items}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: '序号', dataIndex: 'position', width: 60 },
                { title: '索引号', dataIndex: 'indexNo', width: 270, render: (v: string | null) => v ?? '—' },
                {
                  title: '标题',
                  dataIndex: 'title',
                  render: (t: string, r) => <Link to={`/proactive/${r.itemId}`}>{t}</Link>,
                },
                { title: '文号', dataIndex: 'docNo', width: 150, render: (v: string | null) => v ?? '—' },
                { title: '成文日期', dataIndex: 'generatedOn', width: 110 },
                {
                  title: '发布日期',
                  dataIndex: 'publishedOn',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '公开属性',
                  dataIndex: 'attribute',
                  width: 110,
                  render: (a: string, r) => (
                    <>
                      {ATTRIBUTE[a] ?? a}
                      {r.scope === 'internal' && <Tag style={{ marginLeft: 4 }}>内部</Tag>}
                    </>
                  ),
                },
                { title: '附件', dataIndex: 'attachmentCount', width: 60 },
              ]}
            />
          </Card>
        )}
        <Card
          title="移交登记（送交档案馆、图书馆）"
          extra={
            <Button
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ year, recipientKind: 'state_archive' });
                setHandoverOpen(true);
              }}
            >
              登记移交
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">
            自查报告中“向档案馆、图书馆报送主动公开信息”的条数取自本登记。
          </Typography.Paragraph>
          {handovers.error ? (
            <LoadError error={handovers.error} onRetry={handovers.reload} />
          ) : (
            <Table<Handover>
              rowKey="id"
              size="small"
              loading={handovers.loading}
              pagination={false}
              dataSource={handovers.data?.items ?? []}
              locale={{ emptyText: '尚无移交记录' }}
              columns={[
                { title: '年度', dataIndex: 'year', width: 80 },
                {
                  title: '接收单位',
                  dataIndex: 'institution',
                  render: (t: string, r) => `${t}（${r.recipientLabel}）`,
                },
                { title: '移交日期', dataIndex: 'handedOn', width: 110 },
                { title: '条数', dataIndex: 'itemCount', width: 70 },
                {
                  title: '回执编号',
                  dataIndex: 'receiptNo',
                  width: 140,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '归档卷',
                  dataIndex: 'volumeId',
                  width: 90,
                  render: (v: number | null) => (v ? '整卷' : '—'),
                },
                { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
              ]}
            />
          )}
        </Card>
      </Space>
      <Modal
        open={handoverOpen}
        title="登记移交"
        onCancel={() => setHandoverOpen(false)}
        onOk={() => void saveHandover()}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2008} max={2100} />
          </Form.Item>
          <Form.Item name="volumeId" label="按归档卷移交（已封卷的卷；条数自动取卷内主动公开信息数）">
            <Select
              allowClear
              options={closedVolumes.map((v) => ({
                value: v.id,
                label: `${v.year}年度归档卷（${v.itemCount} 件）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="recipientKind" label="接收单位类别" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'state_archive', label: '国家档案馆' },
                { value: 'public_library', label: '公共图书馆' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="institution"
            label="接收单位"
            rules={[{ required: true, message: '请填写接收单位名称' }]}
          >
            <Input maxLength={100} placeholder="如：云岭县档案馆" />
          </Form.Item>
          <Form.Item name="handedOn" label="移交日期" rules={[{ required: true, message: '请选择移交日期' }]}>
            <DateField />
          </Form.Item>
          <Form.Item name="itemCount" label="移交条数（未选归档卷时必填）">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="receiptNo" label="回执编号">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
