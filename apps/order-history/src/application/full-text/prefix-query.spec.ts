import { hasSearchableWord, prefixQuery } from './prefix-query';

describe('prefixQuery', () => {
  it('makes every word a lower-cased prefix, all required', () => {
    expect(prefixQuery('Piz')).toBe('piz:*');
    expect(prefixQuery('  garlic   NA ')).toBe('garlic:* & na:*');
  });

  it('keeps only letters and digits, so tsquery operators typed by a user are plain separators', () => {
    expect(prefixQuery("joe's & !pizza | (42):*")).toBe('joe:* & s:* & pizza:* & 42:*');
    expect(prefixQuery('Crème brûlée, 東京')).toBe('crème:* & brûlée:* & 東京:*');
  });

  it('drops repeated words and keeps at most eight', () => {
    expect(prefixQuery('naan naan NAAN')).toBe('naan:*');
    expect(prefixQuery('a b c d e f g h i j')).toBe('a:* & b:* & c:* & d:* & e:* & f:* & g:* & h:*');
  });

  it('is null when nothing searchable was typed', () => {
    expect(prefixQuery('')).toBeNull();
    expect(prefixQuery(' &|! ')).toBeNull();
    expect(hasSearchableWord('--')).toBe(false);
    expect(hasSearchableWord('x')).toBe(true);
  });
});
