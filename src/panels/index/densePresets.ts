import type { DenseTrainConfig } from '../../models/dense/config';
import { DEMO_DENSE_CONFIG, TINY_DENSE_CONFIG } from '../../models/dense/presets';
import type { PresetId } from './trainPresets';

/** The named starting points of the dense settings; choosing one replaces the whole config. */
export const DENSE_PRESETS: { id: PresetId; label: string; config: DenseTrainConfig }[] = [
  { id: 'classroom', label: 'Classroom (default)', config: DEMO_DENSE_CONFIG },
  { id: 'tiny', label: 'Tiny (fast demo)', config: TINY_DENSE_CONFIG },
];

/** The preset `config` still equals, or 'custom' once a setting was changed. */
export function densePresetOf(config: DenseTrainConfig): PresetId | 'custom' {
  const json = JSON.stringify(config);
  return DENSE_PRESETS.find((p) => JSON.stringify(p.config) === json)?.id ?? 'custom';
}
