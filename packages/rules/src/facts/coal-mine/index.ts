// The coal-mine fact vocabulary: one strict object merged from topic files, shared by both versions.
import { z } from 'zod';
import { mineFacts } from './mine.js';
import { productionFacts } from './production.js';
import { gasFacts } from './gas.js';
import { outburstFacts } from './outburst.js';
import { drainageFacts } from './drainage.js';
import { ventilationFacts } from './ventilation.js';
import { boundariesFacts } from './boundaries.js';
import { waterFacts } from './water.js';
import { rockburstFacts } from './rockburst.js';
import { spontaneousCombustionFacts } from './spontaneous-combustion.js';
import { equipmentFacts } from './equipment.js';
import { monitoringFacts } from './monitoring.js';
import { slopesFacts } from './slopes.js';
import { powerFacts } from './power.js';
import { constructionFacts } from './construction.js';
import { contractingFacts } from './contracting.js';
import { restructuringFacts } from './restructuring.js';
import { otherFacts } from './other.js';

export const coalMineFactShapes = [
  mineFacts, productionFacts,
  gasFacts,
  outburstFacts,
  drainageFacts,
  ventilationFacts,
  boundariesFacts,
  waterFacts,
  rockburstFacts,
  spontaneousCombustionFacts,
  equipmentFacts,
  monitoringFacts,
  slopesFacts,
  powerFacts,
  constructionFacts,
  contractingFacts,
  restructuringFacts,
  otherFacts,
] as const;

export const coalMineFacts = z.strictObject({
  ...mineFacts, ...productionFacts,
  ...gasFacts,
  ...outburstFacts,
  ...drainageFacts,
  ...ventilationFacts,
  ...boundariesFacts,
  ...waterFacts,
  ...rockburstFacts,
  ...spontaneousCombustionFacts,
  ...equipmentFacts,
  ...monitoringFacts,
  ...slopesFacts,
  ...powerFacts,
  ...constructionFacts,
  ...contractingFacts,
  ...restructuringFacts,
  ...otherFacts,
});
export type CoalMineFacts = z.infer<typeof coalMineFacts>;
