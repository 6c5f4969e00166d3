/** The name every test temp folder starts with; the run id keeps parallel runs apart. */
export function tempRunPrefix(run: string): string {
  return `evidence-test-${run}-`;
}
