import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useCallback, useState } from 'react';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { type AgencyNode, KIND_OPTIONS } from '../../lib/agencyTree';
import type { Agency, AgencyInput } from '../../types/agency';
import type { RuleProfile } from '../../types/rules';
import { AgencyTreeSelect } from '../AgencyTreeSelect';
import { type AgencyFormValues, normaliseAgencyValues } from './agencyFormValues';

interface AgencyFormProps {
  initialValues: AgencyFormValues;
  tree: AgencyNode[];
  ruleProfiles: RuleProfile[];
  /** ids that cannot be the parent (the agency itself and its descendants) */
  excludedParentIds?: Set<number>;
  submitText: string;
  onSubmit: (values: AgencyInput) => Promise<void>;
  onCancel?: () => void;
}

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function AgencyForm(props: AgencyFormProps) {
  const { initialValues, tree, ruleProfiles, excludedParentIds, submitText, onSubmit, onCancel } = props;
  const [form] = Form.useForm<AgencyFormValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();
  const isExcluded = useCallback((a: Agency) => excludedParentIds?.has(a.id) ?? false, [excludedParentIds]);

  const onFinish = async (values: AgencyFormValues) => {
    setSaving(true);
    try {
      await onSubmit(normaliseAgencyValues(values));
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请输入机关名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="简称" name="shortName">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="上级机关" name="parentId" extra="不选表示顶级（仅地区可为顶级）">
            <AgencyTreeSelect tree={tree} isDisabled={isExcluded} placeholder="无（顶级）" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="机关简码"
            name="code"
            extra="用于网址，小写字母、数字和连字符，2–40 位"
            rules={[
              { required: true, whitespace: true, message: '请输入机关简码' },
              { pattern: CODE_PATTERN, message: '只能使用小写字母、数字和连字符，且以字母或数字开头' },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="统一社会信用代码" name="officialCode" extra="也可填写组织机构代码">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="行政区划代码" name="regionCode">
            <Input maxLength={12} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="规则配置" name="ruleProfileId">
            <Select
              allowClear
              placeholder="沿用上级机关或默认规则"
              options={ruleProfiles.map((p) => ({
                value: p.id,
                label: p.isDefault ? `${p.name}（默认）` : p.name,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="地址" name="address">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="邮政编码"
            name="postalCode"
            rules={[{ pattern: /^\d{6}$/, message: '邮政编码为 6 位数字' }]}
          >
            <Input maxLength={6} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="传真" name="fax">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            label="网站"
            name="website"
            rules={[{ type: 'url', message: '网址格式不正确，应以 http:// 或 https:// 开头' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            label="办公时间"
            name="officeHours"
            extra="例如：工作日上午 9:00–12:00，下午 13:30–17:00（法定节假日除外）"
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="排序" name="sortOrder" extra="数字小的排在前面">
            <InputNumber min={0} max={99999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="受理依申请公开" name="acceptsApplications" valuePropName="checked">
            <Switch checkedChildren="受理" unCheckedChildren="不受理" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitText}
      </Button>
      {onCancel && (
        <Button style={{ marginLeft: 8 }} onClick={onCancel}>
          取消
        </Button>
      )}
    </Form>
  );
}
