/**
 * The yearly self-inspection report (自查报告) in the shape of 《市司法局自查报告》: figures the platform holds
 * (documents and their attribute, share of full text online, interpretations, applications and
 * outcomes), figures staff enter (trainings, press conferences …), and four narrative sections.
 */
export interface SelfInspectionFigures {
  documentsIssued: number;
  proactive: number;
  onApplication: number;
  notDisclosed: number;
  /** share of proactive documents whose full text is online, percent */
  fullTextOnlineRate: number | null;
  interpretations: number;
  /** items sent to the state archive and the public library (R.25), from the hand-over log (移交登记) */
  sentToArchives: number;
  applicationsReceived: number;
  applicationsClosed: number;
  disclosed: number;
  partial: number;
}

export interface SelfInspectionInputs {
  trainings: number;
  trainingAttendance: number;
  pressConferences: number;
  columnsUpdated: number;
  messagesHandled: number;
  /** no longer used: the figure comes from the hand-over log; kept so stored inputs still parse */
  sentToArchives: number;
}

export const EMPTY_SELF_INPUTS: SelfInspectionInputs = {
  trainings: 0,
  trainingAttendance: 0,
  pressConferences: 0,
  columnsUpdated: 0,
  messagesHandled: 0,
  sentToArchives: 0,
};

export interface SelfInspectionNarrative {
  overview: string;
  keyTasks: string;
  problems: string;
  nextSteps: string;
}

export const SELF_SECTIONS: [keyof SelfInspectionNarrative, string][] = [
  ['overview', '一、政务公开工作总体情况'],
  ['keyTasks', '二、政务公开工作要点落实情况'],
  ['problems', '三、存在的问题'],
  ['nextSteps', '四、下一步工作打算'],
];

export function prefillSelfInspection(
  agencyName: string,
  year: number,
  f: SelfInspectionFigures,
  i: SelfInspectionInputs,
): SelfInspectionNarrative {
  const rate = f.fullTextOnlineRate === null ? '' : `，实现全文电子化${f.fullTextOnlineRate}%`;
  return {
    overview: [
      `${year}年，${agencyName}认真贯彻落实《中华人民共和国政府信息公开条例》，加强组织领导，规范公开程序，现将政务公开工作自查情况报告如下。`,
      `${year}年1月至12月，我单位共制发公文${f.documentsIssued}件，其中主动公开${f.proactive}件，依申请公开${f.onApplication}件，不予公开${f.notDisclosed}件${rate}。按照规范化要求做好政府信息送交工作，向档案馆、图书馆报送主动公开信息${f.sentToArchives}条。`,
      `全年发布政策解读${f.interpretations}篇；收到政府信息公开申请${f.applicationsReceived}件，办结${f.applicationsClosed}件，其中予以公开${f.disclosed}件、部分公开${f.partial}件。`,
      `组织政务公开培训${i.trainings}次、${i.trainingAttendance}人次，召开新闻发布会${i.pressConferences}场，更新政府信息公开专栏信息${i.columnsUpdated}条，办理群众留言${i.messagesHandled}件。`,
    ].join('\n'),
    keyTasks: '（一）推进“五公开”情况。\n（二）政策解读和回应关切情况。\n（三）政府信息公开平台建设情况。',
    problems: '一是政策解读的形式还比较单一；二是部分栏目更新不够及时。',
    nextSteps: '一是进一步健全政务公开工作制度；二是丰富政策解读形式；三是加强监督检查和培训。',
  };
}
