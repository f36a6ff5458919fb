import { Card, Result, Typography } from 'antd';
import type { ModuleInfo } from '../lib/modules';

/** Stands in for a business module that is still being built. */
export default function PlaceholderPage({ module }: { module: ModuleInfo }) {
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 64 }}>{module.icon}</span>}
        title={`${module.title}（建设中）`}
        subTitle={`本模块正在建设中，建成后将提供：${module.summary}。`}
      >
        {module.plannedFeatures && (
          <>
            <Typography.Title level={5}>计划功能</Typography.Title>
            <ul>
              {module.plannedFeatures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
      </Result>
    </Card>
  );
}
