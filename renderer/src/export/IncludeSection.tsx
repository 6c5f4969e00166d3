import { Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { formatIsoDate, formatTimestamp } from '../annexa/dates.ts';
import type { Availability, ExportChoices } from './export-choices.ts';
import { useSectionStyles } from './section-styles.ts';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The hint lines up with the checkbox's label, not its box.
  hint: { margin: `0 0 0 ${tokens.spacingHorizontalXXXL}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  audience: { marginLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface IncludeSectionProps {
  choices: ExportChoices;
  onChange: (patch: Partial<ExportChoices>) => void;
  available: Availability;
}

/**
 * The extras besides the evidence: the Annex A workbook (and which one, by audience) and the
 * self-evaluation. An extra that cannot go in yet is shown disabled with what to do, rather than hidden.
 */
export function IncludeSection({ choices, onChange, available }: IncludeSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const annexaHint = useId();
  const selfEvaluationHint = useId();
  const annexa = available?.annexa ?? null;
  const annexaOn = choices.annexa && annexa !== null;

  return (
    <section className={section.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={section.heading}>
        Also include
      </h3>

      <div className={styles.option}>
        <Checkbox
          label="The Annex A workbook"
          checked={annexaOn}
          disabled={annexa === null}
          aria-describedby={annexaHint}
          onChange={(_, d) => onChange({ annexa: d.checked === true })}
          data-testid="export-include-annexa"
        />
        <p id={annexaHint} className={styles.hint}>
          {available === null
            ? 'Checking whether Annex A lists have been imported…'
            : annexa === null
              ? 'Import the Annex A extracts first (in the Annex A area, Alt+4).'
              : `From the lists imported on ${formatTimestamp(annexa.importedAt)} for the inspection on ${formatIsoDate(annexa.inspectionDate)}.`}
        </p>
        {annexaOn && (
          <div className={styles.audience}>
            <Field label="Who the pack is for">
              <RadioGroup
              value={choices.audience}
              onChange={(_, d) => onChange({ audience: d.value === 'inspection-team' ? 'inspection-team' : 'shared' })}
              data-testid="export-audience"
            >
              <Radio value="shared" label="Anyone on the shared drive — pseudonymised copy" />
              <Radio value="inspection-team" label="The inspection team only — child-level workbook" />
              </RadioGroup>
            </Field>
            {choices.audience === 'inspection-team' ? (
              <MessageBar intent="warning" layout="multiline" data-testid="export-child-level-warning">
                <MessageBarBody>
                  <MessageBarTitle>Every child’s details go into the pack</MessageBarTitle>
                  The child-level workbook holds each child’s id, date of birth and postcode, and their workers’ names. Export it only to a folder
                  that nobody but the inspection team can open, and delete the pack when the inspection is over.
                </MessageBarBody>
              </MessageBar>
            ) : (
              <p className={section.muted}>
                Ids are replaced, dates of birth cut to the month, postcodes to the sector, names and free text removed. It is not anonymous:
                treat it as personal data.
              </p>
            )}
          </div>
        )}
      </div>

      <div className={styles.option}>
        <Checkbox
          label="The self-evaluation (Word)"
          checked={choices.selfEvaluation && available?.selfEvaluation === true}
          disabled={available?.selfEvaluation !== true}
          aria-describedby={selfEvaluationHint}
          onChange={(_, d) => onChange({ selfEvaluation: d.checked === true })}
          data-testid="export-include-self-evaluation"
        />
        <p id={selfEvaluationHint} className={styles.hint}>
          {available === null
            ? 'Checking whether a self-evaluation has been written…'
            : available.selfEvaluation
              ? 'The self-evaluation for this framework, as Frameworks exports it.'
              : 'Nothing written yet for this framework: write it in Frameworks, Self-evaluation (Alt+3).'}
        </p>
      </div>
    </section>
  );
}
