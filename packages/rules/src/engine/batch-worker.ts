// A worker thread of assessMany(): assesses the chunks it is sent and posts the results back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { assessItem } from './batch.js';

const settings = workerData as Parameters<typeof assessItem>[2];

parentPort!.on('message', (chunk: { id: number; first: number; items: unknown[] }) => {
  try {
    const results = chunk.items.map((item, offset) => assessItem(item, chunk.first + offset, settings));
    parentPort!.postMessage({ id: chunk.id, results });
  } catch (error) {
    parentPort!.postMessage({ id: chunk.id, failure: error instanceof Error ? error.message : String(error) });
  }
});
