// The app's code imports TF.js's core; the full package registers, for every test file, what
// the browser build gets from models/tfSetup.ts (gradients, chained ops) and the plain-JS backend.
import '@tensorflow/tfjs';
