import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isPointRead } from './sqlite-point-reads.ts';

const database = new BetterSqlite3(':memory:');
database.exec(`
  create table complaints (id text primary key, reference text not null unique, stage text, owner text,
    opened_at text);
  create index complaints_stage on complaints (stage);
  create unique index complaints_owner_opened on complaints (owner, opened_at);
  create table events (seq integer primary key, complaint_id text not null);
`);
const point = (sql: string) => isPointRead(database, sql, Array((sql.match(/\?/g) ?? []).length).fill('x'));

describe('point reads (kept on the main thread)', () => {
  it('are lookups by equality on a whole primary key or unique index', () => {
    expect(point('select * from complaints where id = ?')).toBe(true);
    expect(point('select * from complaints c where c.reference = ?')).toBe(true);
    expect(point('select * from complaints where owner = ? and opened_at = ?')).toBe(true);
    expect(point('select * from events where seq = ?')).toBe(true);
    expect(point('select 1')).toBe(true);
  });

  it('are not scans, ranges, sorts, non-unique or partial keys', () => {
    expect(point('select * from complaints')).toBe(false);
    expect(point('select * from complaints where stage = ?')).toBe(false);
    expect(point('select * from complaints where owner = ?')).toBe(false);
    expect(point('select * from events where seq > ?')).toBe(false);
    expect(point('select * from events where complaint_id = ?')).toBe(false);
    expect(point('select * from complaints order by opened_at')).toBe(false);
    expect(point('select count(*) from complaints')).toBe(false);
  });

  it('are not a point lookup that joins or counts by scanning', () => {
    expect(point('select * from complaints c join events e on e.complaint_id = c.id where c.id = ?')).toBe(
      false,
    );
    expect(
      point(
        'select c.*, (select count(*) from events e where e.complaint_id = c.id) from complaints c where c.id = ?',
      ),
    ).toBe(false);
  });

  it('are no EXPLAIN or other statement', () => {
    expect(point('explain query plan select * from complaints where id = ?')).toBe(false);
  });
});
