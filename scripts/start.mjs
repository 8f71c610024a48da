// npm start: install what is missing, build, and serve the app on localhost.
import { spawn } from 'node:child_process';
import { ensureNodeModules, run } from './setup.mjs';

const port = process.env.PORT ?? '4173';
ensureNodeModules();
run('npx', ['tsc', '-b']);
run('npx', ['vite', 'build']);
console.log(`\nGenIR Playground is being served at http://localhost:${port}/ (Ctrl+C stops it)\n`);
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', 'localhost', '--port', port, '--strictPort'],
  { stdio: 'inherit' },
);
server.on('exit', (code) => process.exit(code ?? 0));
