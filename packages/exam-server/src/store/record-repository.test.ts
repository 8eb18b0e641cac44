// The attempts kept parsed beside their text (SerializedRecords): copies are full copies, the shared value is never
// changed by a save or a failed save, and the set of parsed values stays within its bound.
import { describe, expect, it } from 'vitest';
import { copyParsed, createRecordRepository, emptyState, SerializedRecords, type RecordWriter } from './record-repository.js';
import { attemptRecord } from './attempt-fixture.js';
import type { Attempt } from './repository.js';

const attempt = (id: string): Attempt => attemptRecord({ id, optionOrder: { q1: ['A', 'B'] } });

/** A writer that writes nothing, or fails every write while `failing` is set. */
const switchableWriter = () => {
  const control = { failing: false };
  const fail = async () => {
    if (control.failing) throw new Error('disk gone');
  };
  const deltas: string[] = [];
  const writer: RecordWriter = {
    put: fail,
    putText: fail,
    putDeltas: async (_collection, key, written, full) => {
      await fail();
      deltas.push(`${key} ${written.map((delta) => JSON.stringify(delta)).join(' ')} → ${full()}`);
    },
    appendAnswerRecords: fail,
    close: async () => undefined,
  };
  return { control, writer, deltas };
};

describe('copyParsed', () => {
  it('copies every level of a parsed value, an own "__proto__" member included, sharing nothing', () => {
    const original = JSON.parse('{"a":[1,{"b":"c"}],"__proto__":{"polluted":true},"n":null}') as Record<string, unknown>;
    const copy = copyParsed(original);
    expect(copy).toEqual(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(copy.a).not.toBe(original.a);
    expect((copy.a as unknown[])[1]).not.toBe((original.a as unknown[])[1]);
  });
});

describe('attempts kept parsed', () => {
  it('hands out copies: changing what findAttempt returned changes nothing stored', async () => {
    const store = createRecordRepository(emptyState(), switchableWriter().writer);
    await store.createAttempt(attempt('a1'));
    await store.saveAnswer('a1', 'q1', ['A']);
    const found = (await store.findAttempt('a1'))!;
    found.answers.q1!.push('B');
    found.questionIds.push('q3');
    expect((await store.findAttempt('a1'))!.answers).toEqual({ q1: ['A'] });
    expect((await store.peekAttempt!('a1'))!.questionIds).toEqual(['q1', 'q2']);
  });

  it('never changes a peeked value: a save builds a new one, a failed save leaves the old one as it was', async () => {
    const { control, writer } = switchableWriter();
    const store = createRecordRepository(emptyState(), writer);
    await store.createAttempt(attempt('a1'));
    const before = (await store.peekAttempt!('a1'))!;
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
    expect(before.answers).toEqual({});
    const saved = (await store.peekAttempt!('a1'))!;
    expect(saved.answers).toEqual({ q1: ['A'] });
    control.failing = true;
    await expect(store.saveAnswer('a1', 'q2', ['B'])).rejects.toThrow('disk gone');
    await expect(store.setMarked('a1', 'q2', true)).rejects.toThrow('disk gone');
    expect(saved.answers).toEqual({ q1: ['A'] });
    expect(saved.marked).toEqual([]);
    expect(await store.findAttempt('a1')).toEqual({ ...attempt('a1'), answers: { q1: ['A'] } });
    control.failing = false;
    expect(await store.closeAttempt('a1', '2026-09-01T01:00:00.000Z')).toMatchObject({ submittedAt: '2026-09-01T01:00:00.000Z', answers: { q1: ['A'] } });
    expect(saved.submittedAt).toBeNull();
    expect(await store.saveAnswer('a1', 'q2', ['B'])).toBe(false);
  });

  it('keeps at most its bound of parsed values, and reads the others from their text', () => {
    const records = new SerializedRecords<Attempt>(2);
    for (const id of ['a1', 'a2', 'a3']) records.setShared(id, JSON.stringify(attempt(id)), attempt(id));
    const kept = records.shared('a3');
    expect(records.shared('a3')).toBe(kept);
    // a1 was dropped (least recently used): it is parsed again from its text, an equal but new value.
    const reparsed = records.shared('a1');
    expect(reparsed).toEqual(attempt('a1'));
    expect(records.shared('a1')).toBe(reparsed);
    expect(records.get('a2')).toEqual(attempt('a2'));
    expect(records.size).toBe(3);
  });
});

describe('attempts changed by deltas', () => {
  it('writes a save or a mark as its delta, with the whole record after it for the checkpoint', async () => {
    const { writer, deltas } = switchableWriter();
    const store = createRecordRepository(emptyState(), writer);
    await store.createAttempt(attempt('a1'));
    await store.saveAnswer('a1', 'q1', ['A']);
    await store.setMarked('a1', 'q1', true);
    expect(deltas).toEqual([
      `a1 {"op":"answer","questionId":"q1","answer":["A"]} → ${JSON.stringify({ ...attempt('a1'), answers: { q1: ['A'] } })}`,
      `a1 {"op":"marked","questionId":"q1","marked":true} → ${JSON.stringify({ ...attempt('a1'), answers: { q1: ['A'] }, marked: ['q1'] })}`,
    ]);
    // Closed: nothing is written, nothing changes.
    await store.closeAttempt('a1', '2026-09-01T01:00:00.000Z');
    expect(await store.saveAnswer('a1', 'q2', ['B'])).toBe(false);
    expect(deltas).toHaveLength(2);
  });

  it('serialises a record changed by a delta when its text is needed or its shared value is dropped, never losing it', () => {
    const records = new SerializedRecords<Attempt>(2);
    for (const id of ['a1', 'a2']) records.setShared(id, JSON.stringify(attempt(id)), attempt(id));
    const changed = { ...attempt('a1'), answers: { q1: ['C'] } };
    records.setParsed('a1', changed);
    expect(records.shared('a1')).toBe(changed);
    expect(records.get('a1')).toEqual(changed);
    expect(records.text('a1')).toBe(JSON.stringify(changed));
    const again = { ...changed, marked: ['q2'] };
    records.setParsed('a1', again);
    expect([...records.textEntries()]).toEqual([
      ['a1', JSON.stringify(again)],
      ['a2', JSON.stringify(attempt('a2'))],
    ]);
    const last = { ...again, answers: { q1: ['D'] } };
    records.setParsed('a1', last);
    // a1 leaves the shared set (bound 2): its text is written first, so it reads back as it was.
    records.shared('a2');
    records.setShared('a3', JSON.stringify(attempt('a3')), attempt('a3'));
    expect(records.shared('a1')).not.toBe(last);
    expect(records.get('a1')).toEqual(last);
    expect([...records.values()]).toEqual([last, attempt('a2'), attempt('a3')]);
    expect(records.size).toBe(3);
    expect(records.owners.get('a1')).toBe('u1');
    records.delete('a1');
    expect(records.text('a1')).toBeUndefined();
    expect(records.size).toBe(2);
  });
});
