import { describe, expect, it } from 'vitest';
import {
  applicantKey,
  bigrams,
  clusterRequests,
  DESCRIPTION_SIMILARITY,
  normaliseText,
  R44_MIN_APPLICANTS,
  sameInformation,
  similarity,
  windowStart,
} from './similar.ts';

describe('same information (R.36(6) 重复申请, R.44)', () => {
  it('normalises Chinese text: full-width forms, spaces and punctuation do not matter', () => {
    expect(normaliseText(' 云政发〔２０２４〕３号。')).toBe(normaliseText('云政发[2024]3号'));
    expect(normaliseText('2024年 本局，行政处罚！')).toBe('2024年本局行政处罚');
    expect(normaliseText(null)).toBe('');
  });

  it('bigrams of Chinese characters; a single character is its own bigram', () => {
    expect([...bigrams('预算执行')]).toEqual(['预算', '算执', '执行']);
    expect([...bigrams('税')]).toEqual(['税']);
    expect(bigrams('').size).toBe(0);
  });

  it('a document number decides when both requests give one, even if the descriptions differ', () => {
    expect(
      sameInformation(
        { description: '请公开这个文件', docNo: '云政发〔2024〕3号' },
        { description: '我想要关于征地补偿标准的通知', docNo: '云政发[2024]3号' },
      ),
    ).toMatchObject({ same: true, basis: 'doc_no' });
    expect(
      sameInformation(
        { description: '征地补偿标准', docNo: '云政发〔2024〕3号' },
        { description: '征地补偿标准', docNo: '云政发〔2024〕4号' },
      ),
    ).toMatchObject({ same: false, basis: 'doc_no' });
  });

  it('titles compare next, then descriptions by bigram overlap against the threshold', () => {
    expect(
      sameInformation(
        { description: 'a', title: '《2024年部门预算》' },
        { description: 'b', title: '2024年部门预算' },
      ),
    ).toMatchObject({ same: true, basis: 'title' });
    const near = sameInformation(
      { description: '2024年本局行政处罚案件统计数据' },
      { description: '本局2024年的行政处罚案件统计数据。' },
    );
    expect(near.basis).toBe('description');
    expect(near.score).toBeGreaterThanOrEqual(DESCRIPTION_SIMILARITY);
    expect(near.same).toBe(true);
    const far = sameInformation(
      { description: '2024年本局行政处罚案件统计数据' },
      { description: '本局2025年法律援助经费预算执行情况' },
    );
    expect(far.same).toBe(false);
    expect(similarity('', '任何内容')).toBe(0);
  });

  it('applicants are told apart by credit code or identity number, else by name', () => {
    expect(applicantKey({ applicantName: '张三', idNumber: '53010219850612341x' })).toBe(
      applicantKey({ applicantName: '张 三', idNumber: '53010219850612341X' }),
    );
    expect(applicantKey({ applicantName: '张三' })).toBe(applicantKey({ applicantName: '张 三' }));
    expect(applicantKey({ applicantName: '某公司', creditCode: 'abc' })).toBe('c:ABC');
  });

  it(`R.44: groups requests for the same information and counts distinct applicants (threshold ${R44_MIN_APPLICANTS})`, () => {
    const ask = (n: number, applicant: string, description: string, docNo: string | null = null) => ({
      applicationId: n,
      registrationNo: `R-${n}`,
      applicant,
      submittedOn: `2025-0${n}-01`,
      description,
      docNo,
    });
    const groups = clusterRequests([
      ask(1, 'a', '2024年本局行政处罚案件统计数据'),
      ask(2, 'b', '本局2024年行政处罚案件的统计数据'),
      ask(3, 'a', '2024年本局行政处罚案件统计数据'),
      ask(4, 'c', '2024年度行政处罚案件统计数据（本局）'),
      ask(5, 'd', '本局2025年法律援助经费预算执行情况'),
      ask(6, 'e', '征地补偿通知', '云政发〔2024〕3号'),
      ask(7, 'f', '关于补偿标准的文件', '云政发[2024]3号'),
    ]);
    const penalties = groups.find((g) => g.lead.applicationId === 1)!;
    expect(penalties.members.map((m) => m.applicationId)).toEqual([1, 2, 3, 4]);
    expect(penalties.applicants).toBe(3);
    expect(groups.find((g) => g.lead.applicationId === 6)!.members.map((m) => m.applicationId)).toEqual([
      6, 7,
    ]);
    expect(groups.filter((g) => g.applicants >= R44_MIN_APPLICANTS)).toHaveLength(1);
  });

  it('the 12-month window starts the day after the same date a year earlier', () => {
    expect(windowStart('2026-03-02')).toBe('2025-03-03');
    expect(windowStart('2026-01-01')).toBe('2025-01-02');
  });
});
