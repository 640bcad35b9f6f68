import { INPUT_LIMITS, inputProblems, jsonShapeProblem, textProblem } from './input-rules';

describe('jsonShapeProblem: measuring a JSON text before it is parsed', () => {
  const fields = (n: number) =>
    `{${Array.from({ length: n }, (_, i) => `"f${i}":${i}`).join(',')}}`;

  it('lets through what any route really takes', () => {
    for (const text of [
      '{}',
      '[]',
      fields(100),
      JSON.stringify({
        a: { b: { c: [1, 2, { d: 'x' }] } },
        s: 'with "quotes" and \\ and , : { [',
      }),
      JSON.stringify(Array.from({ length: 1000 }, (_, i) => i)),
      '"just a string"',
      '12.5e-3',
    ]) {
      expect(jsonShapeProblem(text)).toBeNull();
    }
  });

  it('names the object with too many fields, at the top or nested', () => {
    expect(jsonShapeProblem(fields(101))).toEqual({
      field: 'body',
      message: 'may hold at most 100 fields',
    });
    expect(jsonShapeProblem(`{"name":"x","parameters":${fields(101)}}`)).toEqual({
      field: 'parameters',
      message: 'may hold at most 100 fields',
    });
    // A field name given twice is still a field more: JSON.parse would keep the last one.
    expect(
      jsonShapeProblem(`{${Array.from({ length: 101 }, () => '"a":1').join(',')}}`),
    ).not.toBeNull();
  });

  it('names where nesting goes too deep, and where an array is too long', () => {
    expect(jsonShapeProblem(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`)).toEqual({
      field: 'a.a.a.a.a.a.a.a.a.a',
      message: 'is nested too deeply: at most 10 levels of objects and arrays',
    });
    expect(jsonShapeProblem(`{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)?.field).toBe(
      'x[0][0][0][0][0][0][0][0][0]',
    );
    expect(
      jsonShapeProblem(JSON.stringify({ ids: Array.from({ length: 1001 }, () => 'x') })),
    ).toEqual({ field: 'ids', message: 'may hold at most 1000 items' });
    expect(jsonShapeProblem(JSON.stringify([[1], Array(1001).fill(null)]))?.field).toBe('[1]');
  });

  it('counts every value of the whole body', () => {
    const wide = JSON.stringify(
      Array.from({ length: 20 }, () => Array.from({ length: 600 }, () => 1)),
    );
    expect(jsonShapeProblem(wide)?.message).toBe(
      `the request holds more than ${INPUT_LIMITS.maxValues} values`,
    );
  });

  it('is not fooled by structure inside strings, escaped quotes included', () => {
    const tricky = JSON.stringify({ a: `\\"${'{'.repeat(5000)}\\\\"`, b: '[[[[[[[[[[[[' });
    expect(jsonShapeProblem(tricky)).toBeNull();
    expect(jsonShapeProblem('{"a": "unterminated')).toBeNull();
    expect(jsonShapeProblem('{{{{')).toBeNull();
  });
});

describe('inputProblems: what no parsed input may hold', () => {
  it('refuses the field names every object already has, wherever they are', () => {
    expect(inputProblems(JSON.parse('{"constructor":"y","ok":1}'))).toEqual([
      { field: 'constructor', message: '"constructor" is not accepted as a field name' },
    ]);
    expect(inputProblems(JSON.parse('{"p":{"__proto__":{"admin":true}}}'))).toEqual([
      { field: 'p.__proto__', message: '"__proto__" is not accepted as a field name' },
    ]);
    expect(inputProblems({ list: [{ toString: 'x' }] })[0].field).toBe('list[0].toString');
  });

  it('refuses NUL and other control characters, and unpaired surrogates, in values and names', () => {
    expect(inputProblems({ reference: 'a\u0000b' })).toEqual([
      {
        field: 'reference',
        message: 'must not contain control characters (U+0000 at position 2)',
      },
    ]);
    expect(inputProblems({ email: 'a\ud800b@x.example' })).toEqual([
      {
        field: 'email',
        message: 'must be valid Unicode text (an unpaired surrogate at position 2)',
      },
    ]);
    expect(inputProblems({ ['a\u0000']: 1 })).toEqual([
      { field: 'body', message: expect.stringMatching(/^a field name must not contain control/) },
    ]);
    expect(inputProblems({ q: ['ok', 'x\u001b'] })[0].field).toBe('q[1]');
  });

  it('leaves multi-line text, emoji and every script alone', () => {
    expect(
      inputProblems({ description: 'line 1\r\nline 2\ttabbed', name: 'Ω≈ç√ 😀 مرحبا 日本' }),
    ).toEqual([]);
    expect(textProblem('\ud83d\ude00')).toBeNull();
  });

  it('reports at most five problems, however many there are', () => {
    const bad = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(inputProblems(bad)).toHaveLength(5);
  });

  it('walks deep input without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(inputProblems(deep)[0].message).toMatch(/nested too deeply/);
  });
});
