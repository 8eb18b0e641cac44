// The as-of date: validated, and by default today in China Standard Time, where these laws are in force.
import { InputError } from '../validation/issues.js';

export const todayInChina = (now: Date = new Date()): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

// Dates already found valid: a batch names the same few dates thousands of times.
const knownDates = new Set<string>();
export const isCalendarDate = (text: string): boolean => {
  if (knownDates.has(text)) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  const valid = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  if (valid) {
    if (knownDates.size >= 4096) knownDates.clear();
    knownDates.add(text);
  }
  return valid;
};

export const resolveAsOf = (asOf: unknown, path = 'options.asOf'): string => {
  if (asOf === undefined) return todayInChina();
  if (typeof asOf !== 'string' || !isCalendarDate(asOf)) {
    throw new InputError([{ path, message: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(asOf)}` }]);
  }
  return asOf;
};
