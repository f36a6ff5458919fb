import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { useApiData } from '../../hooks/useApiData';
import type { DetectionList } from '../../types/oversight';

/**
 * The open detections of the user's agencies and of those it supervises (违规自动发现), per kind —
 * the supervising office's view across its agencies. Hidden when there is nothing open.
 */
export function DetectionSummary() {
  const { data } = useApiData<DetectionList>('/admin/oversight/detections?state=open&limit=1');
  if (!data || data.total === 0) return null;
  const agencies = data.byAgency.filter((a) => a.open > 0).length;
  return (
    <Card
      size="small"
      title={`违规自动发现：${agencies} 个机关共 ${data.total} 项未纠正`}
      extra={<Link to="/supervision/detections">查看清单</Link>}
    >
      <Row gutter={[12, 12]}>
        {data.byKind
          .filter((k) => k.open > 0)
          .map((k) => (
            <Col key={k.kind} xs={12} md={8} xl={4}>
              <Link
                to={withQuery('/supervision/detections', { kind: k.kind })}
                aria-label={`${k.label} ${k.open} 项`}
              >
                <Statistic
                  title={k.label}
                  value={k.open}
                  suffix="项"
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Link>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
