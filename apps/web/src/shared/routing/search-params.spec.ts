import { flag, oneOf, searchParams, text, uuid, wholeNumber } from './search-params';

const read = searchParams({
  q: text(5),
  category: uuid,
  sort: oneOf(['name', '-name']),
  page: wholeNumber(1),
  size: oneOf([20, 50]),
  active: flag,
});

describe('search params of a page', () => {
  it('keeps well-formed values', () => {
    expect(
      read({
        q: 'esp',
        category: '6C45D557-E9C9-48FF-88D2-B08323C445AD',
        sort: '-name',
        page: 3,
        size: 50,
        active: false,
      }),
    ).toEqual({
      q: 'esp',
      category: '6C45D557-E9C9-48FF-88D2-B08323C445AD',
      sort: '-name',
      page: 3,
      size: 50,
      active: false,
    });
  });

  it('drops malformed values and unknown keys instead of failing', () => {
    expect(
      read({
        q: 'too long',
        category: 'not-a-uuid',
        sort: 'price',
        page: 0,
        size: 30,
        active: 'yes',
        other: 1,
      }),
    ).toEqual({});
    expect(read({ page: 1.5 })).toEqual({});
  });

  it('reads a number typed into a link as text (?q=470)', () => {
    expect(read({ q: 470 })).toEqual({ q: '470' });
  });
});
