import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the README's pictures, from their own suite (npm test writes no file). */
export default defineConfig({
  ...base,
  testDir: 'e2e/screenshots',
  testMatch: '*.shots.ts',
  testIgnore: [],
});
