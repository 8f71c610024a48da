import type { DsiTrainConfig } from '../../models/train/config';
import type { ModelInfo } from '../../worker/engineApi';

const count = (n: number, word: string, plural = `${word}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? word : plural}`;

/** The model's shape in words, e.g. "0 encoder layers and 1 decoder layer, 128 wide, 4 attention heads". */
function shapeOf(config: Partial<DsiTrainConfig>): string | null {
  const m = config.model;
  if (!m) return null;
  return (
    `${count(m.encoderLayers, 'encoder layer')} and ${count(m.decoderLayers, 'decoder layer')}, ` +
    `${m.dModel} numbers wide, ${count(m.heads, 'attention head')}`
  );
}

/** How it was trained in words, e.g. "20 epochs in batches of 32, 12 pseudo-queries per document". */
function trainingOf(config: Partial<DsiTrainConfig>): string | null {
  if (!config.epochs || !config.batchSize) return null;
  const parts = [
    `${count(config.epochs, 'epoch')} (passes over the examples) in batches of ${config.batchSize}`,
  ];
  const data = config.data;
  const pseudoPerDoc = data ? data.querygen.perDoc * data.querygen.strategies.length : 0;
  if (data && data.mix.pseudo > 0 && pseudoPerDoc > 0)
    parts.push(`${count(pseudoPerDoc, 'pseudo-query', 'pseudo-queries')} per document`);
  if (data && data.mix.queries > 0) parts.push(`the "${data.trainSplit}" questions`);
  return parts.join(', ');
}

export interface ModelSummary {
  /** where it comes from: "the checkpoint shipped with the app" or "a model trained in this page" */
  origin: string;
  /** "0 encoder layers and 1 decoder layer, 128 numbers wide, 4 attention heads" (null if unrecorded) */
  shape: string | null;
  /** "1.23 M" */
  parameters: string;
  docidScheme: string;
  /** "20 epochs (passes over the examples) in batches of 32, …" (null if unrecorded) */
  training: string | null;
}

/** The generative model in use, told with the settings it was really trained with. */
export function summariseModel(
  model: Pick<ModelInfo, 'source' | 'parameters' | 'docidScheme' | 'config'>,
): ModelSummary {
  // a shipped checkpoint's config.json holds the training settings under "training"; a model
  // trained (or saved) in this page keeps them as they are
  const { training } = model.config;
  const config = (
    typeof training === 'object' && training !== null ? training : model.config
  ) as Partial<DsiTrainConfig>;
  return {
    origin:
      model.source === 'checkpoint'
        ? 'the checkpoint shipped with the app'
        : 'a model trained in this page',
    shape: shapeOf(config),
    parameters: `${(model.parameters / 1e6).toFixed(2)} M`,
    docidScheme: model.docidScheme,
    training: trainingOf(config),
  };
}
