// `anquan calc <name> input.json`: every calculator of the registry, with the same habits as assess.
import { calculators, listCalculators } from '../calculators/index.js';
import { InputError } from '../validation/issues.js';
import { commandUsage, type CommandExtension } from './extensions.js';

const list = () => Object.entries(calculators).map(([name, calculator]) => `  ${name.padEnd(34)} ${calculator.title.zh} / ${calculator.title.en}`).join('\n');

/** Every calculator with its inputs (a * marks a required one): what `anquan calc list` prints. */
const listWithInputs = () =>
  listCalculators()
    .map((entry) => [`  ${entry.name.padEnd(34)} ${entry.title.zh}`, ...entry.inputs.map((field) => `      ${field.path}${field.required ? ' *' : ''}  (${field.type})`)].join('\n'))
    .join('\n');

export const calcCommand: CommandExtension = {
  name: 'calc',
  usage: commandUsage.calc,
  run: (args, context) => {
    const [name, file] = args;
    if (!name || name === 'list') {
      context.print(`计算器 / calculators（* 为必填输入）:\n${name === 'list' ? listWithInputs() : list()}`);
      return name === 'list' ? 0 : 2;
    }
    const calculator = calculators[name];
    if (!calculator) throw new InputError([{ path: 'calculator', message: `unknown calculator ${name}; expected one of:\n${list()}` }]);
    const result = calculator.run(context.readJson(file, 'input file'), context.asOf === undefined ? {} : { asOf: context.asOf });
    if (context.json) context.print(result);
    else {
      const lines = [
        `${calculator.title.zh}（${result.asOf}）`,
        `结论：${result.status === 'decided' ? '已判定' : '待查明'}`,
        `结果：${JSON.stringify(result.result, null, 2)}`,
        ...result.reasons.map((reason) => `· ${reason.zh}`),
        ...(result.missing.length ? [`需补充：${result.missing.join('、')}`] : []),
        ...result.citations.map((citation) => `依据：${citation.number} ${citation.label}`),
      ];
      context.print(lines.join('\n'));
    }
    return 0;
  },
};
