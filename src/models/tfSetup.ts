// What the full `@tensorflow/tfjs` package adds to TF.js's core, and this app needs: the
// gradients of every op (training) and the chained ops (`x.toFloat()`, ...). The app imports the
// core alone so that the engine's script leaves out the layers, converter and data APIs, and
// fetches the backends other than wasm only when one is tried (models/backend.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
