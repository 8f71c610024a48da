import * as Comlink from 'comlink';
import { withFirstAnswers } from './firstAnswers';

// TF.js comes in a script of its own, after the first answer (firstAnswers.ts)
Comlink.expose(withFirstAnswers(() => import('./fullEngine').then((m) => m.fullEngine())));
