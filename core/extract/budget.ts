/**
 * A shared cap on how much text one document may produce while it is being extracted.
 *
 * `finish()` in index.ts trims the text to maxTextChars afterwards, but a hostile workbook (one
 * 1 MB shared string referenced by 30,000 cells) would have to build 30 GB of text first. Extractors
 * that build text from repeated or referenced parts append through a budget instead, and stop
 * reading as soon as it is spent: the text so far is kept, the rest is dropped (not failed).
 */

/** Thrown by `TextBudget.add` to unwind a streaming parse once the budget is spent. */
export class BudgetSpent extends Error {
  constructor() {
    super('text budget spent');
    this.name = 'BudgetSpent';
  }
}

export class TextBudget {
  private left: number;
  constructor(maxChars: number) {
    this.left = maxChars;
  }

  get spent(): boolean {
    return this.left <= 0;
  }

  /** Characters still allowed. */
  get remaining(): number {
    return Math.max(0, this.left);
  }

  /**
   * Charge `text` and return what fits of it. Throws BudgetSpent on the call AFTER the budget
   * ran out, so the text that filled it is still appended by the caller.
   */
  take(text: string): string {
    if (this.left <= 0) throw new BudgetSpent();
    const kept = text.length > this.left ? text.slice(0, this.left) : text;
    this.left -= kept.length;
    return kept;
  }
}

/** Run a parse that may stop early on BudgetSpent; other errors pass through. */
export function untilSpent(run: () => void): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof BudgetSpent)) throw err;
  }
}
