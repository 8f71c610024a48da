import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summariseModel } from './modelSummary';

describe('summariseModel', () => {
  it('tells the shipped checkpoint with the settings in its config.json', () => {
    const shipped = JSON.parse(readFileSync('public/models/genir-demo/config.json', 'utf8'));
    const { model, epochs, batchSize, data } = shipped.training;
    const summary = summariseModel({
      source: 'checkpoint',
      parameters: 1_234_567,
      docidScheme: data.docidScheme,
      // as the engine reports a shipped checkpoint: its whole config.json
      config: shipped,
    });
    expect(summary.origin).toBe('the checkpoint shipped with the app');
    expect(summary.parameters).toBe('1.23 M');
    expect(summary.docidScheme).toBe(data.docidScheme);
    expect(summary.shape).toContain(`${model.dModel} numbers wide`);
    expect(summary.shape).toContain(`${model.heads} attention heads`);
    expect(summary.training).toContain(`${epochs} epochs`);
    expect(summary.training).toContain(`batches of ${batchSize}`);
    const perDoc = data.querygen.perDoc * data.querygen.strategies.length;
    expect(summary.training).toContain(`${perDoc} pseudo-queries per document`);
  });

  it('reads a model trained in the page from its training settings as they are', () => {
    const shipped = JSON.parse(readFileSync('public/models/genir-demo/config.json', 'utf8'));
    const fromShipped = summariseModel({
      source: 'checkpoint',
      parameters: 1,
      docidScheme: 'atomic',
      config: shipped,
    });
    const trained = summariseModel({
      source: 'trained',
      parameters: 1,
      docidScheme: 'atomic',
      config: shipped.training,
    });
    expect(trained.shape).toBe(fromShipped.shape);
    expect(trained.training).toBe(fromShipped.training);
  });

  it('says one layer, not one layers, and leaves out what the config does not record', () => {
    const summary = summariseModel({
      source: 'trained',
      parameters: 500_000,
      docidScheme: 'semantic',
      config: {
        model: { dModel: 64, heads: 1, dFF: 128, encoderLayers: 1, decoderLayers: 2 },
      },
    });
    expect(summary.origin).toBe('a model trained in this page');
    expect(summary.shape).toBe(
      '1 encoder layer and 2 decoder layers, 64 numbers wide, 1 attention head',
    );
    expect(summary.training).toBeNull();
    expect(
      summariseModel({ ...summary, source: 'trained', parameters: 1, config: {} }).shape,
    ).toBeNull();
  });
});
