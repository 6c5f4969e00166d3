import { Label, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';

/** Fixed, so line N sits at (N - 1) × LINE_PX in the text and the gutter alike. */
const LINE_PX = 20;
const PAD_PX = 8;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  label: { display: 'block', marginBottom: tokens.spacingVerticalXS },
  frame: {
    display: 'flex',
    height: '100%',
    minHeight: '220px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  gutter: {
    position: 'relative',
    flexShrink: 0,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    userSelect: 'none',
  },
  numbers: {
    margin: 0,
    padding: `${PAD_PX}px ${tokens.spacingHorizontalS}`,
    textAlign: 'right',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${LINE_PX}px`,
    position: 'relative',
    zIndex: 1,
  },
  text: { position: 'relative', flex: 1, minWidth: 0 },
  textarea: {
    position: 'absolute',
    inset: 0,
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    margin: 0,
    border: 'none',
    outline: 'none',
    resize: 'none',
    padding: `${PAD_PX}px ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${LINE_PX}px`,
    whiteSpace: 'pre',
    overflow: 'auto',
    color: tokens.colorNeutralForeground1,
    // Transparent, so the band marking a line with a problem shows behind the text.
    backgroundColor: 'transparent',
    zIndex: 1,
  },
  band: { position: 'absolute', left: 0, right: 0, height: `${LINE_PX}px`, backgroundColor: tokens.colorPaletteRedBackground2, pointerEvents: 'none' },
  current: { backgroundColor: tokens.colorPaletteRedBackground3 },
  mark: { position: 'absolute', left: 0, width: '3px', height: `${LINE_PX}px`, backgroundColor: tokens.colorPaletteRedBorder2 },
});

export interface FrameworkTextEditorHandle {
  /** Puts the cursor at the start of a line (1-based), selects the line, and scrolls it into view. */
  goToLine(line: number): void;
}

export interface FrameworkTextEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Lines with a problem (1-based), marked in the gutter and behind the text. */
  problemLines?: readonly number[];
  'data-testid'?: string;
}

/**
 * A plain text box for a framework's JSON with a line-number gutter that scrolls with it, so the
 * "Line 42: …" in a problem can be found, and lines with a problem marked. Lines never wrap:
 * line N is always the Nth row of the gutter.
 */
export const FrameworkTextEditor = forwardRef<FrameworkTextEditorHandle, FrameworkTextEditorProps>(function FrameworkTextEditor(
  { label, value, onChange, problemLines = [], 'data-testid': testId },
  ref,
) {
  const styles = useStyles();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [current, setCurrent] = useState<number | null>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  // One text node for the numbers: a 5,000-line file must not become 5,000 elements.
  const numbers = useMemo(() => Array.from({ length: lineCount }, (_, i) => i + 1).join('\n'), [lineCount]);
  const digits = String(lineCount).length;

  useImperativeHandle(
    ref,
    () => ({
      goToLine(line: number) {
        const el = area.current;
        if (!el) return;
        const lines = el.value.split('\n');
        const n = Math.min(Math.max(1, line), lines.length);
        const start = lines.slice(0, n - 1).reduce((sum, l) => sum + l.length + 1, 0);
        el.focus();
        el.setSelectionRange(start, start + lines[n - 1].length);
        // A third of the way down, so the lines before it give context.
        el.scrollTop = Math.max(0, (n - 1) * LINE_PX - el.clientHeight / 3);
        setScrollTop(el.scrollTop);
        setCurrent(n);
      },
    }),
    [],
  );

  const top = (line: number) => PAD_PX + (line - 1) * LINE_PX - scrollTop;
  return (
    <div className={styles.wrap}>
      <Label htmlFor={id} className={styles.label}>
        {label}
      </Label>
      <div className={styles.frame}>
        <div className={styles.gutter} aria-hidden style={{ width: `calc(${digits + 1}ch + 20px)` }}>
          {problemLines.map((line) => (
            <div key={line} className={styles.mark} style={{ top: top(line) }} data-problem-line={line} />
          ))}
          <pre className={styles.numbers} style={{ transform: `translateY(${-scrollTop}px)` }}>
            {numbers}
          </pre>
        </div>
        <div className={styles.text}>
          {problemLines.map((line) => (
            <div key={line} className={mergeClasses(styles.band, line === current && styles.current)} style={{ top: top(line) }} aria-hidden />
          ))}
          <textarea
            ref={area}
            id={id}
            className={styles.textarea}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            data-testid={testId}
          />
        </div>
      </div>
    </div>
  );
});

/** The lines a save problem names ("Line 12: …", one per line of the message), in order, once each. */
export function problemLinesOf(problem: string | null): number[] {
  if (!problem) return [];
  return [...new Set([...problem.matchAll(/^Line (\d+):/gmu)].map((m) => Number(m[1])))];
}
