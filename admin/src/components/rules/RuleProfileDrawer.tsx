import { Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { RuleProfile, Rules } from '../../types/rules';
import { FeeTierList } from './FeeTierList';
import {
  ANNUAL_REPORT_FIELDS,
  MONTH_DAY_PATTERN,
  normaliseReminderDays,
  REMINDER_HELP,
  RULE_SECTIONS,
} from './ruleFields';

export interface RuleProfileFormValues {
  code: string;
  name: string;
  description: string | null;
  rules: Rules;
}

interface RuleProfileDrawerProps {
  open: boolean;
  /** the profile being edited; null when creating */
  profile: RuleProfile | null;
  initialValues: RuleProfileFormValues;
  onClose: () => void;
  onSaved: (profile: RuleProfile) => void;
}

const half = { xs: 24, sm: 12 };

export function RuleProfileDrawer({
  open,
  profile,
  initialValues,
  onClose,
  onSaved,
}: RuleProfileDrawerProps) {
  const [form] = Form.useForm<RuleProfileFormValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();

  const onFinish = async (values: RuleProfileFormValues) => {
    setSaving(true);
    const rules: Rules = {
      ...values.rules,
      reminderDaysBefore: normaliseReminderDays(values.rules.reminderDaysBefore),
    };
    const description = values.description?.trim() || null;
    try {
      const saved = profile
        ? await api.patch<RuleProfile>(`/admin/rule-profiles/${profile.id}`, {
            name: values.name.trim(),
            description,
            rules,
          })
        : await api.post<RuleProfile>('/admin/rule-profiles', {
            code: values.code.trim(),
            name: values.name.trim(),
            description,
            rules,
          });
      onSaved(saved);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={profile ? `编辑规则配置：${profile.name}` : '新增规则配置'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              label="代码"
              name="code"
              extra={profile ? '代码创建后不能修改' : '小写字母、数字和连字符，例如 local-15-15'}
              rules={[
                { required: true, whitespace: true, message: '请输入代码' },
                { pattern: /^[a-z0-9][a-z0-9-]*$/, message: '只能使用小写字母、数字和连字符' },
              ]}
            >
              <Input disabled={profile !== null} maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label="名称"
              name="name"
              rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="说明" name="description">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {RULE_SECTIONS.map((section) => (
          <section key={section.title}>
            <Divider titlePlacement="start">{section.title}</Divider>
            <Row gutter={16}>
              {section.fields.map((f) => (
                <Col key={f.key} {...half}>
                  <Form.Item
                    label={f.label}
                    name={['rules', f.key]}
                    extra={f.help}
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              {section.title === '依申请公开期限' && (
                <Col {...half}>
                  <Form.Item
                    label="缴费期间不计入答复期限"
                    name={['rules', 'feePaymentPausesClock']}
                    valuePropName="checked"
                    extra="国办函〔2020〕109号：自发出收费通知至收到缴费的期间，不计算在答复期限内。"
                  >
                    <Switch checkedChildren="不计入" unCheckedChildren="计入" />
                  </Form.Item>
                </Col>
              )}
              {section.title === '主动公开与其他期限' && (
                <Col {...half}>
                  <Form.Item
                    label="到期提醒（提前工作日数）"
                    name={['rules', 'reminderDaysBefore']}
                    extra={REMINDER_HELP}
                    normalize={normaliseReminderDays}
                  >
                    <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </section>
        ))}
        <Divider titlePlacement="start">年度报告</Divider>
        <Row gutter={16}>
          {ANNUAL_REPORT_FIELDS.map((f) => (
            <Col key={f.key} {...half}>
              <Form.Item
                label={f.label}
                name={['rules', f.key]}
                extra={f.help}
                rules={[
                  { required: true, message: '请填写' },
                  { pattern: MONTH_DAY_PATTERN, message: '格式为 月-日，例如 01-31' },
                ]}
              >
                <Input placeholder="MM-DD" maxLength={5} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">信息处理费（国办函〔2020〕109号）</Divider>
        <FeeTierList
          name="feePerPieceTiers"
          title="按件计收阶梯"
          unit="件"
          help="按申请件数计收，同一申请人一个自然月内累计；超出最后一档后按下方规则逐档加收。"
        />
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              label="超出阶梯后每档件数"
              name={['rules', 'feePerPieceBandSize']}
              extra="超出上表最后一档后，每多少件为一档"
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label="每档加收（元/件）"
              name={['rules', 'feePerPieceBandIncrement']}
              extra="每进入新的一档，每件收费标准提高的金额"
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <FeeTierList
          name="feePerVolumeTiers"
          title="按量计收阶梯"
          unit="页"
          help="按单件申请的信息量（页数）计收。"
        />
      </Form>
    </Drawer>
  );
}
