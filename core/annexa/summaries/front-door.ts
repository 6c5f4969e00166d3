/**
 * Lists 1-3, the front door: contacts, early help, referrals. ChAT shows who they are about, where
 * they came from, how many a child has had ("multiples"), and how many reached a referral.
 */
import { intOf, textOf, yesNo } from './context.ts';
import type { ListContext, Values } from './context.ts';
import type { ListSummariser, OtherLists } from './list-summary.ts';
import { People } from './people.ts';
import { countFigure, NOT_RECORDED, percentFigure, table, Tally } from './tally.ts';

const PER_CHILD = ['1', '2', '3', '4', '5 or more'];
const perChildLabel = (n: number) => (n >= 5 ? '5 or more' : String(n));

/** Rows per child, for the "multiples" chart. */
class PerChild {
  private readonly counts = new Map<string, number>();
  add(id: string | null): void {
    if (id !== null) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }
  get children(): number {
    return this.counts.size;
  }
  tally(): Tally {
    const t = new Tally(PER_CHILD);
    for (const n of this.counts.values()) t.add(perChildLabel(n));
    return t;
  }
}

function alsoReferred(ctx: ListContext, others: OtherLists, what: string) {
  const mine = others.people(ctx.list.key);
  const referred = others.people('list3');
  if (!mine || !referred) return [];
  let both = 0;
  for (const id of mine) if (referred.has(id)) both += 1;
  return [percentFigure('alsoReferred', `Children ${what} who are also on List 3 (referrals)`, both, mine.size)];
}

export function contacts(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const perChild = new PerChild();
  const source = new Tally(ctx.codeLabels('contactSource'));
  return {
    add(values: Values) {
      people.add(values);
      perChild.add(textOf(values, ctx.list.person));
      source.add(ctx.code(values, 'contactSource'));
    },
    finish(others) {
      return {
        figures: [countFigure('rows', 'Contacts', people.count), countFigure('children', 'Children with a contact', perChild.children), ...alsoReferred(ctx, others, 'with a contact')],
        tables: [
          table('contactSource', 'Contact source', 'bars', 'Source', 'contacts', source),
          table('perChild', 'Contacts per child', 'bars', 'Contacts in the six months', 'children', perChild.tally()),
          ...people.tables('contacts'),
        ],
      };
    },
  };
}

export function earlyHelp(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const perChild = new PerChild();
  let open = 0;
  return {
    add(values) {
      people.add(values);
      perChild.add(textOf(values, ctx.list.person));
      if (textOf(values, 'assessmentCompletionDate') === null) open += 1;
    },
    finish(others) {
      return {
        figures: [
          countFigure('rows', 'Early help assessments', people.count),
          countFigure('children', 'Children with an early help assessment', perChild.children),
          percentFigure('open', 'Early help assessments not yet completed', open, people.count),
          ...alsoReferred(ctx, others, 'with early help'),
        ],
        tables: [table('perChild', 'Early help assessments per child', 'bars', 'Assessments in the period', 'children', perChild.tally()), ...people.tables('early help assessments')],
      };
    },
  };
}

const REFERRALS_IN_12_MONTHS = ['1', '2', '3', '4', '5 or more'];

export function referrals(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const perChild = new PerChild();
  const source = new Tally(ctx.codeLabels('referralSource'));
  const inTwelve = new Tally(REFERRALS_IN_12_MONTHS);
  let nfa = 0;
  let nfaAnswered = 0;
  let repeat = 0;
  let repeatKnown = 0;
  return {
    add(values) {
      people.add(values);
      perChild.add(textOf(values, ctx.list.person));
      source.add(ctx.code(values, 'referralSource'));
      const n = yesNo(values, 'referralNfa');
      if (n !== null) {
        nfaAnswered += 1;
        if (n) nfa += 1;
      }
      const count = intOf(values, 'referralsInLast12Months');
      if (count === null || count < 0) inTwelve.add(NOT_RECORDED);
      else {
        inTwelve.add(count >= 5 ? '5 or more' : String(count));
        repeatKnown += 1;
        if (count >= 2) repeat += 1;
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Referrals', people.count),
          countFigure('children', 'Children referred', perChild.children),
          percentFigure('nfa', 'Referrals that led to no further action', nfa, nfaAnswered),
          percentFigure(
            'repeat',
            'Re-referrals: referrals of a child referred at least once before in the 12 months',
            repeat,
            repeatKnown,
            'The template’s count of referrals in the last 12 months includes the referral itself (it counts referrals that started in the 12 months), so 2 or more is a re-referral.',
          ),
        ],
        tables: [
          table('referralSource', 'Referral source', 'bars', 'Source', 'referrals', source),
          table('referralsIn12Months', 'Referrals in the 12 months, as recorded on each referral', 'bars', 'Referrals in 12 months', 'referrals', inTwelve),
          ...people.tables('referrals'),
        ],
      };
    },
  };
}
