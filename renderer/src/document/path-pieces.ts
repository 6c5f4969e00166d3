/**
 * A path cut after each separator ("C:\", "Reports\", "plan.pdf"), so it can wrap between folder
 * names rather than in the middle of one. Joined again, the pieces are the path.
 */
export function pathPieces(path: string): string[] {
  return path.match(/[^\\/]*(?:[\\/]+|$)/gu)?.filter((piece) => piece !== '') ?? [path];
}
