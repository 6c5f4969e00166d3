// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webDarkTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../renderer/src/app/ErrorBoundary.tsx';

/** A part of the UI that fails while `broken.now` is true, as a render bug would. */
const broken = { now: true };
function Fragile({ label }: { label: string }) {
  if (broken.now) throw new Error('Cannot read properties of undefined (reading "pages")');
  return <p>{label} works</p>;
}

const inTheme = (children: ReactNode) => render(<FluentProvider theme={webDarkTheme}>{children}</FluentProvider>);

beforeEach(() => {
  broken.now = true;
  // React reports every caught render error on the console; the boundary logs it too. Keep the output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows what happened in plain words, as an alert, and keeps the rest of the app working', () => {
    inTheme(
      <>
        <ErrorBoundary area="Search">
          <Fragile label="Search" />
        </ErrorBoundary>
        <p>The library still works</p>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong in Search');
    expect(alert.textContent).toContain('Your documents and your index are not affected');
    expect(alert.textContent).toContain('Cannot read properties of undefined');
    expect(screen.getByText('The library still works')).toBeTruthy();
    expect(console.error).toHaveBeenCalledWith('[evidence-store] Search failed:', expect.any(Error), expect.anything());
  });

  it('"Reload this area" remounts the area, which comes back once the fault is gone', () => {
    inTheme(
      <ErrorBoundary area="Search">
        <Fragile label="Search" />
      </ErrorBoundary>,
    );
    const reload = screen.getByRole('button', { name: 'Reload this area' });
    // Focus had nowhere to go when the area vanished, so the first way back has it.
    expect(document.activeElement).toBe(reload);
    broken.now = false;
    fireEvent.click(reload);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Search works')).toBeTruthy();
  });

  it('shows the message again if the area fails again after a reload', () => {
    inTheme(
      <ErrorBoundary area="Settings">
        <Fragile label="Settings" />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload this area' }));
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong in Settings');
  });

  it('"Reload the app" reloads the page', () => {
    const reloadApp = vi.fn();
    inTheme(
      <ErrorBoundary area="the Library" onReloadApp={reloadApp}>
        <Fragile label="Library" />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload the app' }));
    expect(reloadApp).toHaveBeenCalledTimes(1);
  });

  it('fits a one-line strip for the status bar, with both buttons, and leaves focus where the user is', () => {
    inTheme(
      <>
        <input aria-label="Search evidence" autoFocus />
        <ErrorBoundary area="the status bar" layout="strip">
          <Fragile label="Status" />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong in the status bar');
    expect(screen.getByRole('button', { name: 'Reload this area' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the app' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search evidence' }));
  });

  it('renders its children untouched when nothing fails', () => {
    broken.now = false;
    inTheme(
      <ErrorBoundary area="Search">
        <Fragile label="Search" />
      </ErrorBoundary>,
    );
    expect(screen.getByText('Search works')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
