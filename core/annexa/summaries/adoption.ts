/**
 * Lists 10 and 11: adoption and adopters. Where the dates allow, the two timeliness measures of the
 * adoption scorecard: days from entering care to moving in with the adoptive family (A1; a child
 * placed in a fostering-for-adoption placement moves in on that date), and from the placement order
 * to the match with the adopters (A2), with the scorecard's thresholds (426 days, 14 months; 121
 * days, 4 months) and ChAT's duration bands.
 */
import { dayNumber } from '../dates.ts';
import { dateOf, textOf, yesNo } from './context.ts';
import type { ListContext } from './context.ts';
import { monthBands } from './durations.ts';
import type { ListSummariser } from './list-summary.ts';
import { People } from './people.ts';
import { countFigure, Mean, meanFigure, percentFigure, table, Tally } from './tally.ts';

const ADOPTION_DURATION = monthBands(
  [
    [6, 'Under 6 months'],
    [12, '6–12 months'],
    [18, '12–18 months'],
    [24, '18 months–2 years'],
  ],
  '2 years or more',
);

const A1_DAYS = 426;
const A2_DAYS = 121;

const days = (from: string, to: string) => dayNumber(to) - dayNumber(from);

export function adoption(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const reason = new Tally(ctx.codeLabels('reasonNoLongerPlaced'));
  const careToHome = new Tally(ADOPTION_DURATION.labels);
  const a1 = new Mean();
  const a2 = new Mean();
  const n = { rows: 0, adopted: 0, decisions: 0, reversed: 0, waiting: 0, placed: 0, a1Within: 0, a2Within: 0 };
  return {
    add(values) {
      n.rows += 1;
      people.add(values);
      const entered = dateOf(values, 'dateEnteredCare');
      const decision = dateOf(values, 'adoptionDecisionDate');
      const order = dateOf(values, 'placementOrderDate');
      const matched = dateOf(values, 'matchingDate');
      const placed = dateOf(values, 'datePlacedForAdoption');
      const ffa = dateOf(values, 'ffaPlacementDate');
      const adopted = dateOf(values, 'adoptionOrderDate');
      const reversed = dateOf(values, 'decisionReversedDate');
      if (ctx.inLast(12, adopted)) n.adopted += 1;
      if (ctx.inLast(12, decision)) n.decisions += 1;
      if (ctx.inLast(12, reversed)) {
        n.reversed += 1;
        reason.add(ctx.code(values, 'reasonNoLongerPlaced'));
      }
      if (decision !== null && placed === null && adopted === null && reversed === null) n.waiting += 1;
      // Moving in: the fostering-for-adoption placement, if it came first.
      const movedIn = ffa !== null && (placed === null || ffa < placed) ? ffa : placed;
      if (movedIn !== null && movedIn <= ctx.inspection) {
        n.placed += 1;
        if (entered !== null && entered <= movedIn) {
          const d = days(entered, movedIn);
          a1.add(d);
          if (d <= A1_DAYS) n.a1Within += 1;
          careToHome.add(ADOPTION_DURATION.of(entered, movedIn));
        }
      }
      if (order !== null && matched !== null && order <= matched && matched <= ctx.inspection) {
        const d = days(order, matched);
        a2.add(d);
        if (d <= A2_DAYS) n.a2Within += 1;
      }
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Children on the adoption list', n.rows),
          countFigure('decisions', 'Decisions that a child should be placed for adoption, last 12 months', n.decisions),
          countFigure('adopted', 'Children adopted (adoption order) in the last 12 months', n.adopted),
          countFigure('reversed', 'Decisions reversed in the last 12 months', n.reversed),
          countFigure('waiting', 'Children with a decision for adoption not yet placed', n.waiting),
          countFigure('placed', 'Children who have moved in with their adoptive family', n.placed),
          meanFigure('careToMovedIn', 'Average days from entering care to moving in with the adoptive family', a1, 'days', 'Moving in is the placement for adoption, or the fostering-for-adoption placement if earlier (adoption scorecard A1).'),
          percentFigure('careToMovedInWithin', 'Children who moved in within 426 days (14 months) of entering care', n.a1Within, a1.n, 'The adoption scorecard’s A1 threshold.'),
          meanFigure('orderToMatch', 'Average days from placement order to match', a2, 'days', 'Adoption scorecard A2.'),
          percentFigure('orderToMatchWithin', 'Matches within 121 days (4 months) of the placement order', n.a2Within, a2.n, 'The adoption scorecard’s A2 threshold.'),
          ...people.figures('children on the adoption list'),
        ],
        tables: [
          table('careToMovedIn', 'Time from entering care to moving in with the adoptive family', 'bars', 'Time', 'children who have moved in', careToHome),
          table('reasonNoLongerPlaced', 'Why a child is no longer to be placed for adoption', 'bars', 'Reason', 'decisions reversed in the last 12 months', reason),
          ...people.tables('children on the adoption list'),
        ],
      };
    },
  };
}

/** The furthest an adopter has got, from the latest step with a date. */
const STAGES: readonly (readonly [string, string])[] = [
  ['leftProcessDate', 'Left the process'],
  ['adoptionOrderDate', 'Adoption order'],
  ['placedDate', 'Child placed'],
  ['matchedDate', 'Matched'],
  ['applicationApprovedDate', 'Approved'],
  ['applicationSubmittedDate', 'Application submitted'],
  ['stage2StartDate', 'In stage 2'],
  ['stage1StartDate', 'In stage 1'],
  ['enquiryDate', 'Enquiry'],
];

export function adopters(ctx: ListContext): ListSummariser {
  const people = new People(ctx);
  const stage = new Tally([...STAGES.map(([, label]) => label), 'No dates recorded']);
  const reason = new Tally(ctx.codeLabels('reasonLeftProcess'));
  const families = new Set<string>();
  const toApproval = new Mean();
  const n = { rows: 0, ffa: 0, approvedWaiting: 0 };
  return {
    add(values) {
      n.rows += 1;
      people.add(values);
      const family = textOf(values, 'familyId');
      if (family !== null) families.add(family);
      const reached = STAGES.find(([key]) => dateOf(values, key) !== null);
      stage.add(reached ? reached[1] : 'No dates recorded');
      if (dateOf(values, 'leftProcessDate') !== null) reason.add(ctx.code(values, 'reasonLeftProcess'));
      if (yesNo(values, 'fosteringForAdoption') === true) n.ffa += 1;
      const approved = dateOf(values, 'applicationApprovedDate');
      if (reached?.[1] === 'Approved') n.approvedWaiting += 1;
      const began = dateOf(values, 'stage1StartDate') ?? dateOf(values, 'applicationSubmittedDate');
      if (began !== null && approved !== null && began <= approved) toApproval.add(days(began, approved));
    },
    finish() {
      return {
        figures: [
          countFigure('rows', 'Adopters', n.rows),
          countFigure('families', 'Adoptive families (by family identifier)', families.size),
          countFigure('approvedWaiting', 'Approved adopters not yet matched', n.approvedWaiting),
          percentFigure('ffa', 'Adopters fostering for adoption', n.ffa, n.rows),
          meanFigure('toApproval', 'Average days from the start of stage 1 to approval', toApproval, 'days', 'From the application date where stage 1 has no start date. Stages 1 and 2 are meant to take six months together.'),
          ...people.figures('adopters'),
        ],
        tables: [
          table('stage', 'Furthest stage reached', 'bars', 'Stage', 'adopters', stage),
          table('reasonLeftProcess', 'Reason for leaving the adoption process', 'bars', 'Reason', 'adopters who left the process', reason),
          ...people.tables('adopters', false),
        ],
      };
    },
  };
}
