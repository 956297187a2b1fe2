import { expect, test } from 'vitest';
import { praisedStaff, readRating, readReviewDay, workDueOn } from '../server/reviews/review-rules.js';

const staff = [
  { id: 1, code: '7', name: '李小丽' },
  { id: 2, code: '12', name: '王阿华' },
  { id: 3, code: '3', name: '丽' },
];

test('ratings read in Chinese or as Taobao exports them, any case', () => {
  expect(['好评', ' GOOD ', 'Normal', '中评', '差评', 'bad'].map(readRating)).toEqual(['good', 'good', 'neutral', 'neutral', 'bad', 'bad']);
  expect(readRating('一般')).toBeUndefined();
});

test('a 中差评 is due a number of days after it was written, across months', () => {
  expect(workDueOn('2026-11-20', 3)).toBe('2026-11-23');
  expect(workDueOn('2026-12-30', 3)).toBe('2027-01-02');
});

test('review days read with or without a time, never an impossible day', () => {
  expect(readReviewDay('2026/11/20 12:03:04')).toBe('2026-11-20');
  expect(readReviewDay('2026.1.5')).toBe('2026-01-05');
  expect(readReviewDay('2026-02-30')).toBeUndefined();
  expect(readReviewDay('昨天')).toBeUndefined();
});

test('a good review praises by full name or by 工号, each person once; a one-character name never matches', () => {
  expect(praisedStaff('good', '7号客服小丽很耐心，李小丽真好', staff).map((s) => s.id)).toEqual([1]);
  expect(praisedStaff('good', '感谢客服１２号和工号：7', staff).map((s) => s.id)).toEqual([1, 2]);
  expect(praisedStaff('good', '美丽的衣服', staff)).toEqual([]);
  expect(praisedStaff('good', '客服07号', staff).map((s) => s.id)).toEqual([1]);
  expect(praisedStaff('bad', '李小丽态度差', staff)).toEqual([]);
});
