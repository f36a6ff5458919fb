import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import type { FeeTier } from '../../types/rules';

interface FeeTierListProps {
  name: 'feePerPieceTiers' | 'feePerVolumeTiers';
  title: string;
  help: string;
  /** 件 or 页 */
  unit: string;
}

/** An editable table of fee tiers (from, to, yuan per unit) inside the rule profile form. */
export function FeeTierList({ name, title, help, unit }: FeeTierListProps) {
  const form = Form.useFormInstance();
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, fontWeight: 500, marginBottom: 4, border: 'none' }}>{title}</legend>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {help}
      </Typography.Paragraph>
      <Row gutter={8} aria-hidden style={{ fontWeight: 500, marginBottom: 4 }}>
        <Col span={7}>起（第几{unit}，含）</Col>
        <Col span={7}>止（含，空为不设上限）</Col>
        <Col span={7}>单价（元/{unit}）</Col>
      </Row>
      <Form.List name={['rules', name]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <Row key={field.key} gutter={8}>
                  <Col span={7}>
                    <Form.Item
                      name={[field.name, 'from']}
                      rules={[{ required: true, message: '请填写起点' }]}
                    >
                      <InputNumber
                        aria-label={`第 ${n} 档 起（第几${unit}）`}
                        min={1}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[field.name, 'to']}>
                      <InputNumber
                        aria-label={`第 ${n} 档 止（空为不设上限）`}
                        min={1}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item
                      name={[field.name, 'yuan']}
                      rules={[{ required: true, message: '请填写单价' }]}
                    >
                      <InputNumber
                        aria-label={`第 ${n} 档 单价（元）`}
                        min={0}
                        precision={2}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={`删除第 ${n} 档`}
                    >
                      删除
                    </Button>
                  </Col>
                </Row>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                const tiers = (form.getFieldValue(['rules', name]) as FeeTier[] | undefined) ?? [];
                const last = tiers[tiers.length - 1];
                add({ from: last?.to != null ? last.to + 1 : 1, to: null, yuan: 0 });
              }}
            >
              添加一档
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
