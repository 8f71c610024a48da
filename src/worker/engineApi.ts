import type { BackendName, BackendReport } from '../models/backend';

/**
 * The engine worker owns TF.js and every model. The page imports this interface as a type only
 * and talks to the worker through Comlink.
 */
export interface EngineWorkerApi {
  /** Pick and start the TF.js backend (webgpu → webgl → cpu), `preferred` first when given. */
  init(preferred?: BackendName): Promise<BackendReport>;
}
