import { makeStyles } from '@fluentui/react-components';

/** Text for screen readers only: in the accessibility tree, not on screen. */
export const useVisuallyHidden = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: 0 },
});
