import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { AnnexaSpecSummary } from '../../../shared/annexa/api.ts';
import { formatIsoDate, formatIsoDateLong, parseBritishDate } from './dates.ts';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  // Grid items are as wide as their longest option otherwise (a version's title), pushing past the window at 1024 px.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  source: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
  unverified: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface SavedMapping {
  system: string;
  savedAt: string;
}

export interface ImportOptionsProps {
  dateText: string;
  onDateText: (text: string) => void;
  specs: readonly AnnexaSpecSummary[];
  specId: string;
  onSpecId: (id: string) => void;
  mappings: readonly SavedMapping[];
  /** '' for "recognise the columns by their headers". */
  system: string;
  onSystem: (system: string) => void;
  /** Show the date's problem (after a first attempt to import), not while it is being typed. */
  showDateError: boolean;
}

/** The first sentence of a spec's source note: enough to say whether it is Ofsted's own text. */
function firstSentence(text: string): string {
  const m = /^.*?[.:](\s|$)/u.exec(text);
  return (m ? m[0] : text).trim().replace(/:$/u, '.');
}

/** Inspection date (day first), Annex A version with where it comes from, and an optional saved mapping. */
export function ImportOptions(props: ImportOptionsProps) {
  const styles = useStyles();
  const parsed = parseBritishDate(props.dateText);
  const spec = props.specs.find((s) => s.id === props.specId);
  const dateHint = parsed.ok
    ? `${formatIsoDateLong(parsed.iso)}. Each list’s window (six or twelve months before it) and children’s ages are worked out from it.`
    : 'dd/mm/yyyy. Each list’s window and children’s ages are worked out from it.';

  return (
    <div className={styles.grid}>
      <Field
        className={styles.field}
        label="Inspection date"
        required
        hint={props.showDateError && !parsed.ok ? undefined : dateHint}
        validationMessage={props.showDateError && !parsed.ok ? parsed.message : undefined}
        validationState={props.showDateError && !parsed.ok ? 'error' : 'none'}
      >
        <Input
          value={props.dateText}
          onChange={(_, d) => props.onDateText(d.value)}
          onBlur={() => parsed.ok && props.onDateText(formatIsoDate(parsed.iso))}
          placeholder="dd/mm/yyyy"
          autoComplete="off"
          data-testid="annexa-inspection-date"
        />
      </Field>

      <Field label="Annex A version" className={styles.field}>
        <Select className={styles.select} value={props.specId} onChange={(_, d) => props.onSpecId(d.value)} data-testid="annexa-spec">
          {props.specs.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
              {s.isDefault ? ' (default)' : ''}
            </option>
          ))}
        </Select>
        {spec && (
          <details className={styles.source}>
            <summary className={styles.summary}>
              <span className={spec.source.startsWith('UNVERIFIED') ? styles.unverified : undefined}>{firstSentence(spec.source)}</span> More about this version
            </summary>
            <p>{spec.source}</p>
          </details>
        )}
      </Field>

      <Field
        className={styles.field}
        label="Column mapping"
        hint={props.mappings.length ? 'A mapping saved for your system names the columns its extracts use.' : 'None saved yet: after checking the columns in step 2, save them for your system.'}
      >
        <Select className={styles.select} value={props.system} onChange={(_, d) => props.onSystem(d.value)} data-testid="annexa-system">
          <option value="">Recognise the columns by their headers</option>
          {props.mappings.map((m) => (
            <option key={m.system} value={m.system}>
              {`Saved for ${m.system}`}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
