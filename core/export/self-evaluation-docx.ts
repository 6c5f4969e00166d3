/**
 * The self-evaluation as a Word document (.docx): one section per judgement with the three
 * questions, the grade estimate, and the evidence it relies on, referenced by title and location.
 */
import { formatDate } from '../../shared/dates.ts';
import { Document, HeadingLevel, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType } from 'docx';
import type { Db } from '../store/database.ts';
import type { Framework } from '../../shared/frameworks/index.ts';
import { getSelfEvaluation } from '../evidence/self-evaluation.ts';
import { listEvidence } from '../evidence/evidence.ts';

const paragraphs = (text: string) =>
  (text.trim() ? text.split(/\n{2,}/u) : ['(not written yet)']).map((p) => new Paragraph({ children: [new TextRun(p.replace(/\n/gu, ' '))] }));

export async function selfEvaluationDocx(db: Db, framework: Framework, gradeLabels: Map<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Self-evaluation: ${framework.title}`)] }),
    new Paragraph({ children: [new TextRun({ text: `Prepared ${formatDate(new Date().toISOString())} with Evidence Store.`, italics: true })] }),
  ];
  for (const j of framework.judgements) {
    const s = getSelfEvaluation(db, framework.id, j.id);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(j.title)] }));
    if (j.graded !== false) {
      const grade = s.grade ? (gradeLabels.get(s.grade) ?? s.grade) : 'not estimated yet';
      children.push(new Paragraph({ children: [new TextRun({ text: 'Our grade estimate: ', bold: true }), new TextRun(grade)] }));
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('What we know about the quality and impact of practice')] }));
    children.push(...paragraphs(s.know));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('How we know it')] }));
    children.push(...paragraphs(s.how));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('What we plan to do')] }));
    children.push(...paragraphs(s.next));
    const evidence = s.evidenceIds.length ? listEvidence(db, s.evidenceIds) : [];
    if (evidence.length) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Evidence')] }));
      const location = db.prepare('SELECT path FROM files WHERE document_id = ? ORDER BY missing, path LIMIT 1').pluck();
      const header = ['Ref', 'Evidence', 'What it shows', 'Status', 'File'];
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: header.map((h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] })) }),
            ...evidence.map(
              (e) =>
                new TableRow({
                  children: [`E${e.id}`, e.title, e.summary, e.status, (location.get(e.documentId) as string | undefined) ?? '(file missing)'].map(
                    (cell) => new TableCell({ children: [new Paragraph(cell)] }),
                  ),
                }),
            ),
          ],
        }),
      );
    }
  }
  const doc = new Document({ creator: 'Evidence Store', title: `Self-evaluation: ${framework.title}`, sections: [{ children }] });
  const buffer = await Packer.toBuffer(doc);
  const out = new Uint8Array(buffer.byteLength);
  out.set(buffer);
  return out;
}
