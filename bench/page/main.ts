// The benchmark driver (bench/*.bench.ts, through Playwright) calls the same engine worker the app
// uses; this page only hands it over, so the app itself carries no benchmark hooks.
import { engineClient } from '../../src/store/workers';

(window as unknown as { genirEngine: ReturnType<typeof engineClient> }).genirEngine =
  engineClient();
