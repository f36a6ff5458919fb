import type { ReactNode } from 'react';
import type { AppealColumn, AppealKind, Table4 } from '../../types/reporting';
import { APPEAL_COLUMN_LABELS, APPEAL_COLUMNS, APPEAL_KIND_LABELS, APPEAL_KINDS } from './reportLayout';
import styles from './reportTables.module.css';

interface Table4GridProps {
  table4: Table4;
  /** editing: renders an input for each cell but 总计, which is then the live sum */
  renderInput?: (kind: AppealKind, column: AppealColumn, label: string) => ReactNode;
  caption?: ReactNode;
}

function sum(row: Table4[AppealKind] | undefined): number {
  if (!row) return 0;
  return APPEAL_COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + (Number(row[c]) || 0), 0);
}

/** Table 四 (政府信息公开行政复议、行政诉讼情况) in the national layout. */
export function Table4Grid({ table4, renderInput, caption }: Table4GridProps) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th colSpan={5} rowSpan={2} scope="colgroup">
              行政复议
            </th>
            <th colSpan={10} scope="colgroup">
              行政诉讼
            </th>
          </tr>
          <tr>
            <th colSpan={5} scope="colgroup">
              未经复议直接起诉
            </th>
            <th colSpan={5} scope="colgroup">
              复议后起诉
            </th>
          </tr>
          <tr>
            {APPEAL_KINDS.flatMap((kind) =>
              APPEAL_COLUMNS.map((c) => (
                <th key={`${kind}-${c}`} scope="col">
                  {APPEAL_COLUMN_LABELS[c]}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {APPEAL_KINDS.flatMap((kind) =>
              APPEAL_COLUMNS.map((c) => {
                const label = `${APPEAL_KIND_LABELS[kind]}，${APPEAL_COLUMN_LABELS[c]}`;
                if (renderInput && c !== 'total')
                  return (
                    <td key={`${kind}-${c}`} className={styles.num}>
                      {renderInput(kind, c, label)}
                    </td>
                  );
                const value = renderInput ? sum(table4[kind]) : (table4[kind]?.[c] ?? 0);
                return (
                  <td key={`${kind}-${c}`} className={`${styles.num} ${renderInput ? styles.computed : ''}`}>
                    {value}
                  </td>
                );
              }),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
