// A worker thread of assessMany(): compiles the sectors it is told to expect, then assesses the chunks it
// is sent and posts each chunk's results back in the compact form of batch-transfer.ts.
import { parentPort } from 'node:worker_threads';
import { assessItem, type FromWorker, type ToWorker } from './batch.js';
import { ResultPacker } from './batch-transfer.js';

const packer = new ResultPacker();
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

parentPort!.on('message', (message: ToWorker) => {
  if (message.kind === 'warm') {
    // Loads rules-data and compiles each sector's documents now, before the batch counts on this worker.
    for (const sector of message.sectors) assessItem({ sector, facts: {} }, 0, { asOf: message.asOf, explain: 'none', findings: 'hazards' });
    post({ kind: 'ready', batch: message.batch });
    return;
  }
  try {
    const results = message.items.map((item, offset) => assessItem(item, message.first + offset, message.settings));
    const packed = packer.pack(results, message.settings.explain !== 'none');
    post({ kind: 'results', batch: message.batch, id: message.id, packed }, [packed.numbers.buffer as ArrayBuffer]);
  } catch (error) {
    post({ kind: 'failure', batch: message.batch, id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
