import { DEMO_TRAIN_CONFIG, TINY_TRAIN_CONFIG } from '../../models/train/presets';
import type { DsiTrainConfig } from '../../models/train/trainDsi';

export type PresetId = 'classroom' | 'tiny';

/** The named starting points of the settings form; choosing one replaces the whole config. */
export const TRAIN_PRESETS: { id: PresetId; label: string; config: DsiTrainConfig }[] = [
  { id: 'classroom', label: 'Classroom (default)', config: DEMO_TRAIN_CONFIG },
  { id: 'tiny', label: 'Tiny (fast demo)', config: TINY_TRAIN_CONFIG },
];

/** The preset `config` still equals, or 'custom' once a setting was changed. */
export function presetOf(config: DsiTrainConfig): PresetId | 'custom' {
  const json = JSON.stringify(config);
  return TRAIN_PRESETS.find((p) => JSON.stringify(p.config) === json)?.id ?? 'custom';
}
