// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PathText } from '../../../renderer/src/document/PathText.tsx';

afterEach(cleanup);

describe('a path shown in a narrow list', () => {
  it('is whole names with a break opportunity after each separator only, the full path on hover', () => {
    const full = 'C:\\Users\\ann\\Children in care\\Placement_Stability_Review_2024.pdf';
    render(
      <FluentProvider theme={webLightTheme}>
        <PathText path={'C:\\…\\Children in care\\Placement_Stability_Review_2024.pdf'} full={full} />
      </FluentProvider>,
    );
    const path = screen.getByTestId('path-text');
    expect(path.title).toBe(full);
    expect(screen.getAllByTestId('path-piece').map((p) => p.textContent)).toEqual(['C:\\', '…\\', 'Children in care\\', 'Placement_Stability_Review_2024.pdf']);
    expect(path.textContent).toBe('C:\\…\\Children in care\\Placement_Stability_Review_2024.pdf');
    // A <wbr> follows each piece: breaks go between folders, never inside a name.
    expect([...path.childNodes].map((n) => n.nodeName)).toEqual(['SPAN', 'WBR', 'SPAN', 'WBR', 'SPAN', 'WBR', 'SPAN', 'WBR']);
  });
});
