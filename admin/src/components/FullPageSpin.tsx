import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" description="正在加载…" />
    </div>
  );
}
