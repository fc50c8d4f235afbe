import { describe, expect, it } from 'vitest';
import { aliasTable, contextAliasTable, findEntities } from '../../../../src/shared/echo/entities';

const entities = [
  { id: 'gds', name: 'Government Digital Service', aliases: ['GDS'] },
  { id: 'gov-uk', name: 'GOV.UK', aliases: [] },
  { id: 'gov-uk-verify', name: 'GOV.UK Verify', aliases: ['Verify'], contextAliases: ['Verify'] },
  { id: 'ldc', name: 'Local Digital Coalition', aliases: ['the Coalition'] },
];

describe('entities', () => {
  const table = aliasTable(entities);

  it('finds names and aliases as whole words, case-insensitively', () => {
    expect(findEntities('The gds and the Local Digital Coalition met.', table).sort()).toEqual(['gds', 'ldc']);
    expect(findEntities('GDSX is not GDS-like', table)).toEqual(['gds']);
    expect(findEntities('nothing here', table)).toEqual([]);
  });

  it('prefers the longer name and does not count the shorter one inside it', () => {
    expect(findEntities('GOV.UK Verify will close', table)).toEqual(['gov-uk-verify']);
    expect(findEntities('GOV.UK is the website', table)).toEqual(['gov-uk']);
  });

  it('ignores context aliases, which are ordinary words elsewhere', () => {
    expect(findEntities('we will verify your identity', table)).toEqual([]);
  });

  it('keeps the context aliases apart, as hints', () => {
    const hints = contextAliasTable(entities);
    expect(findEntities('we will verify your identity', hints)).toEqual(['gov-uk-verify']);
    expect(findEntities('The Government Digital Service met.', hints)).toEqual([]);
  });
});
