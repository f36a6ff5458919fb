import { Button, Popover, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ReportFormat, RowApplication, Table3, Table3Column } from '../../types/reporting';
import {
  APPLICANT_COLUMNS,
  COLUMN_LABELS,
  outcomeGroups,
  RESULTS_LABEL,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
} from './reportLayout';
import styles from './reportTables.module.css';

interface Table3GridProps {
  table3: Table3;
  /** the national format of the figures (2019 only for a past year entered or imported in it) */
  format?: ReportFormat;
  /** loads the applications behind a row when staff open a 总计 cell (computed reports only) */
  drillDown?: (rowKey: string) => Promise<RowApplication[]>;
  /** editing: renders an input for each applicant cell; 总计 is then the live row sum */
  renderInput?: (rowKey: string, column: Table3Column, label: string) => ReactNode;
  caption?: ReactNode;
}

/** The list behind one row, fetched the first time the popover opens. */
function RowRecords({
  rowKey,
  load,
}: {
  rowKey: string;
  load: (rowKey: string) => Promise<RowApplication[]>;
}) {
  const [state, setState] = useState<{ items?: RowApplication[]; error?: string }>({});
  useEffect(() => {
    let live = true;
    load(rowKey).then(
      (items) => live && setState({ items }),
      (err: unknown) =>
        live && setState({ error: err instanceof Error ? err.message : '加载失败，请稍后重试' }),
    );
    return () => {
      live = false;
    };
  }, [rowKey, load]);
  return (
    <div style={{ maxWidth: 380, maxHeight: 280, overflow: 'auto' }}>
      <Typography.Text type="secondary">{TABLE3_ROW_LABELS[rowKey]}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {state.error ? (
          <Typography.Text type="danger">{state.error}</Typography.Text>
        ) : state.items ? (
          state.items.length === 0 ? (
            '（无）'
          ) : (
            state.items.map((a) => `${a.registrationNo}（${COLUMN_LABELS[a.column]}）`).join('、')
          )
        ) : (
          <Spin size="small" />
        )}
      </div>
    </div>
  );
}

function rowSum(table3: Table3, rowKey: string): number {
  const row = table3[rowKey];
  if (!row) return 0;
  return APPLICANT_COLUMNS.reduce((sum, c) => sum + (Number(row[c]) || 0), 0);
}

/** Table 三 (收到和处理政府信息公开申请情况) in the national layout. */
export function Table3Grid({ table3, format = '2021', drillDown, renderInput, caption }: Table3GridProps) {
  const groups = outcomeGroups(format);
  const resultRows = groups.reduce((n, g) => n + g.rows.length, 0);
  const cells = (rowKey: string) =>
    TABLE3_COLUMNS.map((column) => {
      const label = `${TABLE3_ROW_LABELS[rowKey]}，${COLUMN_LABELS[column]}`;
      if (column === 'total') {
        const value = renderInput ? rowSum(table3, rowKey) : (table3[rowKey]?.total ?? 0);
        return (
          <td key={column} className={`${styles.num} ${renderInput ? styles.computed : ''}`}>
            {drillDown && value > 0 ? (
              <Popover
                trigger={['click']}
                title="由以下申请构成（登记号）"
                destroyOnHidden
                content={<RowRecords rowKey={rowKey} load={drillDown} />}
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
          {groups.flatMap((group, gi) =>
            group.rows.map((row, ri) => (
              <tr key={row.key}>
                {gi === 0 && ri === 0 && (
                  <th rowSpan={resultRows} scope="rowgroup" className={styles.vertical}>
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
