import { describe, expect, it } from 'vitest';
import { pathPieces } from '../../../renderer/src/document/path-pieces.ts';

describe('a path cut where it may wrap', () => {
  it('cuts after each separator, Windows and POSIX alike, and joins back to the path', () => {
    expect(pathPieces('\\\\server\\share\\Quality Assurance\\plan.pdf')).toEqual(['\\\\', 'server\\', 'share\\', 'Quality Assurance\\', 'plan.pdf']);
    expect(pathPieces('/home/ann/Reports/2024/audit.xlsx')).toEqual(['/', 'home/', 'ann/', 'Reports/', '2024/', 'audit.xlsx']);
    const path = 'C:\\Users\\ann\\Documents\\Placement_Stability_Review_2024.pdf';
    expect(pathPieces(path).join('')).toBe(path);
  });

  it('a bare name is one piece', () => {
    expect(pathPieces('notes.txt')).toEqual(['notes.txt']);
  });
});
