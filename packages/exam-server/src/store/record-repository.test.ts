// The attempts kept parsed beside their text (SerializedRecords): copies are full copies, the shared value changes
// only by a save that is on disk (in place, when nobody else holds it as it is), never by a failed save, and the set
// of parsed values stays within its bound.
import { describe, expect, it } from 'vitest';
import { applyDelta, applyDeltaInPlace, copyParsed, createRecordRepository, emptyState, ownCopy, SerializedRecords, type Delta, type RecordWriter } from './record-repository.js';
import { attemptRecord } from './attempt-fixture.js';
import type { Attempt } from './repository.js';

const attempt = (id: string): Attempt => attemptRecord({ id, optionOrder: { q1: ['A', 'B'] } });

/** A writer that writes nothing, or fails every write while `failing` is set. */
const switchableWriter = () => {
  const control = { failing: false };
  const fail = async () => {
    if (control.failing) throw new Error('disk gone');
  };
  const deltas: { line: string; settle: () => () => string | undefined }[] = [];
  const writer: RecordWriter = {
    put: fail,
    putText: fail,
    putDeltas: async (_collection, key, written, settle) => {
      await fail();
      deltas.push({ line: `${key} ${written.map((delta) => JSON.stringify(delta)).join(' ')}`, settle });
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

  it('changes a peeked value only by saves on disk: a value a whole-record change shares is copied, a failed save changes nothing', async () => {
    const { control, writer } = switchableWriter();
    const store = createRecordRepository(emptyState(), writer);
    await store.createAttempt(attempt('a1'));
    const before = (await store.peekAttempt!('a1'))!;
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
    // createAttempt's value may be held by its caller's own copy: the first save edits a copy of it.
    expect(before.answers).toEqual({});
    const saved = (await store.peekAttempt!('a1'))!;
    expect(saved.answers).toEqual({ q1: ['A'] });
    expect(saved).not.toBe(before);
    // The store alone holds this one: the next save edits it in place, once on disk, member order kept.
    expect(await store.saveAnswer('a1', 'q2', ['B'])).toBe(true);
    expect(await store.saveAnswer('a1', 'q1', ['B'])).toBe(true);
    expect(await store.peekAttempt!('a1')).toBe(saved);
    expect(Object.entries(saved.answers)).toEqual([
      ['q1', ['B']],
      ['q2', ['B']],
    ]);
    expect(await store.saveAnswer('a1', 'q1', ['A'])).toBe(true);
    await store.saveAnswer('a1', 'q2', ['B']);
    control.failing = true;
    await expect(store.saveAnswer('a1', 'q2', ['C'])).rejects.toThrow('disk gone');
    await expect(store.setMarked('a1', 'q2', true)).rejects.toThrow('disk gone');
    expect(saved.answers).toEqual({ q1: ['A'], q2: ['B'] });
    expect(saved.marked).toEqual([]);
    expect(await store.findAttempt('a1')).toEqual({ ...attempt('a1'), answers: { q1: ['A'], q2: ['B'] } });
    control.failing = false;
    expect(await store.closeAttempt('a1', '2026-09-01T01:00:00.000Z')).toMatchObject({ submittedAt: '2026-09-01T01:00:00.000Z', answers: { q1: ['A'], q2: ['B'] } });
    expect(saved.submittedAt).toBeNull();
    expect(await store.saveAnswer('a1', 'q2', ['C'])).toBe(false);
    expect(saved.answers).toEqual({ q1: ['A'], q2: ['B'] });
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
  it('writes a save or a mark as its delta; settling fixes the whole record as it is then, for the checkpoint, whatever changes after', async () => {
    const { writer, deltas } = switchableWriter();
    const store = createRecordRepository(emptyState(), writer);
    await store.createAttempt(attempt('a1'));
    await store.saveAnswer('a1', 'q1', ['A']);
    // What the journal does when it moves away from the file holding the save.
    const afterSave = deltas[0]!.settle();
    await store.setMarked('a1', 'q1', true);
    await store.saveAnswer('a1', 'q2', ['B']);
    const afterMark = deltas[1]!.settle();
    await store.saveAnswer('a1', 'q1', ['B']);
    await store.setMarked('a1', 'q2', true);
    expect(deltas.map((delta) => delta.line)).toEqual([
      'a1 {"op":"answer","questionId":"q1","answer":["A"]}',
      'a1 {"op":"marked","questionId":"q1","marked":true}',
      'a1 {"op":"answer","questionId":"q2","answer":["B"]}',
      'a1 {"op":"answer","questionId":"q1","answer":["B"]}',
      'a1 {"op":"marked","questionId":"q2","marked":true}',
    ]);
    expect(afterSave()).toBe(JSON.stringify({ ...attempt('a1'), answers: { q1: ['A'] } }));
    expect(afterMark()).toBe(JSON.stringify({ ...attempt('a1'), answers: { q1: ['A'], q2: ['B'] }, marked: ['q1'] }));
    expect(deltas[4]!.settle()()).toBe(JSON.stringify({ ...attempt('a1'), answers: { q1: ['B'], q2: ['B'] }, marked: ['q1', 'q2'] }));
    // Closed: nothing is written, nothing changes.
    await store.closeAttempt('a1', '2026-09-01T01:00:00.000Z');
    expect(await store.saveAnswer('a1', 'q2', ['C'])).toBe(false);
    expect(deltas).toHaveLength(5);
  });

  it('applies a delta in place exactly as applyDelta builds a new value, "__proto__" and member order included', () => {
    const start = JSON.parse('{"answers":{"q2":["A"],"__proto__":["B"]},"marked":["q2","q1"]}') as Attempt;
    const steps: Delta[] = [
      { op: 'answer', questionId: 'q1', answer: ['C'] },
      { op: 'answer', questionId: '__proto__', answer: ['D'] },
      { op: 'answer', questionId: 'q2', answer: [] },
      { op: 'marked', questionId: 'q1', marked: false },
      { op: 'marked', questionId: 'q3', marked: true },
      { op: 'marked', questionId: 'q2', marked: true },
    ];
    const built = steps.reduce(applyDelta, copyParsed(start));
    const edited = ownCopy(copyParsed(start));
    for (const step of steps) applyDeltaInPlace(edited, step);
    expect(JSON.stringify(edited)).toBe(JSON.stringify(built));
    expect(Object.getPrototypeOf(edited.answers)).toBe(Object.prototype);
    // ownCopy shares nothing that applyDeltaInPlace edits.
    const original = copyParsed(start);
    const copy = ownCopy(original);
    applyDeltaInPlace(copy, steps[0]!);
    applyDeltaInPlace(copy, steps[3]!);
    expect(original).toEqual(start);
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
