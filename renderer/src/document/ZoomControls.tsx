import { Button, Text, ToggleButton, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowAutofitWidth20Regular, ZoomIn20Regular, ZoomOut20Regular } from '@fluentui/react-icons';
import { zoomIn, zoomOut, zoomPercent, type Zoom } from './zoom.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  percent: { minWidth: '44px', textAlign: 'center', fontSize: tokens.fontSizeBase200 },
});

export interface ZoomControlsProps {
  zoom: Zoom;
  /** The scale the page is drawn at now (null until it is drawn). */
  scale: number | null;
  /** The page's width at scale 1, for the smallest zoom that keeps it readable. */
  naturalWidth: number | null;
  onZoomChange: (zoom: Zoom) => void;
}

/** Fit the page to the width, or zoom out and in a step at a time; the scale shown between. */
export function ZoomControls({ zoom, scale, naturalWidth, onZoomChange }: ZoomControlsProps) {
  const styles = useStyles();
  const larger = scale === null ? null : zoomIn(scale);
  const smaller = scale === null || naturalWidth === null ? null : zoomOut(scale, naturalWidth);
  return (
    <Toolbar className={styles.bar} aria-label="Zoom" size="small">
      <Button
        size="small"
        appearance="subtle"
        icon={<ZoomOut20Regular />}
        disabled={smaller === null}
        onClick={() => smaller !== null && onZoomChange(smaller)}
        aria-label="Zoom out"
        title="Zoom out"
      />
      <Text className={styles.percent} data-testid="doc-zoom" aria-live="polite">
        {scale === null ? '' : zoomPercent(scale)}
      </Text>
      <Button
        size="small"
        appearance="subtle"
        icon={<ZoomIn20Regular />}
        disabled={larger === null}
        onClick={() => larger !== null && onZoomChange(larger)}
        aria-label="Zoom in"
        title="Zoom in"
      />
      <ToggleButton size="small" appearance="subtle" icon={<ArrowAutofitWidth20Regular />} checked={zoom === 'fit'} onClick={() => onZoomChange('fit')}>
        Fit width
      </ToggleButton>
    </Toolbar>
  );
}
