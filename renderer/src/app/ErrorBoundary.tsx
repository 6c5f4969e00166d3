/**
 * One area of the UI that failed shows what happened and how to get back, instead of React
 * unmounting the whole page to a blank window. The other areas keep working.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ErrorCircle24Regular } from '@fluentui/react-icons';
import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** What the user calls this part of the app, e.g. "Search" or "the status bar". */
  area: string;
  /** "strip" fits a one-line place such as the status bar. */
  layout?: 'area' | 'strip';
  /** Reloads the whole page; tests pass their own. */
  onReloadApp?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The developer console is the only log a browser page has; nothing leaves the machine.
    console.error(`[evidence-store] ${this.props.area} failed:`, error, info.componentStack);
  }

  // The failed children were unmounted when the message replaced them, so clearing the error
  // mounts them afresh, with new state and new data requests.
  private readonly reloadArea = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (error) {
      return (
        <AreaFailed
          area={this.props.area}
          layout={this.props.layout ?? 'area'}
          error={error}
          onReloadArea={this.reloadArea}
          onReloadApp={this.props.onReloadApp ?? (() => window.location.reload())}
        />
      );
    }
    return this.props.children;
  }
}

const useStyles = makeStyles({
  area: {
    boxSizing: 'border-box',
    maxWidth: '640px',
    margin: `${tokens.spacingVerticalXXL} auto`,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorPaletteRedBorder1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  strip: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderTop: `1px solid ${tokens.colorPaletteRedBorder1}`,
  },
  icon: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  stripText: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  details: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  detail: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: `${tokens.spacingVerticalXS} 0 0` },
});

interface AreaFailedProps {
  area: string;
  layout: 'area' | 'strip';
  error: Error;
  onReloadArea: () => void;
  onReloadApp: () => void;
}

function AreaFailed({ area, layout, error, onReloadArea, onReloadApp }: AreaFailedProps) {
  const styles = useStyles();
  const firstButton = useRef<HTMLButtonElement>(null);

  // If focus was inside the part that failed, it has just vanished with it: give keyboard users a
  // place to continue. Focus elsewhere (someone typing in search) is left alone.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) firstButton.current?.focus();
  }, []);

  const actions = (
    <div className={styles.actions}>
      <Button ref={firstButton} appearance="primary" icon={<ArrowClockwise20Regular />} onClick={onReloadArea} size={layout === 'strip' ? 'small' : 'medium'}>
        Reload this area
      </Button>
      <Button onClick={onReloadApp} size={layout === 'strip' ? 'small' : 'medium'}>
        Reload the app
      </Button>
    </div>
  );

  if (layout === 'strip') {
    return (
      <div role="alert" className={styles.strip} data-testid="area-error">
        <ErrorCircle24Regular className={styles.icon} aria-hidden />
        <p className={styles.stripText}>{`Something went wrong in ${area}. The rest of the app still works.`}</p>
        {actions}
      </div>
    );
  }
  return (
    <div role="alert" className={styles.area} data-testid="area-error">
      <ErrorCircle24Regular className={styles.icon} aria-hidden />
      <h2 className={styles.heading}>{`Something went wrong in ${area}`}</h2>
      <p className={styles.p}>
        This part of Evidence Store stopped because of a fault in the app, not because of anything you did. Your documents and your index
        are not affected, and the rest of the app still works.
      </p>
      <p className={styles.p}>Reload this area to try again. If it happens again, reload the app.</p>
      {actions}
      <details className={styles.details}>
        <summary>Technical details, for whoever supports Evidence Store</summary>
        <p className={styles.detail}>{error.message || error.name}</p>
      </details>
    </div>
  );
}
