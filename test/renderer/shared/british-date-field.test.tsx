// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { BritishDateField } from '../../../renderer/src/shared/BritishDateField.tsx';

afterEach(cleanup);

/** The field in a form that keeps its value, as the evidence form does; the value is shown for the test to read. */
function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <BritishDateField label="Evidence date" value={value} onChange={setValue} data-testid="date" />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('2024-12-31')}>
        Reset
      </button>
    </FluentProvider>
  );
}

const input = () => screen.getByLabelText(/Evidence date/u) as HTMLInputElement;
const value = () => screen.getByTestId('value').textContent;

describe('the British date field', () => {
  it('shows a stored date as dd/mm/yyyy', () => {
    render(<Harness initial="2026-03-05" />);
    expect(input().value).toBe('05/03/2026');
  });

  it('keeps what is typed day first as an ISO date, and says it back in full on leaving', () => {
    render(<Harness />);
    fireEvent.change(input(), { target: { value: '5/3/2026' } });
    expect(value()).toBe('2026-03-05');
    fireEvent.blur(input());
    expect(input().value).toBe('05/03/2026');
    fireEvent.change(input(), { target: { value: '2026-04-30' } });
    expect(value()).toBe('2026-04-30');
  });

  it('says how to write a date once the user leaves a field that does not hold one, keeping the text', () => {
    render(<Harness />);
    fireEvent.change(input(), { target: { value: '31/04/2026' } });
    expect(screen.queryByText(/not a date that exists/u)).toBeNull();
    fireEvent.blur(input());
    expect(screen.getByText('31/04/2026 is not a date that exists. Enter a date as dd/mm/yyyy, for example 05/03/2026.')).toBeTruthy();
    expect(input().value).toBe('31/04/2026');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    // The form holds the text, not a date, so its own check refuses to save it.
    expect(value()).toBe('31/04/2026');
  });

  it('empties to no date', () => {
    render(<Harness initial="2026-03-05" />);
    fireEvent.change(input(), { target: { value: '' } });
    expect(value()).toBe('');
  });

  it('shows a date set from outside', () => {
    render(<Harness initial="2026-03-05" />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(input().value).toBe('31/12/2024');
  });
});

describe('the British date-and-time field', () => {
  function TimeHarness() {
    const [value, setValue] = useState('');
    return (
      <FluentProvider theme={webLightTheme}>
        <BritishDateField withTime label="Due" value={value} onChange={setValue} />
        <output data-testid="value">{value}</output>
      </FluentProvider>
    );
  }

  it('keeps dd/mm/yyyy HH:mm as local yyyy-mm-ddTHH:mm, and asks for the time when it is missing', () => {
    render(<TimeHarness />);
    const due = screen.getByLabelText(/Due/u) as HTMLInputElement;
    fireEvent.change(due, { target: { value: '5/3/2026 9:05' } });
    expect(value()).toBe('2026-03-05T09:05');
    fireEvent.blur(due);
    expect(due.value).toBe('05/03/2026 09:05');
    fireEvent.change(due, { target: { value: '05/03/2026' } });
    fireEvent.blur(due);
    expect(screen.getByText(/Add the time/u)).toBeTruthy();
  });
});
