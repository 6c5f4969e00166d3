import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../../core/annexa/dates.ts';
import type { ListRow } from '../../../../core/annexa/model.ts';
import { findRow } from '../../../helpers/annexa-clean.ts';
import { brief, D, findingsAfter, onlyRow } from './breaking.ts';

const date = (r: ListRow, key: string) => r.values[key] as string;
const copyOf = (r: ListRow, row: number): ListRow => ({ ...r, row, values: { ...r.values } });

describe('windows', () => {
  it('outside-window: an event more than the list’s months before the inspection', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list1', (x) => onlyRow(rows, x) && x.values.age !== -1);
      r.values.dateOfContact = addMonths(D, -7);
      row = r.row;
    });
    expect(findings.map(brief)).toEqual([['list1', row, 'dateOfContact', 'outside-window', 'warning']]);
    expect(findings[0].message).toBe('Date of Contact (15/08/2023) is more than 6 months before the inspection date (15/03/2024), so the row is outside this list’s period: remove it, or correct the date.'.replace('’', "'"));
  });

  it('outside-window: allows the days before the window a council extracting a little early includes', () => {
    const findings = findingsAfter((rows) => {
      findRow(rows, 'list1', (x) => onlyRow(rows, x) && x.values.age !== -1).values.dateOfContact = addDays(addMonths(D, -6), -10);
    });
    expect(findings).toEqual([]);
  });

  it('outside-window: an episode that ended before the window (a plan ended eight months ago)', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list7', (x) => x.values.cpPlanEndDate !== null && date(x, 'cpPlanStartDate') < addMonths(D, -9));
      r.values.cpPlanEndDate = addDays(date(r, 'cpPlanStartDate'), 1);
      r.values.dateOfLatestReviewConference = date(r, 'cpPlanStartDate');
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['outside-window', 'cpPlanEndDate']]);
  });

  it('outside-window: an adoption whose decision and order are all older than twelve months', () => {
    const findings = findingsAfter((rows) => {
      const r = findRow(rows, 'list10', (x) => x.values.adoptionOrderDate !== null);
      Object.assign(r.values, {
        adoptionDecisionDate: addMonths(D, -20),
        placementOrderDate: addMonths(D, -18),
        matchingDate: addMonths(D, -17),
        datePlacedForAdoption: addMonths(D, -16),
        adoptionOrderDate: addMonths(D, -13),
      });
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['outside-window', null]]);
    expect(findings[0].message).toContain('None of this row’s dates'.replace('’', "'"));
  });

  it('an adopter still in the process is current however old the enquiry (openWhileBlank)', () => {
    const stillInProcess = findingsAfter((rows) => {
      for (const r of rows.get('list11')!) {
        if (r.values.stage1StartDate === null && r.values.leftProcessDate === null) r.values.enquiryDate = addMonths(D, -40);
      }
    });
    expect(stillInProcess).toEqual([]);
  });
});

describe('one row per person, duplicates and repeated counts', () => {
  it('one-per-person: a child twice on a list with one row per child', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list6')!;
      list.push(copyOf(list[3], 5000));
    });
    expect(findings.map(brief)).toEqual([['list6', 5000, 'childId', 'one-per-person', 'error']]);
    expect(findings[0].message).toMatch(/^This child \(\d+\) is also on row 5, but this list has one row per child: keep the row for the most recent episode and remove the other\.$/u);
  });

  it('one-per-person: an adopter twice on the adopters list', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list11')!;
      list.push(copyOf(list[0], 5000));
    });
    expect(findings.map((f) => [f.list, f.rule])).toEqual([['list11', 'one-per-person']]);
    expect(findings[0].message).toContain('This adopter (');
  });

  it('duplicate-row: the same contact twice is a warning (two contacts the same day from the same source can happen)', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list1')!;
      list.push(copyOf(list[0], 5000));
    });
    expect(findings.map(brief)).toEqual([['list1', 5000, null, 'duplicate-row', 'warning']]);
    expect(findings[0].message).toBe('This row has the same Child Unique ID, Date of Contact, Contact Source as row 2: if it is the same one twice, remove one.');
  });

  it('a child on several contact rows on different days is no duplicate', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list1')!;
      const again = copyOf(list[0], 5000);
      again.values.dateOfContact = addDays(date(list[0], 'dateOfContact'), -1);
      list.push(again);
    });
    expect(findings).toEqual([]);
  });

  it('count-inconsistent: a per-child count that differs between the child’s rows', () => {
    let row = 0;
    const findings = findingsAfter((rows) => {
      const list = rows.get('list3')!;
      const counts = new Map<unknown, ListRow[]>();
      for (const r of list) counts.set(r.values.childId, [...(counts.get(r.values.childId) ?? []), r]);
      const [, second] = [...counts.values()].find((rs) => rs.length > 1)!;
      second.values.referralsInLast12Months = (second.values.referralsInLast12Months as number) + 3;
      row = second.row;
    });
    expect(findings.map(brief)).toEqual([['list3', row, 'referralsInLast12Months', 'count-inconsistent', 'warning']]);
  });

  it('count-inconsistent: section 47 and ICPC counts on List 5', () => {
    const findings = findingsAfter((rows) => {
      const list = rows.get('list5')!;
      const r = list.find((x) => list.filter((y) => y.values.childId === x.values.childId).length > 1)!;
      const other = list.find((y) => y !== r && y.values.childId === r.values.childId)!;
      other.values.s47sInLast12Months = 7;
    });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([['count-inconsistent', 's47sInLast12Months']]);
  });
});
