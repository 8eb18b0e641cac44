// Group commit on the request path (answer saves here), with writers the test holds open: which saves go together, in which order, and
// what a failed batch does. (The SQL itself is covered by the repository contract tests on PostgreSQL.)
import { describe, expect, it } from 'vitest';
import { createBatcher, type BatchWriters } from './postgres-batch.js';
import type { OwnAnswer } from './repository.js';

const save = (attemptId: string, questionId: string): OwnAnswer => ({ attemptId, userId: 'u1', questionId, answer: ['A'], at: '2026-09-01T03:00:00.000Z' });
const label = (saves: OwnAnswer[]) => saves.map((item) => `${item.attemptId}/${item.questionId}`);

/** Writers whose calls wait until the test releases them, in call order. */
const heldWriters = () => {
  const calls: { kind: 'one' | 'many'; saves: OwnAnswer[]; release: (outcome?: Error) => void }[] = [];
  const held = <T>(kind: 'one' | 'many', saves: OwnAnswer[], value: () => T) =>
    new Promise<T>((resolve, reject) => calls.push({ kind, saves, release: (outcome) => (outcome ? reject(outcome) : resolve(value())) }));
  const refused = new Set<string>();
  const writers: BatchWriters<OwnAnswer, boolean> = {
    one: (item) => held('one', [item], () => !refused.has(item.attemptId)),
    many: (items) => held('many', items, () => items.map((item) => !refused.has(item.attemptId))),
    keyOf: (item) => item.attemptId,
  };
  return { writers, calls, refused };
};
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('request-path batches (answer saves: one per attempt)', () => {
  it('writes the saves of one turn of the event loop together, one per attempt, oldest first', async () => {
    const { writers, calls } = heldWriters();
    const batched = createBatcher(writers);
    const saves = [batched(save('a1', 'q1')), batched(save('a2', 'q1')), batched(save('a1', 'q2'))];
    expect(calls).toHaveLength(0);
    await settled();
    expect(calls.map((call) => [call.kind, label(call.saves)])).toEqual([['many', ['a1/q1', 'a2/q1']]]);
    // By default one statement at a time: the rest waits for it.
    const later = batched(save('a3', 'q1'));
    await settled();
    expect(calls).toHaveLength(1);
    calls[0]!.release();
    await settled();
    expect(calls.map((call) => [call.kind, label(call.saves)]).slice(1)).toEqual([['many', ['a1/q2', 'a3/q1']]]);
    calls[1]!.release();
    expect(await Promise.all([...saves, later])).toEqual([true, true, true, true]);
  });

  it('writes a lone save alone, and the saves that came meanwhile together, one per attempt, oldest first', async () => {
    const { writers, calls, refused } = heldWriters();
    const batched = createBatcher(writers, { maxInFlight: 1 });
    refused.add('closed');
    const first = batched(save('a1', 'q1'));
    await settled();
    const meanwhile = [batched(save('a2', 'q1')), batched(save('a1', 'q2')), batched(save('closed', 'q1')), batched(save('a2', 'q2')), batched(save('a3', 'q1'))];
    await settled();
    expect(calls.map((call) => [call.kind, label(call.saves)])).toEqual([['one', ['a1/q1']]]);
    calls[0]!.release();
    expect(await first).toBe(true);
    await settled();
    // A second save to a2 waits for the next batch, so saves to one attempt reach the database in order.
    expect(calls.map((call) => [call.kind, label(call.saves)])).toEqual([
      ['one', ['a1/q1']],
      ['many', ['a2/q1', 'a1/q2', 'closed/q1', 'a3/q1']],
    ]);
    calls[1]!.release();
    await settled();
    expect(calls.map((call) => [call.kind, label(call.saves)]).slice(2)).toEqual([['one', ['a2/q2']]]);
    calls[2]!.release();
    expect(await Promise.all(meanwhile)).toEqual([true, true, false, true, true]);
  });

  it('keeps a save out of a batch while an earlier save to its attempt is written in another one', async () => {
    const { writers, calls } = heldWriters();
    const batched = createBatcher(writers, { maxInFlight: 2 });
    const first = batched(save('a1', 'q1'));
    await settled();
    const saves = [first, batched(save('a1', 'q2')), batched(save('a2', 'q1'))];
    await settled();
    expect(calls.map((call) => label(call.saves))).toEqual([['a1/q1'], ['a2/q1']]);
    calls[1]!.release();
    await settled();
    expect(calls).toHaveLength(2);
    calls[0]!.release();
    await settled();
    expect(calls.map((call) => label(call.saves))).toEqual([['a1/q1'], ['a2/q1'], ['a1/q2']]);
    calls[2]!.release();
    expect(await Promise.all(saves)).toEqual([true, true, true]);
  });

  it('tries each save of a failed batch alone, so a failure rejects only its own save', async () => {
    const { writers, calls } = heldWriters();
    const batched = createBatcher(writers, { maxInFlight: 1 });
    const first = batched(save('a0', 'q1'));
    await settled();
    const saves = [batched(save('a1', 'q1')), batched(save('a2', 'q1')), batched(save('a3', 'q1'))];
    await settled();
    calls[0]!.release();
    await first;
    await settled();
    expect(calls[1]!.kind).toBe('many');
    calls[1]!.release(new Error('deadlock detected'));
    await settled();
    expect(calls.slice(2).map((call) => [call.kind, label(call.saves)])).toEqual([
      ['one', ['a1/q1']],
      ['one', ['a2/q1']],
      ['one', ['a3/q1']],
    ]);
    calls[2]!.release();
    calls[3]!.release(new Error('disk full'));
    calls[4]!.release();
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'disk full' });
  });

  it('puts at most maxBatch saves in one statement', async () => {
    const { writers, calls } = heldWriters();
    const batched = createBatcher(writers, { maxBatch: 3, maxInFlight: 1 });
    const saves = Array.from({ length: 8 }, (_, index) => batched(save(`a${index}`, 'q1')));
    await settled();
    for (let step = 0; step < 3; step += 1) {
      calls[step]!.release();
      await settled();
    }
    expect(calls.map((call) => call.saves.length)).toEqual([3, 3, 2]);
    expect(await Promise.all(saves)).toEqual(saves.map(() => true));
  });

  it('without a key, takes the oldest calls in order, repeats included', async () => {
    const calls: string[][] = [];
    const releases: (() => void)[] = [];
    const batched = createBatcher<string, string>({
      one: (input) => new Promise((resolve) => (calls.push([input]), releases.push(() => resolve(input.toUpperCase())))),
      many: (inputs) => new Promise((resolve) => (calls.push(inputs), releases.push(() => resolve(inputs.map((input) => input.toUpperCase()))))),
    }, { maxInFlight: 1 });
    const first = batched('a');
    await settled();
    const outputs = [first, ...['b', 'a', 'c'].map((input) => batched(input))];
    await settled();
    releases[0]!();
    await settled();
    releases[1]!();
    expect(await Promise.all(outputs)).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a'], ['b', 'a', 'c']]);
  });
});
