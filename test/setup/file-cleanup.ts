/**
 * Vitest setup file (runs in every test file): undoes what helpers made outside a test, such as a
 * temp folder or core opened in `beforeAll`, once the file's tests have run. See test/helpers/cleanup.ts.
 */
import { afterAll } from 'vitest';
import { installFileCleanup } from '../helpers/cleanup.ts';

installFileCleanup((run) => afterAll(run));
