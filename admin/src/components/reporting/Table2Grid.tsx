import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Table2 } from '../../types/reporting';
import styles from './reportTables.module.css';

/** A path into Table2, e.g. ['rules', 'issued'] or ['licensing']. */
export type Table2Path = [keyof Table2] | ['rules' | 'normativeDocs', 'issued' | 'abolished' | 'inForce'];

interface Table2GridProps {
  table2: Table2;
  /**
   * 'entered': the items staff enter (规章, 许可, 处罚, 强制, 收费) are inputs and 行政规范性文件 is
   * computed from the publication records; 'all': every cell is an input (past years).
   */
  editable?: 'entered' | 'all';
  renderInput?: (path: Table2Path, label: string) => ReactNode;
  caption?: ReactNode;
}

function valueAt(table2: Table2, path: Table2Path): number {
  if (path.length === 2) return table2[path[0]]?.[path[1]] ?? 0;
  const v = table2[path[0]];
  return typeof v === 'number' ? v : 0;
}

/** Table 二 (主动公开政府信息情况) in the national layout. */
export function Table2Grid({ table2, editable, renderInput, caption }: Table2GridProps) {
  const cell = (path: Table2Path, label: string, colSpan?: number) => {
    const isInput =
      renderInput && (editable === 'all' || (editable === 'entered' && path[0] !== 'normativeDocs'));
    const computed = editable === 'entered' && path[0] === 'normativeDocs';
    return (
      <td colSpan={colSpan} className={`${styles.num} ${computed ? styles.computed : ''}`}>
        {isInput ? renderInput(path, label) : valueAt(table2, path)}
      </td>
    );
  };
  const section = (title: string) => (
    <tr>
      <th colSpan={4} scope="colgroup" className={styles.section}>
        {title}
      </th>
    </tr>
  );
  const single = (unit: string) => (
    <tr>
      <th scope="col">信息内容</th>
      <th colSpan={3} scope="col">
        {unit}
      </th>
    </tr>
  );
  const computedNote =
    editable === 'entered' ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        （来自主动公开记录，自动计算）
      </Typography.Text>
    ) : null;

  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        {caption && <caption>{caption}</caption>}
        <tbody>
          {section('第二十条第（一）项')}
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年制发件数</th>
            <th scope="col">本年废止件数</th>
            <th scope="col">现行有效件数</th>
          </tr>
          <tr>
            <th scope="row">规章</th>
            {cell(['rules', 'issued'], '规章本年制发件数')}
            {cell(['rules', 'abolished'], '规章本年废止件数')}
            {cell(['rules', 'inForce'], '规章现行有效件数')}
          </tr>
          <tr>
            <th scope="row">行政规范性文件 {computedNote}</th>
            {cell(['normativeDocs', 'issued'], '行政规范性文件本年制发件数')}
            {cell(['normativeDocs', 'abolished'], '行政规范性文件本年废止件数')}
            {cell(['normativeDocs', 'inForce'], '行政规范性文件现行有效件数')}
          </tr>
          {section('第二十条第（五）项')}
          {single('本年处理决定数量')}
          <tr>
            <th scope="row">行政许可</th>
            {cell(['licensing'], '行政许可本年处理决定数量', 3)}
          </tr>
          {section('第二十条第（六）项')}
          {single('本年处理决定数量')}
          <tr>
            <th scope="row">行政处罚</th>
            {cell(['penalties'], '行政处罚本年处理决定数量', 3)}
          </tr>
          <tr>
            <th scope="row">行政强制</th>
            {cell(['enforcement'], '行政强制本年处理决定数量', 3)}
          </tr>
          {section('第二十条第（八）项')}
          {single('本年收费金额（单位：万元）')}
          <tr>
            <th scope="row">行政事业性收费</th>
            {cell(['feesTenThousandYuan'], '行政事业性收费本年收费金额（万元）', 3)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
