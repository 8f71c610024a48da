import { readFileSync } from 'node:fs';
import { DSI_CHECKPOINT_FILES } from './checkpointFiles';

/** The shipped checkpoint's files as the page's download hands them over (fetchCheckpointBytes). */
export function shippedCheckpointBytes(): ArrayBuffer[] {
  return Object.values(DSI_CHECKPOINT_FILES).map((name) => {
    const b = readFileSync(`public/models/genir-demo/${name}`);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
}
