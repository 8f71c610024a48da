// npm run screenshots: build the app and write the README's pictures to docs/screenshots/.
import { ensureChromium, ensureNodeModules, run } from './setup.mjs';

ensureNodeModules();
ensureChromium();
run('npx', ['vite', 'build']);
run('npx', ['playwright', 'test', '-c', 'playwright.screenshots.config.ts', '--reporter=list']);
