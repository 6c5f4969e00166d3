import { Button, Checkbox, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { FrameworkSummary, FrameworkView } from '../../../shared/contract.ts';
import { EVIDENCE_STATUSES } from '../../../shared/evidence.ts';
import type { Loaded } from '../frameworks/useFrameworks.ts';
import { STATUS_WORDS, isTicked, toggleJudgement, toggleStatus, type ExportChoices } from './export-choices.ts';
import { useSectionStyles } from './section-styles.ts';

const useStyles = makeStyles({
  groupHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  judgements: { display: 'flex', flexDirection: 'column', maxHeight: '320px', overflowY: 'auto' },
  hint: { color: tokens.colorNeutralForeground3 },
  // Long framework titles must not push the card wider than its column.
  select: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
});

export interface ScopeSectionProps {
  choices: ExportChoices;
  onChange: (patch: Partial<ExportChoices>) => void;
  frameworks: FrameworkSummary[] | null;
  framework: Loaded<FrameworkView>;
}

/** Which evidence goes in: one framework, some or all of its judgements, items of the statuses ticked. */
export function ScopeSection({ choices, onChange, frameworks, framework }: ScopeSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const judgementsLegend = useId();
  const judgements = framework.status === 'ready' ? framework.value.judgements : [];
  const all = judgements.map((j) => j.id);
  const builtIn = (frameworks ?? []).filter((f) => f.builtIn);
  const yours = (frameworks ?? []).filter((f) => !f.builtIn);
  const current = frameworks?.find((f) => f.id === choices.frameworkId);

  return (
    <section className={section.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={section.heading}>
        What goes in
      </h3>
      <Field label="Framework" hint={`${current?.title ?? ''}${current ? '. ' : ''}The evidence is filed by its judgements and criteria.`}>
        <Select
          className={styles.select}
          value={choices.frameworkId ?? ''}
          // A new framework has other judgements: start again from all of them.
          onChange={(_, d) => onChange({ frameworkId: d.value, judgementIds: 'all' })}
          disabled={!frameworks?.length}
          data-testid="export-framework"
        >
          {builtIn.length > 0 && (
            <optgroup label="Built in">
              {builtIn.map((f) => (
                <option key={f.id} value={f.id} title={f.title}>
                  {f.shortTitle}
                  {f.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </optgroup>
          )}
          {yours.length > 0 && (
            <optgroup label="Yours">
              {yours.map((f) => (
                <option key={f.id} value={f.id} title={f.title}>
                  {f.shortTitle}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </Field>

      <fieldset className={section.group} aria-describedby={judgementsLegend}>
        <legend className={section.legend}>Judgements</legend>
        <div className={styles.groupHead}>
          <span className={section.muted} id={judgementsLegend}>
            {choices.judgementIds === 'all' ? 'All of them' : `${choices.judgementIds.length} of ${judgements.length} ticked`}
          </span>
          <Button
            size="small"
            appearance="subtle"
            aria-label="All judgements"
            disabled={choices.judgementIds === 'all'}
            onClick={() => onChange({ judgementIds: 'all' })}
          >
            All
          </Button>
          <Button
            size="small"
            appearance="subtle"
            aria-label="None of the judgements"
            disabled={choices.judgementIds !== 'all' && choices.judgementIds.length === 0}
            onClick={() => onChange({ judgementIds: [] })}
          >
            None
          </Button>
        </div>
        {framework.status === 'loading' && choices.frameworkId !== null && <Spinner size="tiny" label="Loading the judgements…" />}
        {framework.status === 'error' && <p className={section.muted}>{framework.message}</p>}
        <div className={styles.judgements} data-testid="export-judgements">
          {judgements.map((j) => (
            <Checkbox
              key={j.id}
              label={j.title}
              checked={isTicked(choices, j.id)}
              onChange={(_, d) => onChange({ judgementIds: toggleJudgement(choices, j.id, d.checked === true, all) })}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={section.group}>
        <legend className={section.legend}>Evidence with the status</legend>
        {/* Approved first: it is what a pack is for; drafts and retired items are there when asked for. */}
        {(['approved', ...EVIDENCE_STATUSES.filter((s) => s !== 'approved')] as const).map((s) => (
          <Checkbox
            key={s}
            label={
              <>
                {STATUS_WORDS[s].label} <span className={styles.hint}>— {STATUS_WORDS[s].hint}</span>
              </>
            }
            checked={choices.statuses.includes(s)}
            onChange={(_, d) => onChange({ statuses: toggleStatus(choices.statuses, s, d.checked === true) })}
          />
        ))}
      </fieldset>
    </section>
  );
}
