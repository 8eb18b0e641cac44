// Coal facts for open-pit slopes (2026 Art.15; 2020 Art.18(10)).
import { count, observed, quantity } from '../fields.js';

export const slopesFacts = {
  finalBenchesOverDesignSlopeAngle: count(
    {
      zh: '已到界台阶中边坡角大于设计最大值的台阶数',
      en: 'final (at-limit) benches whose slope angle is greater than the design maximum',
      hint: '逐个台阶比较实测边坡角与设计最大值，恰等于设计值的不计',
    },
    '个',
  ),
  workingBenchHeightM: quantity({ zh: '工作台阶实际高度（最大者）', en: 'working bench height as found (highest)' }, 'm'),
  designWorkingBenchHeightM: quantity({ zh: '工作台阶设计高度', en: 'design working bench height' }, 'm'),
  bermWidthM: quantity({ zh: '平盘实际宽度（最小者）', en: 'berm (platform) width as found (narrowest)' }, 'm'),
  designBermWidthM: quantity({ zh: '平盘设计宽度', en: 'design berm (platform) width' }, 'm'),
  slopeDisplacementAcceleratingHours: quantity(
    {
      zh: '监测显示边坡位移量持续呈加速变化趋势的时长',
      en: 'hours over which monitored slope displacement has kept accelerating',
      hint: '未呈加速趋势的填0',
    },
    'h',
  ),
  slopeDeformationMeasuresTaken: observed({ zh: '已针对边坡变形采取措施', en: 'measures taken against the slope deformation' }),
  slopeFailureSignsObserved: observed({
    zh: '出现边坡局部滑坡、横向及纵向放射状裂缝、坡体前缘上隆（凸起）、裂缝持续扩展或贯通等现象',
    en: 'local slides, transverse or longitudinal radial cracks, heave at the toe, or cracks spreading or joining observed',
  }),
  slopeWorkStoppedPromptly: observed({ zh: '已及时停止受影响区域作业', en: 'work in the affected area stopped promptly' }),
  slopeAffectedAreaEvacuatedPromptly: observed({ zh: '已及时撤出影响区域人员', en: 'people withdrawn from the affected area promptly' }),
  // 2020 Art.18(10)
  slopeAngleDeg: quantity({ zh: '边坡实测边坡角', en: 'slope angle as measured' }, '°'),
  designMaxSlopeAngleDeg: quantity({ zh: '设计最大边坡角', en: 'design maximum slope angle' }, '°'),
  slopeSevereDeformationObserved: observed({ zh: '边坡发生严重变形', en: 'severe slope deformation observed' }),
  slopeDeformationTreatedPromptly: observed({ zh: '已及时采取措施治理边坡变形', en: 'slope deformation treated promptly' }),
} as const;
