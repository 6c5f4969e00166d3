// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Segments } from '../../renderer/src/search/Segments.tsx';

afterEach(cleanup);

describe('Segments', () => {
  it('renders text from documents as text, never as HTML', () => {
    const { container } = render(
      <p>
        <Segments
          segments={[
            { text: '<img src=x onerror="window.pwned=1"> before ', hit: false },
            { text: '<b>care</b>', hit: true },
            { text: ' <script>window.pwned=2</script>', hit: false },
          ]}
        />
      </p>,
    );
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="window.pwned=1"> before <b>care</b> <script>window.pwned=2</script>');
    const marks = container.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('<b>care</b>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('marks only the hit segments, in order', () => {
    const { container } = render(
      <p>
        <Segments segments={[{ text: 'the ', hit: false }, { text: 'care', hit: true }, { text: ' plan for ', hit: false }, { text: 'Care', hit: true }]} />
      </p>,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['care', 'Care']);
    expect(container.textContent).toBe('the care plan for Care');
  });
});
