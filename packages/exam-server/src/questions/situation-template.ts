// A situation template compiled without Handlebars' code generator: the exam templates use only
// {{path}}, {{#if path}}…{{^}}…{{/if}} and {{#unless path}}…{{/unless}}, and compiling ~1,500 of them with
// Handlebars took seconds. This reads that subset with Handlebars' own semantics (strict mode, no
// escaping); any other syntax is handed to Handlebars itself, so the output never differs.
import Handlebars from 'handlebars';

export type SituationTemplate = (context: Record<string, unknown>) => string;

type Node = { text: string } | { path: string[] } | { block: 'if' | 'unless'; path: string[]; then: Node[]; otherwise: Node[] };

const pathPattern = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const tagPattern = /{{([^{}]*)}}/g;

/** The template's nodes, or undefined when it uses anything beyond the subset (then Handlebars compiles it). */
const parse = (source: string): Node[] | undefined => {
  // Escaped mustaches, triple stashes, comments, partials and whitespace control are Handlebars' to read.
  if (/\\{{|{{{|{{\s*[!>&~]|~}}/.test(source)) return undefined;
  const root: Node[] = [];
  const stack: { block: 'if' | 'unless'; path: string[]; then: Node[]; otherwise: Node[]; inElse: boolean }[] = [];
  const current = () => {
    const top = stack.at(-1);
    return top ? (top.inElse ? top.otherwise : top.then) : root;
  };
  let last = 0;
  for (const match of source.matchAll(tagPattern)) {
    const text = source.slice(last, match.index);
    if (text.includes('{{') || text.includes('}}')) return undefined;
    if (text) current().push({ text });
    last = match.index + match[0].length;
    const inner = match[1]!.trim();
    const open = /^#(if|unless)\s+(\S+)$/.exec(inner);
    if (open) {
      if (!pathPattern.test(open[2]!)) return undefined;
      const block = { block: open[1] as 'if' | 'unless', path: open[2]!.split('.'), then: [], otherwise: [], inElse: false };
      current().push(block);
      stack.push(block);
    } else if (inner === '^' || inner === 'else') {
      const top = stack.at(-1);
      if (!top || top.inElse) return undefined;
      top.inElse = true;
    } else if (/^\/(if|unless)$/.test(inner)) {
      const top = stack.pop();
      if (!top || top.block !== inner.slice(1)) return undefined;
    } else if (pathPattern.test(inner) && !['if', 'unless', 'each', 'with', 'lookup', 'log', 'else'].includes(inner.split('.')[0]!)) {
      current().push({ path: inner.split('.') });
    } else return undefined;
  }
  const rest = source.slice(last);
  if (rest.includes('{{') || rest.includes('}}') || stack.length > 0) return undefined;
  if (rest) root.push({ text: rest });
  // Handlebars strips "standalone" tags on lines of their own; the subset read here is single-line text.
  if (/[\r\n]/.test(source)) return undefined;
  return root;
};

/** Handlebars' lookupProperty: an own property, or nothing (a missing parent throws, as Handlebars' code does). */
const lookupProperty = (parent: unknown, name: string): unknown => {
  const result = (parent as Record<string, unknown>)[name];
  if (result === null || result === undefined) return result;
  return Object.prototype.hasOwnProperty.call(parent, name) ? result : undefined;
};

/** A value printed by {{path}} in strict mode: every part but the last looked up, the last required to exist. */
const strictValue = (context: Record<string, unknown>, path: readonly string[]): unknown => {
  let object: unknown = context;
  for (const part of path.slice(0, -1)) object = lookupProperty(object, part);
  const name = path.at(-1)!;
  if (!object || !(name in (object as object))) throw new Error(`"${name}" not defined in ${String(object)}`);
  return lookupProperty(object, name);
};

/** A block's condition: looked up without the strict check, as Handlebars does for a helper's argument. */
const conditionValue = (context: Record<string, unknown>, path: readonly string[]): unknown => {
  let value: unknown = context;
  for (const part of path) value = lookupProperty(value, part);
  return value;
};

/** Handlebars' `if`: false for a falsy value (0 included) and for an empty list. */
const truthy = (value: unknown): boolean => Boolean(value) && !(Array.isArray(value) && value.length === 0);

const render = (nodes: readonly Node[], context: Record<string, unknown>): string => {
  let out = '';
  for (const node of nodes) {
    if ('text' in node) out += node.text;
    else if ('block' in node) {
      const holds = truthy(conditionValue(context, node.path));
      out += render((node.block === 'if') === holds ? node.then : node.otherwise, context);
    } else {
      const value = strictValue(context, node.path);
      out += value === null || value === undefined ? '' : String(value);
    }
  }
  return out;
};

const compileWithHandlebars = (source: string): SituationTemplate => Handlebars.compile(source, { strict: true, noEscape: true });

/** Compiles a situation template (strict: a variable without a value is an error; no escaping: the result is plain text). */
export const compileSituationTemplate = (source: string): SituationTemplate => {
  const nodes = parse(source);
  if (!nodes) return compileWithHandlebars(source);
  let handlebars: SituationTemplate | undefined;
  // A function in the context is a lambda to Handlebars (called where it is printed): Handlebars' to run.
  return (context) =>
    Object.values(context).some((value) => typeof value === 'function') ? (handlebars ??= compileWithHandlebars(source))(context) : render(nodes, context);
};
