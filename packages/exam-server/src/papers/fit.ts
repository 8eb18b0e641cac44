// Fits a blueprint to its pool before 开始. Where the law we hold cannot fill the official paper without
// repeating an item, the mock is shortened (each section to the distinct items its pool holds, the pass
// mark and time in the same proportion) and says so; nothing is invented to make up the numbers.
import type { Question } from '../questions/question.js';
import { topicLabel } from '../questions/topics.js';
import { templatesByType } from './assemble.js';
import type { Blueprint, Section } from './blueprints.js';

const typeNames: Record<Section['type'], string> = { judgement: '判断题', single: '单选题', multiple: '多选题' };

export const fitBlueprint = (blueprint: Blueprint, pool: readonly Question[]): Blueprint => {
  const available = templatesByType(pool);
  const short = blueprint.sections.filter((section) => (available[section.type] ?? 0) < section.count);
  const described = { pool: available, topicNames: (blueprint.sources.topics ?? []).map(topicLabel) };
  if (short.length === 0) {
    const { shortened: _dropped, ...official } = blueprint;
    return { ...official, ...described };
  }
  const sections = blueprint.sections.map((section) => ({ ...section, count: Math.min(section.count, available[section.type] ?? 0) })).filter((section) => section.count > 0);
  const totalPoints = sections.reduce((sum, section) => sum + section.count * section.points, 0);
  const share = totalPoints / blueprint.totalPoints;
  const uncovered = (blueprint.sources.topics ?? []).filter((topic) => !pool.some((question) => question.topics?.includes(topic)));
  const note = [
    `现有法规题库不足以组成正式试卷：${short.map((section) => `${typeNames[section.type]}需${section.count}题，可用${available[section.type] ?? 0}题`).join('；')}。`,
    uncovered.length ? `我们收录的法规中没有“${uncovered.map(topicLabel).join('、')}”的条文。` : '本工种的专业操作知识不在我们收录的法规中。',
    `本模拟卷缩短为${sections.map((section) => `${typeNames[section.type]}${section.count}题`).join('、')}，满分${totalPoints}分，合格线与时长按同一比例折算；不代表正式考试。`,
  ].join('');
  return {
    ...blueprint,
    ...described,
    sections,
    totalPoints,
    passMark: Math.ceil(blueprint.passMark * share),
    durationMinutes: Math.max(1, Math.ceil(blueprint.durationMinutes * share)),
    shortened: {
      official: { sections: blueprint.sections, totalPoints: blueprint.totalPoints, passMark: blueprint.passMark, durationMinutes: blueprint.durationMinutes },
      pool: available,
      note,
    },
  };
};
