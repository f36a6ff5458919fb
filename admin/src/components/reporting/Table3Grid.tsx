import { Button, Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Table3, Table3Column } from '../../types/reporting';
import {
  APPLICANT_COLUMNS,
  COLUMN_LABELS,
  OUTCOME_GROUPS,
  RESULTS_LABEL,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
} from './reportLayout';
import styles from './reportTables.module.css';

interface Table3GridProps {
  table3: Table3;
  /** application ids behind each row; the 总计 cell then opens the list */
  contributors?: Record<string, (number | string)[]>;
  /** editing: renders an input for each applicant cell; 总计 is then the live row sum */
  renderInput?: (rowKey: string, column: Table3Column, label: string) => ReactNode;
  caption?: ReactNode;
}

const RESULT_ROWS = OUTCOME_GROUPS.reduce((n, g) => n + g.rows.length, 0);

function rowSum(table3: Table3, rowKey: string): number {
  const row = table3[rowKey];
  if (!row) return 0;
  return APPLICANT_COLUMNS.reduce((sum, c) => sum + (Number(row[c]) || 0), 0);
}

/** Table 三 (收到和处理政府信息公开申请情况) in the national layout. */
export function Table3Grid({ table3, contributors, renderInput, caption }: Table3GridProps) {
  const cells = (rowKey: string) =>
    TABLE3_COLUMNS.map((column) => {
      const label = `${TABLE3_ROW_LABELS[rowKey]}，${COLUMN_LABELS[column]}`;
      if (column === 'total') {
        const value = renderInput ? rowSum(table3, rowKey) : (table3[rowKey]?.total ?? 0);
        const ids = contributors?.[rowKey] ?? [];
        return (
          <td key={column} className={`${styles.num} ${renderInput ? styles.computed : ''}`}>
            {ids.length > 0 ? (
              <Popover
                trigger={['hover', 'click']}
                title="由以下申请构成"
                content={
                  <div style={{ maxWidth: 360 }}>
                    <Typography.Text type="secondary">{TABLE3_ROW_LABELS[rowKey]}</Typography.Text>
                    <div style={{ marginTop: 4 }}>{ids.map((id) => `#${id}`).join('、')}</div>
                  </div>
                }
              >
                <Button
                  type="link"
                  size="small"
                  className={styles.linkNumber}
                  aria-label={`${label}：${value}，查看构成的申请`}
                >
                  {value}
                </Button>
              </Popover>
            ) : (
              value
            )}
          </td>
        );
      }
      return (
        <td key={column} className={styles.num}>
          {renderInput ? renderInput(rowKey, column, label) : (table3[rowKey]?.[column] ?? 0)}
        </td>
      );
    });

  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th colSpan={3} rowSpan={3} scope="col" className={styles.identity}>
              （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
            </th>
            <th colSpan={7} scope="colgroup">
              申请人情况
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">
              自然人
            </th>
            <th colSpan={5} scope="colgroup">
              法人或其他组织
            </th>
            <th rowSpan={2} scope="col">
              总计
            </th>
          </tr>
          <tr>
            {APPLICANT_COLUMNS.slice(1).map((c) => (
              <th key={c} scope="col">
                {COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th colSpan={3} scope="row">
              {TABLE3_ROW_LABELS.new}
            </th>
            {cells('new')}
          </tr>
          <tr>
            <th colSpan={3} scope="row">
              {TABLE3_ROW_LABELS.carried_in}
            </th>
            {cells('carried_in')}
          </tr>
          {OUTCOME_GROUPS.flatMap((group, gi) =>
            group.rows.map((row, ri) => (
              <tr key={row.key}>
                {gi === 0 && ri === 0 && (
                  <th rowSpan={RESULT_ROWS} scope="rowgroup" className={styles.vertical}>
                    {RESULTS_LABEL}
                  </th>
                )}
                {group.rows.length === 1 ? (
                  <th colSpan={2} scope="row">
                    {row.label}
                  </th>
                ) : (
                  <>
                    {ri === 0 && (
                      <th rowSpan={group.rows.length} scope="rowgroup">
                        {group.label}
                      </th>
                    )}
                    <th scope="row">{row.label}</th>
                  </>
                )}
                {cells(row.key)}
              </tr>
            )),
          )}
          <tr>
            <th colSpan={3} scope="row">
              {TABLE3_ROW_LABELS.carried_out}
            </th>
            {cells('carried_out')}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
