// Calculator data read through a zod schema per dataset, validated once per loaded document: broken
// rules-data stops the caller with the file, the dataset and the row's field, never a wrong figure later.
import { z } from 'zod';
import type { LoadedDocument } from '../documents/load.js';

const cache = new WeakMap<LoadedDocument, Map<string, unknown>>();

/** The rows of `datasetId` parsed with `row`; throws naming the file and path when the data does not fit. */
export const datasetRows = <T extends z.ZodType>(document: LoadedDocument, datasetId: string, row: T): z.output<T>[] => {
  let perDocument = cache.get(document);
  if (!perDocument) cache.set(document, (perDocument = new Map()));
  const hit = perDocument.get(datasetId);
  if (hit) return hit as z.output<T>[];
  const dataset = document.datasets[datasetId];
  if (!dataset) throw new Error(`${document.file}: dataset ${datasetId} missing`);
  const parsed = z.array(row).safeParse(dataset.rows);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${document.file}: datasets.${datasetId}.rows.${issue?.path.join('.')}: ${issue?.message}`);
  }
  perDocument.set(datasetId, parsed.data);
  return parsed.data;
};

/** A ;- or 、-separated list cell as its parts. */
export const listCell = z
  .string()
  .nullable()
  .transform((value) => (value ?? '').split(/[;；、]/).map((part) => part.trim()).filter(Boolean));

export const decimalCell = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]).transform(String);
