import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ModuleInfo } from '../../lib/modules';

interface ModuleGridProps {
  title: string;
  modules: ModuleInfo[];
}

export function ModuleGrid({ title, modules }: ModuleGridProps) {
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={[16, 16]}>
        {modules.map((m) => (
          <Col key={m.path} xs={24} sm={12} lg={8} xxl={6}>
            <Link to={`/${m.path}`} style={{ display: 'block', height: '100%' }}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24 }}>{m.icon}</span>}
                  title={
                    <>
                      {m.title} {m.plannedFeatures && <Tag>建设中</Tag>}
                    </>
                  }
                  description={m.summary}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}
