import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ndcg, percentile, recall, reciprocalRank, safetyViolation, scoreQuery, summarize, top1 } from '../bench/search/metrics.js';

// The search benchmark's metrics on hand-made answers (bench/search/metrics.ts); no corpus needed.

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
const EXPECT = ['/a/', '/b/', '/c/'];

test('top-1: only expect[0] in first place counts', () => {
  assert.equal(top1(['/a/', '/x/'], EXPECT), 1);
  assert.equal(top1(['/b/', '/a/'], EXPECT), 0);
  assert.equal(top1([], EXPECT), 0);
});

test('reciprocal rank: of the first relevant result within the top 10', () => {
  assert.equal(reciprocalRank(['/a/'], EXPECT), 1);
  assert.equal(reciprocalRank(['/x/', '/y/', '/c/', '/a/'], EXPECT), 1 / 3);
  assert.equal(reciprocalRank([...Array.from({ length: 10 }, (_, i) => `/x${i}/`), '/a/'], EXPECT), 0);
  assert.equal(reciprocalRank([], EXPECT), 0);
});

test('nDCG@10: gain 2 for expect[0], 1 for the others, log2 discount', () => {
  assert.equal(ndcg(['/a/', '/b/', '/c/'], EXPECT), 1);
  assert.equal(ndcg(['/x/'], EXPECT), 0);
  // gains [0, 2, 1] against the ideal [2, 1, 1]
  close(ndcg(['/x/', '/a/', '/b/'], EXPECT), (2 / Math.log2(3) + 1 / 2) / (2 + 1 / Math.log2(3) + 1 / 2));
  // gains [1, 2] against [2, 1, 1]
  close(ndcg(['/c/', '/a/'], EXPECT), (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3) + 1 / 2));
  // a repeated URL gains once
  close(ndcg(['/a/', '/a/'], ['/a/']), 1);
});

test('recall@10: fraction of the expected pages in the top 10, denominator capped at 10', () => {
  close(recall(['/x/', '/a/', '/b/'], EXPECT), 2 / 3);
  assert.equal(recall(['/c/', '/b/', '/a/'], EXPECT), 1);
  assert.equal(recall([], EXPECT), 0);
  const many = Array.from({ length: 12 }, (_, i) => `/p${i}/`);
  assert.equal(recall(many, many), 1);
  assert.equal(recall(['/x/', '/y/', ...many], many), 0.8);
});

test('safety: a listed look-alike ranked first is a violation, ranked second is not', () => {
  assert.equal(safetyViolation(['/pentazocine/', '/tazocin/'], ['/pentazocine/']), 1);
  assert.equal(safetyViolation(['/tazocin/', '/pentazocine/'], ['/pentazocine/']), 0);
  assert.equal(safetyViolation(['/pentazocine/']), 0);
});

test('percentile: nearest rank', () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
  assert.equal(percentile([5, 1, 3, 2, 4], 99), 5);
  assert.equal(percentile([5, 1, 3, 2, 4], 0), 1);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('summarize: means over queries, safety violations counted', () => {
  const s = summarize([scoreQuery(['/a/'], ['/a/']), scoreQuery(['/p/', '/a/'], ['/a/'], ['/p/'])]);
  assert.equal(s.queries, 2);
  assert.equal(s.top1, 0.5);
  assert.equal(s.mrr, 0.75);
  close(s.ndcg, (1 + 1 / Math.log2(3)) / 2);
  assert.equal(s.recall, 1);
  assert.equal(s.safety, 1);
});
