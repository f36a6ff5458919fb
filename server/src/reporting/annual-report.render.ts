/**
 * The annual report as HTML in the national table layout (row-spans and column-spans as in the
 * State Council's 2021 format), for the portal's 政府信息公开年报 column and the staff preview.
 */
import { html, type SafeHtml } from '../shared/html.ts';
import {
  APPEAL_KINDS,
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  type AnnualReport,
  COLUMN_LABELS,
  OUTCOME_ROWS,
  ROW_LABELS,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  type Table2,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './annual-report.ts';

const cells = (t3: Table3, row: Table3RowKey) =>
  TABLE3_COLUMNS.map((c) => html`<td class="num">${t3[row][c]}</td>`);

export function renderTable2(t: Table2): SafeHtml {
  const head = (item: string, cols: string[]) =>
    html`<tr class="group"><th colspan="4" scope="colgroup">${item}</th></tr><tr><th scope="col">信息内容</th>${cols.map((c) => html`<th scope="col"${cols.length === 1 ? html` colspan="3"` : ''}>${c}</th>`)}</tr>`;
  const one = (label: string, v: number) =>
    html`<tr><th scope="row">${label}</th><td class="num" colspan="3">${v}</td></tr>`;
  return html`<table class="report-table">
<caption>主动公开政府信息情况</caption>
${head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'])}
<tr><th scope="row">规章</th><td class="num">${t.rules.issued}</td><td class="num">${t.rules.abolished}</td><td class="num">${t.rules.inForce}</td></tr>
<tr><th scope="row">行政规范性文件</th><td class="num">${t.normativeDocs.issued}</td><td class="num">${t.normativeDocs.abolished}</td><td class="num">${t.normativeDocs.inForce}</td></tr>
${head('第二十条第（五）项', ['本年处理决定数量'])}
${one('行政许可', t.licensing)}
${head('第二十条第（六）项', ['本年处理决定数量'])}
${one('行政处罚', t.penalties)}
${one('行政强制', t.enforcement)}
${head('第二十条第（八）项', ['本年收费金额（单位：万元）'])}
${one('行政事业性收费', t.feesTenThousandYuan)}
</table>`;
}

export function renderTable3(t3: Table3): SafeHtml {
  const groups = ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'];
  const groupRows = groups.map((g) => {
    const rows = OUTCOME_ROWS.filter((r) => r.group === g);
    return rows.map(
      (r, i) =>
        html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${rows.length}">${g}</th>` : ''}<th scope="row">${r.label}</th>${cells(t3, r.key)}</tr>`,
    );
  });
  return html`<table class="report-table">
<caption>收到和处理政府信息公开申请情况</caption>
<thead>
<tr><th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7" scope="colgroup">申请人情况</th></tr>
<tr><th rowspan="2" scope="col">${COLUMN_LABELS.natural}</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">${COLUMN_LABELS.total}</th></tr>
<tr>${(['commercial', 'research', 'nonprofit', 'legal_service', 'other'] as const).map((c) => html`<th scope="col">${COLUMN_LABELS[c]}</th>`)}</tr>
</thead>
<tbody>
<tr><th colspan="3" scope="row">${ROW_LABELS.new}</th>${cells(t3, 'new')}</tr>
<tr><th colspan="3" scope="row">${ROW_LABELS.carried_in}</th>${cells(t3, 'carried_in')}</tr>
<tr><th rowspan="22" scope="rowgroup">三、本年度办理结果</th><th colspan="2" scope="row">${ROW_LABELS.disclosed}</th>${cells(t3, 'disclosed')}</tr>
<tr><th colspan="2" scope="row">${ROW_LABELS.partial}</th>${cells(t3, 'partial')}</tr>
${groupRows}
<tr><th colspan="2" scope="row">${ROW_LABELS.total}</th>${cells(t3, 'total')}</tr>
<tr><th colspan="3" scope="row">${ROW_LABELS.carried_out}</th>${cells(t3, 'carried_out')}</tr>
</tbody>
</table>`;
}

export function renderTable4(t4: Table4): SafeHtml {
  const outcomes = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  return html`<table class="report-table">
<caption>政府信息公开行政复议、行政诉讼情况</caption>
<thead>
<tr><th colspan="5" rowspan="2" scope="colgroup">${APPEAL_KIND_LABELS.reconsideration}</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>
<tr><th colspan="5" scope="colgroup">${APPEAL_KIND_LABELS.litigation_direct}</th><th colspan="5" scope="colgroup">${APPEAL_KIND_LABELS.litigation_after_reconsideration}</th></tr>
<tr>${APPEAL_KINDS.map(() => outcomes.map((o) => html`<th scope="col">${APPEAL_OUTCOME_LABELS[o]}</th>`))}</tr>
</thead>
<tbody><tr>${APPEAL_KINDS.map((k) => outcomes.map((o) => html`<td class="num">${t4[k][o]}</td>`))}</tr></tbody>
</table>`;
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

export function renderAnnualReport(r: AnnualReport): SafeHtml {
  return html`<article class="annual-report">
<h1>${r.agencyName}${r.year}年政府信息公开工作年度报告</h1>
<section><h2>${SECTION_TITLES[0]}</h2>${paragraphs(r.narrative.overview)}</section>
<section><h2>${SECTION_TITLES[1]}</h2>${renderTable2(r.table2)}</section>
<section><h2>${SECTION_TITLES[2]}</h2>${renderTable3(r.table3)}</section>
<section><h2>${SECTION_TITLES[3]}</h2>${renderTable4(r.table4)}</section>
<section><h2>${SECTION_TITLES[4]}</h2>${paragraphs(r.narrative.problems)}</section>
<section><h2>${SECTION_TITLES[5]}</h2>${paragraphs(r.narrative.other)}</section>
</article>`;
}
