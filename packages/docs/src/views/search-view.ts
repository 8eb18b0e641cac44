// The search page: a box and a result list; the matching runs in the browser (assets/search.js) over the prebuilt index.
import { searchIndexScript, searchScript } from '../paths.js';
import type { PageFrame } from '../render.js';

export const searchView = (counts: { rules: number; facts: number }) => {
  const frame: PageFrame = { title: '搜索条目和事实', crumbs: [{ label: '搜索' }], scripts: [searchIndexScript(), searchScript()], hidesSearchBox: true };
  return { frame, view: counts };
};
