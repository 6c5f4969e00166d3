import { Dropdown, Option, OptionGroup, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useFrameworks } from './useFrameworks.ts';

const useStyles = makeStyles({
  wrap: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  dropdown: { minWidth: '170px', maxWidth: '240px' },
});

/** The framework tags, coverage and suggestions use; the choice is remembered on this computer. */
export function FrameworkPicker() {
  const styles = useStyles();
  const labelId = useId('framework-label');
  const { list, activeId, active, setActive } = useFrameworks();
  if (!list?.length) return null;
  const builtIn = list.filter((f) => f.builtIn);
  const yours = list.filter((f) => !f.builtIn);
  return (
    <div className={styles.wrap}>
      <span id={labelId} className={styles.label}>
        Framework
      </span>
      <Dropdown
        className={styles.dropdown}
        aria-labelledby={labelId}
        value={active?.shortTitle ?? ''}
        selectedOptions={activeId ? [activeId] : []}
        onOptionSelect={(_, data) => data.optionValue && setActive(data.optionValue)}
        title={active?.title}
        data-testid="framework-picker"
      >
        <OptionGroup label="Built in">
          {builtIn.map((f) => (
            <Option key={f.id} value={f.id} text={f.shortTitle} title={f.title}>
              {f.shortTitle}
              {f.isDefault ? ' (default)' : ''}
            </Option>
          ))}
        </OptionGroup>
        {yours.length > 0 && (
          <OptionGroup label="Yours">
            {yours.map((f) => (
              <Option key={f.id} value={f.id} text={f.shortTitle} title={f.title}>
                {f.shortTitle}
              </Option>
            ))}
          </OptionGroup>
        )}
      </Dropdown>
    </div>
  );
}
