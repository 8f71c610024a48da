import * as Comlink from 'comlink';
import '../models/tfSetup';
import { createEngine } from './engine';

Comlink.expose(createEngine());
